/**
 * The page as a compact raw skeleton: what the content script hands the background (in the
 * browser, never further) to redact into a page report (src/report/redact.ts). Small on purpose:
 * it runs on AliExpress's pages, inside the content script's size budget.
 *
 * An element is `[tag, attributes, ...children]`, `attributes` a flat `[name, value, ...]` list;
 * a text is a string. Script, style and template contents, comments and our own UI are left out.
 */
export type RawNode = string | RawElement;
export type RawElement = [tag: string, attributes: string[], ...children: RawNode[]];

/** More than any AliExpress page has; a page that keeps going is cut, and the report says so. */
export const SKELETON_MAX_NODES = 40_000;
const SKIP = /^(script|style|template|noscript|svg|iframe)$/;

export function skeletonOf(root: Element): { page: RawElement; cut: boolean } {
  let left = SKELETON_MAX_NODES;
  const walk = (el: Element): RawElement => {
    const tag = el.localName;
    const attributes: string[] = [];
    for (const a of el.attributes) attributes.push(a.name, a.value);
    const node: RawElement = [tag, attributes];
    if (SKIP.test(tag)) return node;
    for (let child = el.firstChild; child && left > 0; child = child.nextSibling) {
      left--;
      if (child.nodeType === 3) node.push(child.nodeValue ?? '');
      else if (child.nodeType === 1 && !(child as Element).hasAttribute('data-refund-radar-host'))
        node.push(walk(child as Element));
    }
    return node;
  };
  const page = walk(root);
  return { page, cut: left <= 0 };
}

/** What the popup asks a page's content script (tabs.sendMessage): whether it had problems, and to save a report. */
export type ReportAsk = { name: 'reportAsk' } | { name: 'reportSave' };
export type ReportAnswer = { problems: number } | { saved: boolean };
