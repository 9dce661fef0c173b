/**
 * The popup's first two questions (its first screen of cards and the settings), asked by a classic
 * script in popup.html's head (entrypoints/popup-ask.ts) while the popup's module still loads.
 * Asked from the module, they went out 50-60 ms after the page opened and the first message of a
 * new page took 20-30 ms to come back: on a first opening, with no last screen to draw, that wait
 * was the popup's first frame. The module takes the answers once (`takeAsked`) and asks itself
 * when the script did not run.
 */
import { ask } from '../platform/request.ts';

/**
 * Cards the background sends and the list renders at first, and adds per "show more": a shopper
 * acts on the top few, 1,000 would cost a second.
 */
export const PAGE_SIZE = 20;

/** The raw answers (`answered` in src/platform/request.ts reads them). */
export interface Asked {
  summary: Promise<unknown>;
  settings: Promise<unknown>;
}

/** Where the head's script leaves its questions for the module: the popup's own window, which only our scripts share. */
const KEY = Symbol.for('refund-radar.popup-asked');
type Holder = { [KEY]?: Asked };

export function askFirst(holder: object = globalThis): void {
  const asked: Asked = { summary: ask('dashboardSummary', { limit: PAGE_SIZE }), settings: ask('settingsGet', {}) };
  // A popup closed before its module reads them still ends quietly; the module sees any failure.
  asked.summary.catch(() => undefined);
  asked.settings.catch(() => undefined);
  (holder as Holder)[KEY] = asked;
}

/** What the head's script asked, handed out once: every later load asks anew. */
export function takeAsked(holder: object = globalThis): Asked | null {
  const asked = (holder as Holder)[KEY] ?? null;
  delete (holder as Holder)[KEY];
  return asked;
}
