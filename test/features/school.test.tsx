// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';
import { yearOnYear } from '../../src/domain/year-on-year';
import { failures } from '../../mocks/handlers/data';
import { server } from '../../mocks/node';

describe('school view', () => {
  const { rated } = demoRated();
  const anstey = rated.schools.find(
    (s) => s.school.urn === '115851' && s.school.year === '2018/19',
  )!;

  it('a head teacher finds their school by name', async () => {
    const user = userEvent.setup();
    renderApp('#/school');
    await user.type(
      await screen.findByRole(
        'searchbox',
        { name: 'Find a school by name or URN' },
        { timeout: 20000 },
      ),
      'Anstey',
    );
    await user.click(screen.getByRole('link', { name: 'Anstey Junior School' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Anstey Junior School' }),
    ).toBeTruthy();
  });

  it('explains every indicator in plain English, with position, trend and peers', async () => {
    renderApp('#/school?urn=115851');
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Anstey Junior School' },
      { timeout: 20000 },
    );
    const table = screen.getByRole('table', { name: /Anstey Junior School, 2018\/19/ });
    const absence = within(table).getByRole('row', { name: /^Absence/ });
    expect(absence.textContent).toContain(anstey.byIndicator.attendance!.reason);
    expect(
      within(absence).getByRole('img', { name: /Absence: this school 3\.3% among \d+ schools/ }),
    ).toBeTruthy();
    const ks2 = within(table).getByRole('row', { name: /^KS2 RWM/ });
    expect(ks2.textContent).toContain('68% in 2016/17, 57% in 2017/18, 63% in 2018/19');
    expect(ks2.textContent).toMatch(/improving/);
    const surplus = within(table).getByRole('row', { name: /^Surplus places/ });
    expect(surplus.textContent).toMatch(
      /Combines values of different dates: capacity of 2022-04-20, pupils of 2018\/19/,
    );
    const condition = within(table).getByRole('row', { name: /^Building condition/ });
    expect(condition.textContent).toMatch(/illustrative/i);
    // KS2 progress with its precision: DfE band, confidence interval and cohort
    const writing = within(table).getByRole('row', { name: /^KS2 writing progress/ });
    expect(writing.textContent).toMatch(
      /well below average \(DfE band\); 95% confidence interval -4\.3 to -1\.4, wholly below 0; cohort 60 pupils/,
    );
    expect(screen.getByText(/Ofsted: Good \(inspected 2 May 2019\)/)).toBeTruthy();
    // on paper: when, which rules, which data and sources
    expect(document.querySelector('.print-meta')?.textContent).toMatch(
      /^Printed \d+ \w+ \d{4}\. Rules: Essex-style \(preset, version 1\)\. Data: Demo: Hampshire and Surrey primary schools, 2018\/19\.Sources for 2018\/19: .*School census/,
    );
    // performance indicators (where the reds are) before context
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow.textContent).not.toMatch(/\(context\)/);
    // a way up to its partnership and authority
    const crumbs = screen.getByRole('navigation', { name: 'Breadcrumb' });
    expect(
      within(crumbs).getByRole('link', { name: 'East Hampshire' }).getAttribute('href'),
    ).toMatch(/^#\/partnership\?.*p=East\+Hampshire/);
    expect(within(crumbs).getByRole('link', { name: 'Hampshire' }).getAttribute('href')).toMatch(
      /^#\/authority\?.*la=850/,
    );
    expect(await screen.findByRole('table', { name: /Similar schools/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print visit brief' })).toBeTruthy();
  });

  it('says when the England figures cannot be loaded, and loads them on "Try again"', async () => {
    server.use(...(failures['benchmarks-404'] ?? []));
    renderApp('#/school?urn=115851');
    const alert = await screen.findByText(
      /England figures could not be loaded \(/,
      {},
      { timeout: 20000 },
    );
    expect(alert.textContent).toMatch(/England figures could not be loaded \(.*404.*\)/);
    const table = screen.getByRole('table', { name: /Anstey Junior School, 2018\/19/ });
    const absence = () => within(table).getByRole('row', { name: /^Absence/ });
    expect(absence().querySelector('td.england')?.textContent).toBe(
      'England figures could not be loaded',
    );
    server.resetHandlers();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await vi.waitFor(
      () => expect(absence().querySelector('td.england')?.textContent).toMatch(/^median /),
      { timeout: 20000 },
    );
    expect(screen.queryByText(/England figures could not be loaded \(/)).toBeNull();
  });

  it('lists performance indicators reds first, then the context ones reds first', async () => {
    renderApp('#/school?urn=115851');
    const table = await screen.findByRole(
      'table',
      { name: /Anstey Junior School, 2018\/19/ },
      { timeout: 20000 },
    );
    const ranks = { Red: 0, Amber: 1, Green: 2, 'No data': 3 } as Record<string, number>;
    const rows = within(table).getAllByRole('row').slice(1);
    const kinds = rows.map((r) => (/\(context\)/.test(r.textContent ?? '') ? 1 : 0));
    const rated = rows.map(
      (r) => ranks[r.querySelector('td[data-label="Rating"]')?.textContent ?? ''] ?? 3,
    );
    const order = kinds.map((k, i) => k * 10 + rated[i]!);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(rows[0]!.textContent).toMatch(/^KS2 RWM expected standard/);
  });

  it('places the school among 30 similar junior schools, with the method on the page', async () => {
    renderApp('#/school?urn=115851');
    const position = await screen.findByRole(
      'table',
      { name: /Where this school stands among its 30 similar schools, 2018\/19/ },
      { timeout: 20000 },
    );
    expect(
      screen.getByText(/schools of the same year and type \(junior\) nearest on FSM %/),
    ).toBeTruthy();
    const absence = within(position).getByRole('row', { name: /^Absence/ });
    expect(absence.textContent).toMatch(/3\.3%.*\d+(st|nd|rd|th) of \d+ \(lower is better\)/);
    const list = screen.getByRole('table', { name: /Similar schools in 2018\/19, nearest first/ });
    const rows = within(list).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(30);
    for (const r of rows) expect(r.textContent).toMatch(/, junior/);
  });

  it('says when a URN is not in the dataset', async () => {
    renderApp('#/school?urn=999999');
    expect((await screen.findByRole('alert', {}, { timeout: 20000 })).textContent).toBe(
      'No school with URN 999999 in this dataset.',
    );
  });
});

describe('school view: what moved', () => {
  it('lists the ratings that changed since the previous year, as the engine rates them', async () => {
    // Binsted CofE Primary: amber overall in 2017/18, red in 2018/19, but 2017/18 has no
    // absence data, so overall is not called worse: it is not comparable, and compared again
    // on the indicators both years rate.
    const { rated } = demoRated();
    const [prev, cur] = ['2017/18', '2018/19'].map((y) =>
      rated.schools.find((s) => s.school.urn === '116271' && s.school.year === y)!,
    );
    const change = yearOnYear(
      prev!,
      cur!,
      rated.rules.source.indicators,
      rated.rules.source.overall,
    );
    expect(prev!.overall.rating).toBe('amber');
    expect(cur!.overall.rating).toBe('red');
    expect(change.moved.map((m) => m.indicator)).not.toContain('overall');
    expect(change.notCompared).toContain('Overall');
    expect(change.basis).toContainEqual({ label: 'Absence', missingIn: '2017/18' });
    expect(change.likeForLike?.on.length).toBeGreaterThan(0);
    renderApp('#/school?urn=116271');
    const h = await screen.findByRole(
      'heading',
      { name: 'What moved since 2017/18' },
      { timeout: 20000 },
    );
    const section = h.parentElement as HTMLElement;
    const items = within(within(section).getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent?.split(':')[0])).toEqual(
      change.moved.map((m) => m.label),
    );
    expect(items[0]?.textContent).toMatch(/worse \(.+ in 2017\/18, .+ in 2018\/19\)/);
    expect(section.textContent).toMatch(
      /Overall: not comparable \(2017\/18 has no Absence, Persistent absence data\)/,
    );
    expect(section.textContent).toMatch(
      /On the \d+ performance indicators rated in both years \(.+\), overall was \w+ in 2017\/18 and is \w+ in 2018\/19\./,
    );
    expect(section.textContent).toMatch(/Absence \(no data for 2017\/18\)/);
  });
});

describe('school view table twin', () => {
  it('gives the position charts as a table with the engine cut-offs', async () => {
    const { rated } = demoRated();
    const anstey = rated.schools.find(
      (s) => s.school.urn === '115851' && s.school.year === '2018/19',
    )!;
    const q3 = anstey.byIndicator.attendance!.thresholds.find(
      (t) => t.label === 'upper quartile',
    )!.value;
    renderApp('#/school?urn=115851');
    const table = await screen.findByRole(
      'table',
      { name: /Comparison groups \(primary schools, 2018\/19\)/ },
      { timeout: 20000 },
    );
    const row = within(table).getByRole('row', { name: /^Absence/ });
    expect(row.textContent).toContain(`${Math.round(q3 * 10) / 10}%`);
  });
});

describe('school view under a new filter', () => {
  it('keeps the school on screen while its year is worked out, never the finder', async () => {
    renderApp('#/school?urn=115851&year=2018/19');
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Anstey Junior School' },
      { timeout: 20000 },
    );
    const headings: string[] = [];
    const watch = new MutationObserver(() =>
      headings.push(document.querySelector('h1')?.textContent ?? ''),
    );
    watch.observe(document.body, { subtree: true, childList: true, characterData: true });
    window.location.hash = '#/school?urn=115851&year=2017/18';
    await screen.findByRole(
      'table',
      { name: /Anstey Junior School, 2017\/18/ },
      { timeout: 20000 },
    );
    watch.disconnect();
    expect(headings.length).toBeGreaterThan(0);
    expect(headings.every((h) => h === 'Anstey Junior School')).toBe(true);
  });
});
