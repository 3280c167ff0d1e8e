/** Agreeing triggers in real Chromium: edit the attendance trigger, see the what-if, apply, reload, still there. */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { Condition, RuleSet } from '../../src/domain/rules/schema';
import { encodeShare } from '../../src/state/rules-share';
import { axeViolations, collectErrors } from '../../src/cli/browser-harness';
import { serveAppUnderTest } from './app-under-test';

const app = serveAppUnderTest();

it('edits the attendance trigger, shows the what-if, applies it, and keeps it after a reload', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(`${app.base}#/rules`);
  const absence = page
    .locator('details.indicator-editor')
    .filter({ has: page.locator('summary strong', { hasText: /^Absence$/ }) });
  await absence.locator('summary').click();
  const percentile = absence.getByLabel(/^Percentile/).first();
  await percentile.fill('90');
  const summary = page.locator('.what-if-summary');
  await expect
    .poll(() => summary.textContent(), { timeout: 15000 })
    .toMatch(
      /^[\d,]+ schools?, [\d,]+ partnerships? and [\d,]+ authorit(y|ies) would change colour\.$/,
    );
  const counts = (await summary.textContent()) ?? '';
  expect(Number(counts.split(' ')[0])).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/rules-what-if.png' });
  await page.getByLabel('Name for your rule set').fill('Consultation draft');
  await page.getByRole('button', { name: 'Apply and save as a new rule set' }).click();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Trigger rules' }).waitFor();
  await expect
    .poll(() => page.locator('.dataset-label').textContent())
    .toMatch(/rules: Consultation draft v1/);
  await expect
    .poll(() =>
      page
        .locator('details.indicator-editor')
        .filter({ hasText: 'Absence' })
        .first()
        .locator('summary')
        .textContent(),
    )
    .toMatch(/above the 90th percentile/);
  // the dashboard rates with the applied rules
  await page.goto(`${app.base}#/school?urn=115851`);
  await page.getByRole('heading', { level: 1, name: 'Anstey Junior School' }).waitFor();
  expect(errors).toEqual([]);
  await context.close();
});

it('says a 700-deep shared rule set cannot be read, with the field, and keeps working', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await context.newPage();
  const errors = collectErrors(page);
  const rules = JSON.parse(readFileSync('public/data/rules/essex-style.json', 'utf8')) as RuleSet;
  let when: Condition = { op: '>', value: 1 };
  for (let d = 0; d < 700; d++) when = { all: [when] };
  rules.indicators[0]!.clauses = [{ rating: 'red', when }];
  await page.goto(`${app.base}#/rules?share=${encodeShare(rules)}`);
  const region = page.getByRole('alert').filter({ hasText: 'The shared rules could not be read' });
  await expect
    .poll(() => region.textContent(), { timeout: 15000 })
    .toMatch(/indicators\[0\]\.clauses\[0\]\.when.*nested more than \d+ deep/);
  // The rest of the screen is there: the saved rules can still be edited.
  await page.getByRole('heading', { level: 1, name: 'Trigger rules' }).waitFor();
  expect(await axeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

it('with browser storage full, says the rules could not be saved, and a reload shows the truth', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 1100 } });
  const page = await context.newPage();
  await page.goto(`${app.base}#/rules`);
  await page.getByRole('heading', { level: 1, name: 'Trigger rules' }).waitFor();
  // Fill this origin's real storage quota: big strings, then smaller, until nothing fits.
  const filled = await page.evaluate(() => {
    let size = 1 << 20;
    let k = 0;
    let total = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`filler-${k++}`, 'x'.repeat(size));
        total += size;
      } catch {
        size = Math.floor(size / 2);
      }
    }
    return total;
  });
  expect(filled).toBeGreaterThan(1_000_000);
  const absence = page
    .locator('details.indicator-editor')
    .filter({ has: page.locator('summary strong', { hasText: /^Absence$/ }) });
  await absence.locator('summary').click();
  await absence
    .getByLabel(/^Percentile/)
    .first()
    .fill('90');
  await page.getByLabel('Name for your rule set').fill('Unsaved draft');
  await page.getByRole('button', { name: 'Apply and save as a new rule set' }).click();
  await expect
    .poll(() => page.locator('main').textContent())
    .toMatch(/could not be saved in this browser \(its storage is full\)/);
  // The version is not called saved.
  expect(await page.locator('.ruleset-actions').textContent()).toMatch(
    /Version 1, made .*: not saved in this browser, so it will be lost when this page closes/,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'test-results/rules-storage-full.png' });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Trigger rules' }).waitFor();
  // Nothing claims the lost save: the dashboard is on the rules saved before (the preset).
  await expect.poll(() => page.locator('.dataset-label').textContent()).not.toMatch(/Unsaved/);
  expect(await page.locator('main').textContent()).not.toMatch(/Unsaved draft/);
  await context.close();
});
