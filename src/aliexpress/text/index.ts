export { parseCountdown, countdownMs } from './countdown.ts';
export { pageDate, parseDate, monthNames, numericOrder } from './date.ts';
export { localeForLang, localeRules, loadLocales, allLocales, type LocaleRules } from './locale-rules.ts';
export { parseAmount, parseMoney } from './money.ts';
export { normText, textOf } from './normalize.ts';
