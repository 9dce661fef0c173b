/**
 * What the background does for the content script's reading, so the page carries neither the ten
 * languages' labels, the selectors nor the JSON readers: it hands out the rules a page is read
 * with, reads the answers the tap passed on (the `pageRules` and `tappedAnswer` messages) and
 * what the My orders cards a snapshot brings as text mean (`snapshot`).
 */
import {
  keepValid,
  PageDispute,
  PageOrder,
  type PageReading,
  type PageSnapshot,
  type Problem,
} from '../model/index.ts';
import { readCards } from './cards.ts';
import { combineDisputes, combineOrders, combineProblems } from './combine.ts';
import { readAnswer } from './json/answer.ts';
import { canonicalLocale } from './locale.ts';
import type { AnswerRead } from './read.ts';
import { checkedLocaleFiles, checkedSelectors, useBundledRules } from './bundled-rules.ts';
import type { SelectorsLoad } from './dom/selectors.ts';
import { localeForLang } from './text/locale-rules.ts';

/** English labels show up on pages in other languages (untranslated buttons), so they come with every language. */
const FALLBACK = 'en';

export interface PageRules {
  locales: Record<string, unknown>;
  /** rules/selectors.json as the background's check left it: the selectors, or why there are none. */
  selectors: SelectorsLoad;
}

/**
 * What a page whose `<html lang>` says `lang` is read with: the selectors, and the rules/locales
 * files of its language and English, or of every language when it names none we have (the
 * readers then try each). Only files that pass validation: the background checked them all once.
 */
export function rulesForLang(lang: string | null): PageRules {
  useBundledRules();
  const valid = checkedLocaleFiles();
  const own = localeForLang(lang);
  const names = own ? [own, FALLBACK] : Object.keys(valid);
  const locales = Object.fromEntries(names.filter((n) => Object.hasOwn(valid, n)).map((n) => [n, valid[n]!]));
  return { locales, selectors: checkedSelectors() };
}

export interface TappedAnswer {
  api: string;
  json: unknown;
  url: string;
  /** What the page's `<html lang>` said, as the DOM readers' locale comes from it. */
  lang: string | null;
}

/** One answer the tap passed on, read as read() would have read it beside its page's document. */
export function readTapped(answer: TappedAnswer, readAt: Date): AnswerRead {
  useBundledRules();
  const locale = localeForLang(answer.lang) ?? canonicalLocale(answer.lang);
  return readAnswer({ json: answer.json, api: answer.api }, { url: answer.url, locale, readAt });
}

export interface CardsUnderstood {
  /** The reading with its cards' orders and disputes ahead of its JSON ones, as read() combines them. */
  snapshot: PageSnapshot;
  /** What the cards' texts did not say clearly (an unknown status, a date or total not read): the page shows these too. */
  problems: Problem[];
}

/**
 * A snapshot's My orders cards read (cards.ts) in their language, or in every language where it
 * has no answer. Their orders outrank what the page's JSON said, as the DOM always does; each is
 * checked against the model as a page's own order is, so a card that says too much costs itself only.
 */
export function readSnapshotCards(reading: PageReading): CardsUnderstood {
  const { cards, ...snapshot } = reading;
  if (!cards) return { snapshot, problems: [] };
  useBundledRules();
  // The page names a language we have labels for, or none; anything else is read in every one.
  const read = readCards(cards.items, localeForLang(cards.locale));
  const problems = [...(cards.refused ?? []), ...read.problems];
  const orders = keepValid(PageOrder, read.orders, 'cards', problems);
  const disputes = keepValid(PageDispute, read.disputes, 'cards', problems);
  return {
    snapshot: {
      ...snapshot,
      orders: combineOrders(orders, snapshot.orders),
      disputes: combineDisputes(disputes, snapshot.disputes),
      problems: combineProblems(snapshot.problems, problems),
    },
    problems,
  };
}
