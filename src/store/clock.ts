/**
 * How far ahead of this device's clock a reading or backup record may claim to have been made.
 * Clocks drift and a backup may come from another device, so a little slack; anything further is
 * a forged or broken time that would win every "newer wins" comparison for ever.
 */
export const MAX_AHEAD_MS = 24 * 3_600_000;

/** Whether an instant lies more than MAX_AHEAD_MS after `now` (or is no instant at all). */
export function fromTheFuture(at: string, now: Date): boolean {
  const t = Date.parse(at);
  return !(t <= now.getTime() + MAX_AHEAD_MS);
}
