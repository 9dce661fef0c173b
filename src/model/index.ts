export * from './caps.ts';
export * from './common.ts';
export * from './dispute.ts';
export * from './order.ts';
export * from './order-card.ts';
export * from './snapshot.ts';
export * from './timeline.ts';
export * from './blank.ts';
