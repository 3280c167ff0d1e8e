/**
 * npm run bench: median milliseconds to parse, rate and roll up a national-size dataset with the
 * default preset. Uses data-national/dataset.csv (npm run data:build -- --national), or builds it
 * from ../shared/data, or else generates ~24,000 schools with a seeded generator.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from 'd3-array';
import { compileRules } from '../domain/rules/compile';
import { parseRuleSetText } from '../domain/rules/validate';
import { rateTable } from '../domain/engine/rate-table';
import { rollUpTable } from '../domain/engine/rollup-table';
import { rollUpFilter } from '../domain/rated-view';
import { rerate, savedClauseUse, whatIfTable } from '../domain/what-if';
import { WHAT_IF_LISTED } from '../workers/data-service';
import { writeCanonicalCsv } from '../import/canonical';
import { readCanonicalTable } from '../import/canonical-table';
import { buildNational } from './build/build-national';
import { sharedDataPresent } from './build/sources';
import { generateDataset } from './generate';
import { readCanonicalTableFile } from './files';
import { repeatedCsv } from './repeat-csv';

// The big-file run, in a process of its own: prints read ms, rate ms, peak and idle RSS in MB.
if (process.env.BENCH_BIG_FILE) {
  const idle = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  const table = readCanonicalTableFile(process.env.BENCH_BIG_FILE);
  const t1 = performance.now();
  const v = parseRuleSetText(readFileSync('public/data/rules/essex-style.json', 'utf8'));
  if (!v.ok) throw new Error('preset invalid');
  rollUpTable(rateTable(table, compileRules(v.rules)), undefined);
  const t2 = performance.now();
  const mb = (kb: number) => Math.round(kb / 1024);
  process.stdout.write(
    `${Math.round(t1 - t0)} ${Math.round(t2 - t1)} ${mb(process.resourceUsage().maxRSS)} ${mb(idle)}\n`,
  );
  process.exit(0);
}

// Run bundled (as the app ships, without tsx's name-keeping wrappers) from the package root.
const ROOT = process.cwd();
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

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
// Parsed from the file's bytes, as the data worker and the CLI read a file (no decoding of the
// whole text first).
const bytes = new TextEncoder().encode(text);
const validation = parseRuleSetText(
  readFileSync(resolve(ROOT, 'public/data/rules/essex-style.json'), 'utf8'),
);
if (!validation.ok) throw new Error('preset invalid');
const rules = compileRules(validation.rules);

// The consultation question: the attendance (persistent absence) trigger at the worst 10%.
const draftSource = structuredClone(validation.rules);
const target = draftSource.indicators.find((i) => i.id === 'persistent_absence');
if (target?.clauses?.[0]) target.clauses[0] = { rating: 'red', when: { op: '>', quantile: 0.9 } };
const draft = compileRules(draftSource);

const times: Record<string, number[]> = { parse: [], rate: [], rollup: [], total: [], whatif: [] };
let schools = 0;
let groups = 0;
let changes = 0;
let heap = 0;
let year = '';
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const table = readCanonicalTable(bytes, 'dataset.csv');
  const t1 = performance.now();
  const rated = rateTable(table, rules);
  const t2 = performance.now();
  groups = rollUpTable(rated, undefined).size;
  const t3 = performance.now();
  // The saved ratings, their roll-up and clause counts are already there when a trigger is
  // edited (the rule editor shows them); the answer lists the changes the panel shows.
  year = table.year.dict[table.year.dict.length - 1] ?? '';
  const saved = rollUpFilter(rated, { year });
  savedClauseUse(rated, saved);
  const t3b = performance.now();
  const w = whatIfTable(rated, rerate(rated, draft), { year }, saved, WHAT_IF_LISTED);
  const t4 = performance.now();
  changes = w.changeCount;
  schools = table.n;
  times.parse!.push(t1 - t0);
  times.rate!.push(t2 - t1);
  times.rollup!.push(t3 - t2);
  times.total!.push(t3 - t0);
  times.whatif!.push(t4 - t3b);
}
// Memory the national table and its ratings hold: JS heap plus typed-array buffers, measured
// after a full collection with and without them alive (needs node --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
if (gc) {
  // Buffers are freed by a background sweeper: collect, let it run, collect again.
  const used = async () => {
    for (let k = 0; k < 3; k++) {
      gc();
      await new Promise((r) => setTimeout(r, 100));
    }
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = await used();
  const kept = rateTable(readCanonicalTable(bytes, 'dataset.csv'), rules);
  heap = (await used()) - before;
  void kept.overall.length;
}
// A 100 MB canonical CSV (England repeated with new URNs, about 500,000 rows) read from disk
// into the table in pieces, then rated and rolled up, as `npm run rate` does: time and peak
// resident memory, in a process of its own so the peak is this work's alone (issue 13).
let big = '';
if (process.env.BENCH_BIG !== '0') {
  const { csv, rows } = repeatedCsv(text, Math.ceil((100 * 2 ** 20) / text.length), 10_000_000);
  const path = join(mkdtempSync(join(tmpdir(), 'bench-big-')), 'big.csv');
  writeFileSync(path, csv);
  const size = statSync(path).size;
  const child = spawnSync(process.execPath, [process.argv[1] as string], {
    env: { ...process.env, BENCH_BIG_FILE: path },
    encoding: 'utf8',
  });
  rmSync(path);
  const m = /^(\d+) (\d+) (\d+) (\d+)$/m.exec(child.stdout);
  if (!m) throw new Error(`the big-file run failed: ${child.stderr}`);
  const [, read, rated, peak, baseline] = m.map(Number) as number[];
  big = `  100 MB CSV (${(size / 2 ** 20).toFixed(0)} MB, ${rows.toLocaleString('en-GB')} rows) read from disk: read ${read} ms, rate and roll up ${rated} ms; peak resident memory ${peak} MB (a process doing nothing: ${baseline} MB)`;
}

// Two medians: of every run (the first ones run before V8 has optimised the loops, as a page's
// first load does), and of the runs after the first five (warm, as repeated edits are).
const WARMUP = 10;
const fmt = (xs: number[]) =>
  `${(median(xs) ?? NaN).toFixed(1)} ms`.padStart(10) +
  `${(median(xs.slice(WARMUP)) ?? NaN).toFixed(1)} ms`.padStart(11);
process.stdout.write(
  [
    `dataset: ${from}: ${schools.toLocaleString('en-GB')} school-years, ${groups.toLocaleString('en-GB')} groups, ${rules.indicators.length} indicators`,
    `median of ${RUNS} runs, then of runs ${WARMUP + 1}-${RUNS} (node ${process.version}, ${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}):`,
    `                 all       warm`,
    `  parse CSV ${fmt(times.parse!)}`,
    `  rate      ${fmt(times.rate!)}`,
    `  roll up   ${fmt(times.rollup!)}`,
    `  total     ${fmt(times.total!)}`,
    `  what-if   ${fmt(times.whatif!)}  (persistent absence red at the worst 10%, ${year}: ${changes.toLocaleString('en-GB')} changes)`,
    ...(heap
      ? [`  memory held by the table and its ratings: ${(heap / 2 ** 20).toFixed(1)} MB`]
      : []),
    ...(big ? [big] : []),
  ].join('\n') + '\n',
);
