import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, startStaticServer } from './browser-harness';
const csv = join(mkdtempSync(join(tmpdir(), 'p-')), 'national.csv');
copyFileSync('data-national/dataset.csv', csv);
const { server, base } = await startStaticServer();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const cdp = await page.context().newCDPSession(page);
const t00 = performance.now();
page.on('console', (m) => console.log(Math.round(performance.now() - t00), m.text()));
await page.goto(`${base}#/data`);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
let t = performance.now();
console.log('start', Math.round(t - t00));
const marks: string[] = [];
await page.getByLabel('Choose files, or drop them here').setInputFiles(csv);
await page
  .getByRole('button', { name: 'Use this data in the dashboard' })
  .waitFor({ timeout: 120000 });
marks.push(`report shown ${Math.round(performance.now() - t)}`);
await page.getByRole('button', { name: 'Use this data in the dashboard' }).click();
await page.locator('.headline-count').first().waitFor({ timeout: 120000 });
marks.push(`dashboard ${Math.round(performance.now() - t)}`);
await page.waitForTimeout(500);
await cdp.send('Profiler.start');
await browser.startTracing(page, {
  path: '/tmp/prof/trace.json',
  categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
});
t = performance.now();
await page.getByLabel('Phase').selectOption('secondary');
await page
  .getByRole('heading', { level: 1, name: /secondary schools$/ })
  .waitFor({ timeout: 60000 });
marks.push(`filter ${Math.round(performance.now() - t)}`);
await browser.stopTracing();
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/prof/browser.cpuprofile', JSON.stringify(profile));
console.log(marks.join('\n'));
await browser.close();
server.close();
