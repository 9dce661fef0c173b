export { parseCountdown, countdownMs } from './countdown.ts';
export { pageDate, parseDate, monthNames, numericOrder } from './date.ts';
export { localeForLang, localeRules, allLocales, type LocaleRules } from './locale-rules.ts';
export { loadLocales } from './locale-schema.ts';
export { parseAmount, parseMoney } from './money.ts';
export { normText, textOf } from './normalize.ts';
