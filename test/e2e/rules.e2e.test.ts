/** Agreeing triggers in real Chromium: edit the attendance trigger, see the what-if, apply, reload, still there. */
import { expect, it } from 'vitest';
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
