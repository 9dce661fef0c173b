/**
 * Unit tests read with everything, as the background does: every bundled language (the content
 * script gets only its page's from the background) and the JSON readers for raw answers (the
 * content script hands read() answers the background read).
 */
import { readAnswer } from '../../../src/aliexpress/json/answer.ts';
import { useAnswerReader } from '../../../src/aliexpress/read.ts';
import { useBundledRules } from '../../../src/aliexpress/bundled-rules.ts';

useBundledRules();
useAnswerReader(readAnswer);
