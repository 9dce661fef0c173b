import type { OrderCard } from '../../../src/model/index.ts';

/** A My orders card written by hand: its id and status line, nothing else shown. */
export const bareCard = (orderId: string, status: string | null = 'Awaiting delivery'): OrderCard => ({
  orderId,
  status,
  info: null,
  total: null,
  store: null,
  lines: [],
  buttons: [],
  progress: null,
});
