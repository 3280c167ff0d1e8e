/**
 * npm run bench:browser: medians, in real Chromium on the production build, of loading the
 * national dataset (England 2018/19) through "Your data" until the dashboard shows it, changing a
 * filter (re-roll-up in the worker), and sorting and filtering the biggest partnership table.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median } from 'd3-array';
import { buildNational } from './build/build-national';
import { sharedDataPresent } from './build/sources';
import { generateDataset } from './generate';
import { writeCanonicalCsv } from '../import/canonical';
import { launch, startStaticServer } from './browser-harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const csv = join(mkdtempSync(join(tmpdir(), 'bench-')), 'national.csv');
const real = sharedDataPresent();
writeFileSync(csv, writeCanonicalCsv(real ? buildNational().dataset : generateDataset(24000, 1)));
const { server, base } = await startStaticServer();
const browser = await launch();
const times: Record<string, number[]> = {
  load: [],
  loadLongest: [],
  filterLongest: [],
  whatifLongest: [],
  filter: [],
  whatif: [],
  longest: [],
  sort: [],
  search: [],
};
const partnership = real ? 'Kent: not in a trust' : 'Partnership 886-0';

for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // Every main-thread task over 50 ms, as the browser reports it (Long Tasks API).
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const longest = () =>
    page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      const max = Math.max(0, ...w.__long);
      w.__long = [];
      return max;
    });
  await page.goto(`${base}#/data`);
  await longest();
  let t = performance.now();
  await page.getByLabel('Choose files, or drop them here').setInputFiles(csv);
  await page
    .getByRole('button', { name: 'Use this data in the dashboard' })
    .click({ timeout: 120000 });
  await page.getByRole('heading', { level: 1, name: /, 2018\/19$/ }).waitFor({ timeout: 120000 });
  await page.locator('.headline-count').first().waitFor();
  times.load!.push(performance.now() - t);
  times.loadLongest!.push(await longest());

  t = performance.now();
  await page.getByLabel('Phase').selectOption('secondary');
  await page
    .getByRole('heading', { level: 1, name: /secondary schools$/ })
    .waitFor({ timeout: 60000 });
  await page.getByRole('table', { name: /Group ratings/ }).waitFor();
  times.filter!.push(performance.now() - t);
  times.filterLongest!.push(await longest());

  // The consultation question on the rules screen: absence red for the worst 10%.
  await page.goto(`${base}#/rules?source=uploaded`);
  const absence = page
    .locator('details.indicator-editor')
    .filter({ has: page.locator('summary strong', { hasText: /^Absence$/ }) });
  await absence.locator('summary').click();
  const percentile = absence.getByLabel(/^Percentile/).first();
  await percentile.waitFor();
  await longest();
  t = performance.now();
  await percentile.fill('90');
  await page
    .locator('.what-if-summary')
    .filter({ hasText: /would change colour\.$/ })
    .waitFor({ timeout: 60000 });
  times.whatif!.push(performance.now() - t);
  times.whatifLongest!.push(await longest());
  times.longest!.push(
    Math.max(
      times.whatifLongest!.at(-1) ?? 0,
      times.filterLongest!.at(-1) ?? 0,
      times.loadLongest!.at(-1) ?? 0,
    ),
  );

  await page.goto(`${base}#/partnership?source=uploaded&p=${encodeURIComponent(partnership)}`);
  await page
    .getByRole('heading', { level: 1, name: `${partnership}, 2018/19` })
    .waitFor({ timeout: 60000 });
  t = performance.now();
  await page
    .getByRole('columnheader', { name: /Overall/ })
    .getByRole('button')
    .click();
  await page.locator('th[aria-sort="ascending"]').waitFor();
  times.sort!.push(performance.now() - t);
  t = performance.now();
  await page.getByRole('searchbox', { name: 'Find a school in this table' }).fill('primary');
  await page
    .getByText(/^\d+ of \d+ schools shown/)
    .filter({ hasNotText: /^(\d+) of \1 / })
    .waitFor();
  times.search!.push(performance.now() - t);
  await page.close();
}
await browser.close();
server.close();
const fmt = (xs: number[]) => `${Math.round(median(xs) ?? NaN)} ms`.padStart(9);
process.stdout.write(
  [
    `browser bench (Chromium, production build), ${real ? 'England 2018/19 (real)' : '24,000 generated schools'}, median of ${RUNS}:`,
    `  load file -> dashboard shown  ${fmt(times.load!)}   (read + import + rate + roll up)`,
    `  change phase filter           ${fmt(times.filter!)}   (roll-up in the worker + render)`,
    `  what-if shown after an edit   ${fmt(times.whatif!)}   (rules screen, absence red at the worst 10%)`,
    `  longest main-thread task      ${fmt(times.longest!)}   (of load ${fmt(times.loadLongest!)}, filter ${fmt(times.filterLongest!)}, what-if ${fmt(times.whatifLongest!)})`,
    `  sort a ${partnership} table   ${fmt(times.sort!)}`,
    `  filter it by name             ${fmt(times.search!)}`,
  ].join('\n') + '\n',
);
