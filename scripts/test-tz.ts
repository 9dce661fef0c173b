/**
 * Runs the timeline, rules and calendar tests once per time zone. Deadlines are UTC instants and must not
 * move with the shopper's zone; a test in the suite checks that each run really is in its zone
 * (TEST_TZ), so a zone that failed to reach the test workers fails instead of passing silently.
 *
 *   npm run test:tz            all five zones
 *   npm run test:tz -- Asia/Tokyo   the zones given
 */
import { spawnSync } from 'node:child_process';

// Honolulu (-10, no daylight saving): a page's date read as UTC midnight is the day before there.
const ZONES = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Pacific/Honolulu'];
const PATHS = ['tests/unit/timeline', 'tests/unit/rules', 'tests/unit/calendar'];

const zones = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ZONES;
const failed: string[] = [];
for (const zone of zones) {
  console.log(`\n== TZ=${zone}`);
  const run = spawnSync('npx', ['vitest', 'run', ...PATHS], {
    stdio: 'inherit',
    env: { ...process.env, TZ: zone, TEST_TZ: zone },
  });
  if (run.status !== 0) failed.push(zone);
}
console.log(failed.length === 0 ? `\nPassed in ${zones.join(', ')}.` : `\nFailed in ${failed.join(', ')}.`);
process.exit(failed.length === 0 ? 0 : 1);
