/**
 * npm run bench:browser: medians, in real Chromium on the production build, of loading the
 * national dataset (England 2018/19) through "Your data" until the dashboard shows it, changing a
 * filter (re-roll-up in the worker), sorting and filtering the biggest partnership table, and
 * opening a school's page and the map.
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
  school: [],
  schoolLongest: [],
  map: [],
  mapLongest: [],
  cls: [],
};
const partnership = real ? 'Kent: not in a trust' : 'Partnership 886-0';
// A London primary school of the real data (the generated data's first URN too).
const school = '100000';

/** In-page helpers the init script defines (see there). */
interface Timed {
  __untilPainted(target: Node, done: () => boolean, act: () => void): Promise<number>;
  __type(input: HTMLInputElement, value: string): void;
}

for (let i = 0; i < RUNS; i++) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  // tsx keeps function names with a __name helper; functions sent to the page need it too.
  await page.addInitScript({ content: 'window.__name = (f) => f;' });
  // Every main-thread task over 50 ms, as the browser reports it (Long Tasks API).
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    // When a file is chosen (the load is timed from here, in the page).
    document.addEventListener(
      'change',
      (e) => {
        if ((e.target as HTMLInputElement).type === 'file')
          (window as unknown as { __fileChosen: number }).__fileChosen = performance.now();
      },
      true,
    );
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(e.duration);
    }).observe({ type: 'longtask', buffered: true });
    // Every step below is timed the same way: from `act` to the first frame painted once
    // `done` holds, watching `target` for changes.
    const timed = window as unknown as Timed;
    timed.__untilPainted = (target, done, act) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (!done()) return;
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
        });
        obs.observe(target, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        act();
      });
    // As typing does: React reads the value through the native setter and an input event.
    timed.__type = (input, value) => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    };
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
  // Load: from the file input's change to the first frame painted with the dashboard's
  // headline for the new data, timed in the page (the "Use" click between is a real step).
  await page.getByLabel('Choose files, or drop them here').setInputFiles(csv);
  await page
    .locator('button', { hasText: 'Use this data in the dashboard' })
    .click({ timeout: 120000 });
  times.load!.push(
    await page.evaluate(() => {
      const w = window as unknown as { __fileChosen: number };
      return new Promise<number>((resolve) => {
        const done = () =>
          location.hash.includes('source=uploaded') &&
          !!document.querySelector('.headline-count') &&
          /, 2018\/19$/.test(document.querySelector('h1')?.textContent ?? '');
        const finish = () =>
          requestAnimationFrame(() =>
            setTimeout(() => resolve(performance.now() - w.__fileChosen)),
          );
        if (done()) return finish();
        const obs = new MutationObserver(() => {
          if (!done()) return;
          obs.disconnect();
          finish();
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
      });
    }),
  );
  times.loadLongest!.push(await longest());

  // Filter change: from the select's change to the first frame painted with the new view.
  times.filter!.push(
    await page.evaluate(() => {
      const select = [...document.querySelectorAll('label')]
        .find((l) => l.textContent?.trim().startsWith('Phase'))
        ?.querySelector('select') as HTMLSelectElement;
      return (window as unknown as Timed).__untilPainted(
        document.body,
        () =>
          /secondary schools$/.test(document.querySelector('h1')?.textContent ?? '') &&
          !document.querySelector('.updating-note') &&
          !!document.querySelector('table.group-heatmap'),
        () => {
          select.value = 'secondary';
          select.dispatchEvent(new Event('change', { bubbles: true }));
        },
      );
    }),
  );
  times.filterLongest!.push(await longest());

  // The consultation question on the rules screen: absence red for the worst 10%, from the
  // keystroke to the first frame painted with the what-if.
  await page.goto(`${base}#/rules?source=uploaded`);
  const absence = page
    .locator('details.indicator-editor')
    .filter({ has: page.locator('summary strong', { hasText: /^Absence$/ }) });
  await absence.locator('summary').click();
  const percentile = absence.getByLabel(/^Percentile/).first();
  await percentile.waitFor();
  await longest();
  const whatIfMs = await percentile.evaluate((input: HTMLInputElement) => {
    const timed = window as unknown as Timed;
    const summary = document.querySelector('.what-if-summary') as HTMLElement;
    return timed.__untilPainted(
      summary,
      () => /would change colour\.$/.test(summary.textContent ?? ''),
      () => timed.__type(input, '90'),
    );
  });
  times.whatif!.push(whatIfMs);
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
  // Sorting and filtering the table, timed in the page from the click or keystroke to the first
  // frame painted after it (a Playwright click adds its own checks and round trips: 40-80 ms).
  await page.getByRole('columnheader', { name: /Overall/ }).waitFor();
  await page.waitForTimeout(300);
  times.sort!.push(
    await page.evaluate(() => {
      const th = [...document.querySelectorAll('th[scope="col"]')].find((h) =>
        h.textContent?.startsWith('Overall'),
      ) as HTMLElement;
      return (window as unknown as Timed).__untilPainted(
        th,
        () => th.getAttribute('aria-sort') === 'ascending',
        () => th.querySelector('button')?.click(),
      );
    }),
  );
  times.search!.push(
    await page.evaluate(() => {
      const timed = window as unknown as Timed;
      const input = document.querySelector(
        '.schools-table input[type="search"]',
      ) as HTMLInputElement;
      const shown = input.closest('.schools-table')?.querySelector('p') as HTMLElement;
      return timed.__untilPainted(
        shown,
        () => {
          const m = /^(\d+) of (\d+) /.exec(shown.textContent ?? '');
          return !!m && m[1] !== m[2];
        },
        () => timed.__type(input, 'primary'),
      );
    }),
  );
  // A school's page (a strip of 16,779 schools per indicator) and the map of every school, from
  // the link followed to the first frame painted with them (the map's markers drawn).
  await page.waitForTimeout(300);
  await longest();
  times.school!.push(
    await page.evaluate((urn) => {
      return (window as unknown as Timed).__untilPainted(
        document.body,
        () =>
          !!document.querySelector('table caption')?.textContent?.includes('value, rating') &&
          document.querySelectorAll('svg.strip').length > 3,
        () => (location.hash = `#/school?source=uploaded&urn=${urn}`),
      );
    }, school),
  );
  times.schoolLongest!.push(await longest());
  await page.waitForTimeout(300);
  await longest();
  times.map!.push(
    await page.evaluate(() =>
      (window as unknown as Timed).__untilPainted(
        document.body,
        () =>
          ((document.querySelector('canvas.map-canvas') as HTMLCanvasElement | null)?.width ?? 0) >
          0,
        () => (location.hash = '#/map?source=uploaded'),
      ),
    ),
  );
  times.mapLongest!.push(await longest());
  await page.close();

  // Layout shift on the demo landing, as Lighthouse counts it (shifts not caused by input),
  // from navigation until the page has been still for 3 s.
  const landing = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await landing.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[])
        if (!e.hadRecentInput) w.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await landing.goto(`${base}#/authority`);
  await landing.locator('.headline-count').first().waitFor({ timeout: 60000 });
  await landing.waitForTimeout(3000);
  times.cls!.push(await landing.evaluate(() => (window as unknown as { __cls: number }).__cls));
  await landing.close();
}
await browser.close();
server.close();
const fmt = (xs: number[]) => `${Math.round(median(xs) ?? NaN)} ms`.padStart(9);
process.stdout.write(
  [
    `browser bench (Chromium, production build), ${real ? 'England 2018/19 (real)' : '24,000 generated schools'}, median of ${RUNS}:`,
    `  load file -> dashboard shown  ${fmt(times.load!)}   (file chosen to dashboard painted, in the page)`,
    `  change phase filter           ${fmt(times.filter!)}   (select changed to new view painted)`,
    `  what-if shown after an edit   ${fmt(times.whatif!)}   (keystroke to what-if painted; absence red at worst 10%)`,
    `  longest main-thread task      ${fmt(times.longest!)}   (of load ${fmt(times.loadLongest!)}, filter ${fmt(times.filterLongest!)}, what-if ${fmt(times.whatifLongest!)})`,
    `  sort a ${partnership} table   ${fmt(times.sort!)}`,
    `  filter it by name             ${fmt(times.search!)}`,
    `  open a school's page          ${fmt(times.school!)}   (longest task ${fmt(times.schoolLongest!)})`,
    `  open the map of every school  ${fmt(times.map!)}   (longest task ${fmt(times.mapLongest!)})`,
    `  layout shift, demo landing    ${(median(times.cls!) ?? NaN).toFixed(3).padStart(9)}      (sum of shifts without input, as Lighthouse's CLS)`,
  ].join('\n') + '\n',
);
