/**
 * npm run data:build               -> public/data/demo/ (committed: the embedded demo)
 * npm run data:build -- --national -> data-national/ (not committed: benchmark and scale tests)
 * Both also write public/data/benchmarks/england.json: England distributions per indicator of the
 * preset, phase and year (committed, small), from every school in England.
 * Reads ../shared/data (or $SHARED_DATA). Writes every file atomically, with the import report.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { benchmarksOf } from '../domain/benchmarks';
import { rateTable } from '../domain/engine/rate-table';
import { compileRules } from '../domain/rules/compile';
import { parseRuleSetText } from '../domain/rules/validate';
import { tableFromDataset } from '../domain/table/from-school-years';
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

// England benchmarks, from the national build (the demo build makes it too: it is small).
const england = national ? dataset : buildNational().dataset;
const preset = parseRuleSetText(
  readFileSync(resolve(ROOT, 'public/data/rules/essex-style.json'), 'utf8'),
);
if (!preset.ok) throw new Error('the preset rules are invalid');
const englandYears = [...new Set(england.schools.map((s) => s.year))].sort();
const benchmarks = benchmarksOf(
  rateTable(tableFromDataset(england), compileRules(preset.rules)),
  'England',
  `every school in England in the DfE and GIAS files for ${englandYears.join(', ')} (${SHARED_DATA.split('/').slice(-2).join('/')}), rated by the preset's indicators`,
);
mkdirSync(resolve(ROOT, 'public/data/benchmarks'), { recursive: true });
writeAtomic(
  resolve(ROOT, 'public/data/benchmarks/england.json'),
  `${JSON.stringify(benchmarks, null, 1)}\n`,
);
const las = new Set(dataset.schools.map((s) => s.laCode)).size;
const urns = new Set(dataset.schools.map((s) => s.urn)).size;
process.stderr.write(
  `${national ? 'national' : 'demo'} dataset: ${urns} schools, ${dataset.schools.length} school-years, ${las} LAs -> ${dir} (${Math.round(performance.now() - started)} ms)\n`,
);
