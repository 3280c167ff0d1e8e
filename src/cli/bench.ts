/**
 * npm run bench: median milliseconds to parse, rate and roll up a national-size dataset with the
 * default preset. Uses data-national/dataset.csv (npm run data:build -- --national), or builds it
 * from ../shared/data, or else generates ~24,000 schools with a seeded generator.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { median } from 'd3-array';
import { compileRules } from '../domain/rules/compile';
import { parseRuleSetText } from '../domain/rules/validate';
import { rateDataset } from '../domain/rate-dataset';
import { rollUp } from '../domain/rollup';
import { readCanonicalCsv, writeCanonicalCsv } from '../import/canonical';
import { buildNational } from './build/build-national';
import { sharedDataPresent } from './build/sources';
import { generateDataset } from './generate';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function datasetText(): { text: string; from: string } {
  const built = resolve(ROOT, 'data-national/dataset.csv');
  if (existsSync(built))
    return {
      text: readFileSync(built, 'utf8'),
      from: 'data-national/dataset.csv (real, England 2018/19)',
    };
  if (sharedDataPresent())
    return {
      text: writeCanonicalCsv(buildNational().dataset),
      from: '../shared/data (real, England 2018/19, built now)',
    };
  return {
    text: writeCanonicalCsv(generateDataset(24000, 1)),
    from: 'generated (seeded, 24,000 schools)',
  };
}

const { text, from } = datasetText();
const validation = parseRuleSetText(
  readFileSync(resolve(ROOT, 'public/data/rules/essex-style.json'), 'utf8'),
);
if (!validation.ok) throw new Error('preset invalid');
const rules = compileRules(validation.rules);

const times: Record<string, number[]> = { parse: [], rate: [], rollup: [], total: [] };
let schools = 0;
let groups = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const ds = readCanonicalCsv(text, 'dataset.csv');
  const t1 = performance.now();
  const rated = rateDataset(ds.schools, rules);
  const t2 = performance.now();
  groups = rollUp(rated).length;
  const t3 = performance.now();
  schools = ds.schools.length;
  times.parse!.push(t1 - t0);
  times.rate!.push(t2 - t1);
  times.rollup!.push(t3 - t2);
  times.total!.push(t3 - t0);
}
const fmt = (xs: number[]) => `${Math.round(median(xs) ?? NaN)} ms`.padStart(9);
process.stdout.write(
  [
    `dataset: ${from}: ${schools.toLocaleString('en-GB')} school-years, ${groups.toLocaleString('en-GB')} groups, ${rules.indicators.length} indicators`,
    `median of ${RUNS} runs (node ${process.version}):`,
    `  parse CSV ${fmt(times.parse!)}`,
    `  rate      ${fmt(times.rate!)}`,
    `  roll up   ${fmt(times.rollup!)}`,
    `  total     ${fmt(times.total!)}`,
  ].join('\n') + '\n',
);
