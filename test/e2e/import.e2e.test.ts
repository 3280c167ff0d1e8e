/**
 * A big file in real Chromium: the import says how far it has got, can be cancelled, and a
 * newer import replaces one still running (the newer one's data is what shows); data a
 * replaced worker held is given to the new one when it is next shown.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { collectErrors } from '../../src/cli/browser-harness';
import { repeatedCsv } from '../../src/cli/repeat-csv';
import { serveAppUnderTest } from './app-under-test';

const app = serveAppUnderTest();

// The demo dataset repeated under new URNs: about 60 MB, 180,000 rows (derived from real data).
function bigCsv(): string {
  const demo = readFileSync('public/data/demo/dataset.csv', 'utf8');
  const file = join(mkdtempSync(join(tmpdir(), 'big-import-')), 'big.csv');
  writeFileSync(file, repeatedCsv(demo, 100, 1_000_000).csv);
  return file;
}

it('shows the progress of a big import, cancels it, and lets a newer import win', async () => {
  const big = bigCsv();
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const errors = collectErrors(page);
  await page.goto(`${app.base}#/data`);
  const input = page.getByLabel('Choose files, or drop them here');
  await input.setInputFiles(big);
  await expect
    .poll(() => page.locator('.import-progress [role="status"]').textContent(), { timeout: 30000 })
    .toMatch(/^Reading big\.csv: \d+%$/);
  expect(await page.getByRole('progressbar', { name: 'Import progress' }).count()).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect.poll(() => page.locator('.import-progress').count()).toBe(0);
  expect(await page.getByText('Use this data in the dashboard').count()).toBe(0);

  // The same file chosen again after a cancel is read again; and a newer import while it runs
  // wins: the newer one's file is the one read.
  await input.setInputFiles(big);
  await page.locator('.import-progress').waitFor();
  await input.setInputFiles('public/data/demo/dataset.csv');
  await page
    .getByRole('button', { name: 'Use this data in the dashboard' })
    .waitFor({ timeout: 30000 });
  const report = (await page.locator('main').textContent()) ?? '';
  expect(report).toContain('dataset.csv');
  expect(report).not.toContain('big.csv');
  expect(report).toMatch(/2,894 school-years/);
  await page.getByRole('button', { name: 'Use this data in the dashboard' }).click();
  await page.locator('.headline-count').first().waitFor({ timeout: 30000 });
  // The demo was read by a worker the cancel replaced: the page keeps no table, so the new
  // worker is given the demo again when it is next shown.
  await page.goto(`${app.base}#/authority`);
  await page
    .getByRole('heading', { level: 1, name: 'Hampshire and Surrey, 2018/19' })
    .waitFor({ timeout: 30000 });
  await page.getByRole('heading', { name: /^Schools causing concern \(\d+\)$/ }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
});
