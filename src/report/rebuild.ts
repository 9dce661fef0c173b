/**
 * Reading a page report back (`npm run inspect`): checked whole, then turned into HTML the readers
 * read like a saved page. A file that is not a report, or a broken one, is a named refusal.
 */
import { PageKind, Problem } from '../model/index.ts';
import { REPORT_FORMAT, REPORT_VERSION, type PageReport } from './redact.ts';
import type { RawElement, RawNode } from './skeleton.ts';
import { SKELETON_MAX_NODES } from './skeleton.ts';

/** Whether a parsed JSON file claims to be a page report (then it must be a whole one). */
export function looksLikeReport(json: unknown): boolean {
  return !!json && typeof json === 'object' && (json as { format?: unknown }).format === REPORT_FORMAT;
}

const TAG = /^[a-z][a-z0-9-]*$/i;
const ATTR = /^[a-z_:][-a-z0-9_:.]*$/i;
const MAX_DEPTH = 512;

function checkNode(node: unknown, depth: number, count: { n: number }): string | null {
  if (++count.n > SKELETON_MAX_NODES + 1) return 'more nodes than a report holds';
  if (typeof node === 'string') return null;
  if (!Array.isArray(node) || node.length < 2) return 'a node is neither a text nor [tag, attributes, ...children]';
  if (depth > MAX_DEPTH) return 'nested deeper than a page';
  const [tag, attrs, ...children] = node as unknown[];
  if (typeof tag !== 'string' || !TAG.test(tag)) return `a tag name is not one: ${JSON.stringify(tag).slice(0, 40)}`;
  if (!Array.isArray(attrs) || attrs.length % 2 !== 0 || attrs.some((a) => typeof a !== 'string'))
    return `<${tag}> has attributes that are not name/value pairs`;
  for (let i = 0; i < attrs.length; i += 2)
    if (!ATTR.test(attrs[i] as string)) return `<${tag}> has an attribute name that is not one`;
  for (const child of children) {
    const error = checkNode(child, depth + 1, count);
    if (error) return error;
  }
  return null;
}

/** A page skeleton as the content script sends it (src/report/skeleton.ts): the html element, every node well formed. */
export function isSkeleton(value: unknown): value is RawElement {
  return Array.isArray(value) && value[0] === 'html' && checkNode(value, 0, { n: 0 }) === null;
}

/** The report, or why it is not one (one line). */
export function parseReport(json: unknown): { ok: true; report: PageReport } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error });
  if (!looksLikeReport(json)) return fail(`not a Refund Radar page report (no "format": "${REPORT_FORMAT}")`);
  const r = json as Record<string, unknown>;
  if (r.version !== REPORT_VERSION) return fail(`a page report of version ${String(r.version)}, not ${REPORT_VERSION}`);
  if (typeof r.url !== 'string' || !URL.canParse(r.url)) return fail('a page report without a page URL');
  if (!PageKind.safeParse(r.kind).success) return fail(`a page report of an unknown page kind ${String(r.kind)}`);
  if (r.locale !== null && typeof r.locale !== 'string') return fail('a page report whose locale is not text');
  if (typeof r.extension !== 'string') return fail('a page report without the extension version');
  if (!Array.isArray(r.problems) || !r.problems.every((p) => Problem.safeParse(p).success))
    return fail('a page report whose problems are not the readers’ problems');
  if (!Array.isArray(r.page) || r.page[0] !== 'html') return fail('a page report without its page');
  const error = checkNode(r.page, 0, { n: 0 });
  if (error) return fail(`a broken page report: ${error}`);
  return { ok: true, report: json as PageReport };
}

const VOID = /^(area|base|br|col|embed|hr|img|input|link|meta|source|track|wbr)$/;
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** The report's page as HTML, every text and value escaped. */
export function reportHtml(page: RawElement): string {
  const out: string[] = ['<!DOCTYPE html>'];
  const write = (node: RawNode): void => {
    if (typeof node === 'string') return void out.push(escapeText(node));
    const [tag, attrs, ...children] = node;
    let open = `<${tag}`;
    for (let i = 0; i < attrs.length; i += 2) open += ` ${attrs[i]}="${escapeAttr(attrs[i + 1]!)}"`;
    out.push(`${open}>`);
    if (VOID.test(tag)) return;
    children.forEach(write);
    out.push(`</${tag}>`);
  };
  write(page);
  return out.join('');
}
