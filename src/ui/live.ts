/**
 * Tells an extension page when the store changed, without loading Dexie (30 KB gzip, most of the
 * popup's budget). Dexie announces every committed write to other contexts of the origin on this
 * BroadcastChannel, with keys like "idb://<db>/<table>/"; tests/unit/ui/live.test.ts checks that
 * the installed Dexie still does, so an upgrade that changes it fails there, not silently here.
 */
export const DEXIE_CHANNEL = 'x-storagemutated-1';

export function onStoreChange(dbName: string, callback: () => void, settleMs = 30): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(DEXIE_CHANNEL);
  const prefix = `idb://${dbName}/`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const parts = event.data && typeof event.data === 'object' ? Object.keys(event.data) : [];
    if (!parts.some((p) => p.startsWith(prefix))) return;
    // One ingest commits several transactions; answer them with one reload.
    clearTimeout(timer);
    timer = setTimeout(callback, settleMs);
  };
  return () => {
    clearTimeout(timer);
    channel.close();
  };
}
