/**
 * Unit tests read with everything, as the background does: every bundled language (the content
 * script gets only its page's from the background), the JSON readers for raw answers (the
 * content script hands read() answers the background read) and the card reader (the content
 * script sends My orders' cards as text, which the background reads).
 */
import { readCards } from '../../../src/aliexpress/cards.ts';
import { readAnswer } from '../../../src/aliexpress/json/answer.ts';
import { useCardReader } from '../../../src/aliexpress/dom/index.ts';
import { useAnswerReader } from '../../../src/aliexpress/read.ts';
import { useBundledRules } from '../../../src/aliexpress/bundled-rules.ts';

useBundledRules();
useAnswerReader(readAnswer);
useCardReader(readCards);
