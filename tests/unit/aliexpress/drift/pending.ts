/**
 * Drift kinds the readers do not survive yet: they stay in the generators but are left out of the
 * asserted runs. `DRIFT_REPORT=1` still runs each of them alone and prints how often it escapes,
 * with fast-check's shrunk counterexample. Empty: every drift kind is asserted.
 */
export const PENDING_DRIFTS: readonly string[] = [];
