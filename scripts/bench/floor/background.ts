/** The floor's background: each batch of cards written with one Dexie bulkPut. */
import Dexie, { type Table } from 'dexie';

declare const chrome: {
  runtime: { onMessage: { addListener(f: (message: unknown) => boolean | undefined): void } };
};

interface Card {
  id: string;
  status: string;
}

const db = new Dexie('bench-floor') as Dexie & { orders: Table<Card, string> };
db.version(1).stores({ orders: 'id' });

chrome.runtime.onMessage.addListener((message) => {
  if (Array.isArray(message)) void db.orders.bulkPut(message as Card[]);
  return undefined;
});
