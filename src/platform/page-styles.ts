import helperCss from '../../assets/styles/helper.css?inline';
import startCss from '../../assets/styles/start.css?inline';

/** The styles of what the helper draws in AliExpress's pages: the Start button's, and the panel's and bar's on top. */
export interface PageStyles {
  start: string;
  helper: string;
}

/**
 * Handed to the content script with its texts (`pageTexts`): the page's script carries neither,
 * and the helper draws nothing before its texts have come. Handed to the handlers by the
 * background's wiring (entrypoints/background.ts); the content script imports only the type.
 */
export const PAGE_STYLES: PageStyles = { start: startCss, helper: helperCss };
