/**
 * Headless rating: npm run --silent rate -- --rules <rules.json> --out <ratings.csv> <dataset>
 * Writes one row per school x indicator (plus overall) and per partnership/authority x
 * indicator. Bad input exits non-zero naming the file, row and column; nothing is written.
 */
import { runRate } from './run-rate';

const code = runRate(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
process.exitCode = code;
