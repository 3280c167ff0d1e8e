/**
 * npm run data:build               -> public/data/demo/ (committed: the embedded demo)
 * npm run data:build -- --national -> data-national/ (not committed: benchmark and scale tests)
 * Reads ../shared/data (or $SHARED_DATA). Writes every file atomically, with the import report.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeCanonicalCsv, writeCanonicalJson } from '../import/canonical';
import { formatReports, reportsBalance } from '../import/report-text';
import { buildDemo } from './build/build-demo';
import { buildNational } from './build/build-national';
import { SHARED_DATA, sharedDataPresent } from './build/sources';
import { writeAtomic } from './files';

const ROOT = resolve(import.meta.dirname, '../..');
const national = process.argv.includes('--national');

if (!sharedDataPresent()) {
  process.stderr.write(
    `data:build needs the real DfE/GIAS files at ${SHARED_DATA} (set SHARED_DATA to point elsewhere)\n`,
  );
  process.exit(1);
}
const started = performance.now();
const { dataset, reports } = national ? buildNational() : buildDemo();
if (!reportsBalance(reports)) {
  process.stderr.write('internal error: the import report does not account for every row\n');
  process.exit(1);
}
const dir = national ? resolve(ROOT, 'data-national') : resolve(ROOT, 'public/data/demo');
mkdirSync(dir, { recursive: true });
const attribution =
  'Contains public sector information licensed under the Open Government Licence v3.0.\n';
writeAtomic(resolve(dir, 'dataset.json'), writeCanonicalJson(dataset));
writeAtomic(resolve(dir, 'dataset.csv'), writeCanonicalCsv(dataset));
writeAtomic(resolve(dir, 'import-report.txt'), `${attribution}\n${formatReports(reports)}`);
const las = new Set(dataset.schools.map((s) => s.laCode)).size;
const urns = new Set(dataset.schools.map((s) => s.urn)).size;
process.stderr.write(
  `${national ? 'national' : 'demo'} dataset: ${urns} schools, ${dataset.schools.length} school-years, ${las} LAs -> ${dir} (${Math.round(performance.now() - started)} ms)\n`,
);
