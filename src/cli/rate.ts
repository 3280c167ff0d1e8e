/**
 * Headless rating: npm run --silent rate -- --rules <rules.json> --out <ratings.csv> <dataset>
 * Writes one row per school x indicator (plus overall) and per partnership/authority x
 * indicator. Bad input exits non-zero naming the file, row and column; nothing is written.
 */
import { runRate } from './run-rate';

// Progress only on a terminal, on one line rewritten in place (cleared before other output).
let shown = false;
const clear = () => {
  if (shown) process.stderr.write('\r\x1b[K');
  shown = false;
};
const code = runRate(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => {
    clear();
    process.stderr.write(s);
  },
  ...(process.stderr.isTTY
    ? {
        progress: (s: string) => {
          process.stderr.write(`\r\x1b[K${s}`);
          shown = true;
        },
      }
    : {}),
});
clear();
process.exitCode = code;
