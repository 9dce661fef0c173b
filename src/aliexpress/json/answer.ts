import type { PageDispute, PageOrder } from '../../model/index.ts';
import type { AnswerRead, JsonInput } from '../read.ts';
import type { JsonContext } from './common.ts';
import { parseAnswerText, TAP_MAX_CHARS } from '../tap-protocol.ts';
import { guessApi, readJson } from './index.ts';

/**
 * One tapped or saved answer (its object, or its text) read with the JSON readers: the API it is
 * checked and read as (the name it came with, else the one its content suggests) and what it
 * says. The background does this for the content script (the `tappedAnswer` message), so the
 * readers stay off the page; tools and tests plug it into read() (`useAnswerReader`). Never throws.
 */
export function readAnswer(j: JsonInput, ctx: JsonContext): AnswerRead {
  // The tap passes an answer's text as the page received it (tap-protocol.ts TapMessage).
  const text = typeof j.json === 'string' ? j.json : null;
  const named = j.api?.trim().toLowerCase() || null;
  if (j.tooLarge || (text !== null && text.length > TAP_MAX_CHARS)) return { api: named, tooLarge: true };
  const json = text === null ? j.json : parseAnswerText(text);
  const api = named ?? guessApi(json);
  const read = readJson(json, api, ctx);
  // Any script on the page can post an answer: the store trusts a status from one less.
  for (const item of [...read.orders, ...read.disputes]) (item as PageOrder | PageDispute).statusVia = 'json';
  return { api, read };
}
