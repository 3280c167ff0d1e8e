/**
 * The national dataset (England 2018/19, ~23,000 schools) loaded through "Your data" in real
 * Chromium: it imports, rates in the worker, the biggest partnership table sorts and filters,
 * the map (on a canvas) picks schools by keyboard and click, and a school's page draws England
 * in its strips; axe finds nothing on either. Functional only; timings are measured by `npm run bench:browser`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildNational } from '../../src/cli/build/build-national';
import { sharedDataPresent } from '../../src/cli/build/sources';
import { writeCanonicalCsv } from '../../src/import/canonical';
import {
  axeViolations,
  collectErrors,
  launch,
  startStaticServer,
} from '../../src/cli/browser-harness';

let server: Server;
let base = '';
let browser: Browser;
let csv = '';
beforeAll(async () => {
  if (!sharedDataPresent()) return;
  csv = join(mkdtempSync(join(tmpdir(), 'national-')), 'england-2018-19.csv');
  writeFileSync(csv, writeCanonicalCsv(buildNational().dataset));
  ({ server, base } = await startStaticServer());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

it.skipIf(!sharedDataPresent())(
  'loads, rates and tabulates the national dataset in the browser',
  async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(`${base}#/data`);
    await page.getByLabel('Choose files, or drop them here').setInputFiles(csv);
    await page
      .getByRole('button', { name: 'Use this data in the dashboard' })
      .click({ timeout: 60000 });
    await page.getByRole('heading', { level: 1, name: /, 2018\/19$/ }).waitFor({ timeout: 60000 });
    // On a phone, England's counts (six digits) fit without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth))
      .toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1400, height: 1000 });
    const schools = await page.locator('.headline-count').allTextContents();
    // Counts are shown with thousands separators ("12,345").
    expect(schools.map((s) => Number(s.replace(/,/g, ''))).reduce((a, b) => a + b, 0)).toBe(23181);
    await page.goto(
      `${base}#/partnership?source=uploaded&p=${encodeURIComponent('Kent: not in a trust')}`,
    );
    await page
      .getByRole('heading', { level: 1, name: 'Kent: not in a trust, 2018/19' })
      .waitFor({ timeout: 60000 });
    const shown = page.getByText(/^\d+ of \d+ schools shown/);
    const total = Number(((await shown.textContent()) ?? '').split(' ')[0]);
    expect(total).toBeGreaterThan(200);
    // virtualised: far fewer rows in the DOM than schools in the table
    expect(await page.locator('.schools-table tbody tr').count()).toBeLessThan(80);
    await page
      .getByRole('columnheader', { name: /Overall/ })
      .getByRole('button')
      .click();
    await page.getByRole('searchbox', { name: 'Find a school in this table' }).fill('primary');
    await expect
      .poll(async () => Number(((await shown.textContent()) ?? '').split(' ')[0]))
      .toBeLessThan(total);
    await page
      .locator('.schools-table .table-scroll')
      .evaluate((el) => el.scrollTo(0, el.scrollHeight));
    // The map draws its 16,000 markers on a canvas: the keyboard and a click still pick schools.
    await page.goto(`${base}#/map?source=uploaded`);
    const map = page.getByRole('group', { name: /^Map of \d+ schools coloured by Overall/ });
    await map.waitFor({ timeout: 60000 });
    expect(await page.locator('canvas.map-canvas').count()).toBe(1);
    expect(await map.locator('a.map-point').count()).toBe(0);
    const details = page.locator('.map-details h2');
    await map.focus();
    await page.keyboard.press('ArrowRight');
    await details.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => details.count()).toBe(0);
    const box = (await map.boundingBox())!;
    let picked = '';
    for (let fy = 0.3; !picked && fy < 0.9; fy += 0.05) {
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * fy);
      // A school picked: the hint gives way to its details, named by the worker a moment later.
      if (await page.locator('.map-details p.muted').count()) continue;
      await details.waitFor();
      picked = (await details.textContent()) ?? '';
    }
    expect(picked).not.toBe('');
    // The school picked is named and explained by the data worker.
    await expect
      .poll(() => page.locator('.map-details p').first().textContent())
      .toMatch(/: (red|amber|green)$|Overall: /);
    // The table twin names a page of schools at a time, asked of the worker.
    await page.getByRole('button', { name: 'Show the map as a table' }).click();
    const twin = page.getByRole('region', { name: 'Map as a table' });
    await expect.poll(() => twin.locator('tbody tr').count()).toBe(200);
    expect((await twin.locator('tbody tr th a').first().textContent())?.trim()).not.toBe('');
    expect(await axeViolations(page)).toEqual([]);
    // A school's page: a strip of every primary school in England per indicator, as paths.
    await page.goto(`${base}#/school?source=uploaded&urn=100000`);
    const strips = page.getByRole('img', {
      name: /^Absence: this school [\d.]+% among 16,?779 schools/,
    });
    await strips.waitFor({ timeout: 60000 });
    expect(await page.locator('svg.strip circle').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  },
  180_000,
);
