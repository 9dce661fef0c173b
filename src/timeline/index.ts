export { timelineFor, type TimelineInput } from './timeline.ts';
export { timeLeft, NO_URGENCY, DAY_MS, HOUR_MS, type TimeLeft } from './time.ts';
export { WHY_KEYS, WHY_TEXTS, type WhyKey } from './why.ts';
export { MY_ORDERS_URL, orderDetailUrl, disputeUrl, refundStartUrl, openDisputeUrl } from './urls.ts';
