import { askFirst } from '../src/ui/popup-ask.ts';

/** popup-ask.js, loaded by popup.html's head before the popup's module (src/ui/popup-ask.ts). */
export default defineUnlistedScript(() => askFirst());
