/** What the rest of the extension uses of the page readers. */
export { detectPage, detectors } from './detect.ts';
export {
  read,
  readAhead,
  useAnswerReader,
  type AnswerRead,
  type JsonInput,
  type ReadInput,
  type ReadOptions,
} from './read.ts';
export { useCardReader } from './dom/index.ts';
export { fingerprint, heldCardsOf, holdSent, unsent, markSent, type Sent, type Delta } from './changes.ts';
export { parseTapMessage, TAP_REPLAY, TAP_SOURCE, type TapMessage } from './tap-protocol.ts';
