/**
 * Headless import: npm run --silent import -- --out <dataset.csv> [--year ...] FILES...
 * The same importers as the browser; prints the import report; writes nothing when a file
 * cannot be read.
 */
import { runImport } from './run-import';

process.exitCode = runImport(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
});
