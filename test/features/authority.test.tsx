// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { failures } from '../../mocks/handlers/data';
import { server } from '../../mocks/node';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';
import { previousOf, yearsBySchool } from '../../src/domain/year-on-year';
import { parseCsvRows } from '../../src/import/csv';

describe('authority view', () => {
  const { rated, groups } = demoRated();
  const latest = rated.schools.filter((s) => s.school.year === '2018/19');
  const count = (r: string) => latest.filter((s) => s.overall.rating === r).length;
  // The concern list's order as the engine's ratings give it, counted here row by row.
  const kinds = rated.rules.source.indicators.filter((i) => i.kind === 'performance');
  const tally = (s: (typeof latest)[number], r: string) =>
    kinds.filter((i) => s.byIndicator[i.id]?.rating === r).length;
  const byName = new Intl.Collator('en-GB');
  const mostSeriousFirst = () =>
    latest
      .filter((s) => s.overall.rating === 'red')
      .sort(
        (a, b) =>
          tally(b, 'red') - tally(a, 'red') ||
          tally(b, 'amber') - tally(a, 'amber') ||
          byName.compare(a.school.name, b.school.name),
      );

  it('shows headline counts by overall rating, as the engine rates the demo', async () => {
    renderApp('#/authority');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Hampshire and Surrey, 2018/19' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    const section = screen.getByRole('list', { name: 'Schools by overall rating' });

    expect(within(section).getByText('Causing concern').closest('li')?.textContent).toContain(
      String(count('red')),
    );
    expect(within(section).getByText('Green').closest('li')?.textContent).toContain(
      String(count('green')),
    );
  });

  it('lists partnerships with links to drill down, and explains cells with text', async () => {
    renderApp('#/authority');
    const table = await screen.findByRole(
      'table',
      { name: /Group ratings, 2018\/19/ },
      { timeout: 20000 },
    );
    // A new list is put on the page a few rows a frame (useRevealed).
    const link = await within(table).findByRole('link', { name: 'Winchester' }, { timeout: 10000 });
    expect(link.getAttribute('href')).toContain('#/partnership?');
    expect(link.getAttribute('href')).toContain('p=Winchester');
    // every rating has a word, not only a colour
    expect(within(table).getAllByText(/^(Red|Amber|Green|No data)$/).length).toBeGreaterThan(50);
  });

  it("sorts by a column and opens a group's reasons by keyboard", async () => {
    const user = userEvent.setup();
    renderApp('#/authority');
    const table = await screen.findByRole(
      'table',
      { name: /Group ratings, 2018\/19/ },
      { timeout: 20000 },
    );
    const firstPartnership = () =>
      table.querySelector('tbody tr:not(.row-authority):not(.group-why) th a')?.textContent;
    const header = within(table).getByRole('columnheader', { name: /^Group/ });
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    // The authorities stay on top, in the chosen order too.
    const authorityNames = () =>
      [...table.querySelectorAll('tbody tr.row-authority th a')].map((a) => a.textContent);
    expect(authorityNames()).toEqual(['Hampshire', 'Surrey']);
    const names = groups()
      .filter((g) => g.level === 'partnership' && g.year === '2018/19')
      .map((g) => g.name)
      .sort(new Intl.Collator('en-GB').compare);
    expect(firstPartnership()).toBe(names[0]);
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(firstPartnership()).toBe(names.at(-1));
    expect(authorityNames()).toEqual(['Surrey', 'Hampshire']);
    // the reasons of a group, from a button (keyboard and touch), not only a hover tooltip
    const last = names.at(-1)!;
    const why = within(table).getByRole('button', {
      name: new RegExp(`^Why ${last} is rated so$`),
    });
    why.focus();
    await user.keyboard('{Enter}');
    expect(why.getAttribute('aria-expanded')).toBe('true');
    const details = document.getElementById(why.getAttribute('aria-controls')!)!;
    // The reasons are worked out by the data worker once the table is read.
    await waitFor(() => expect(details.textContent).toContain(last));
    expect(details.textContent).not.toContain('Working out why');
    expect(details.querySelectorAll('li').length).toBeGreaterThan(3);
  });

  it('lists every school causing concern with its red reasons', async () => {
    renderApp('#/authority?year=2018/19');
    const h = await screen.findByRole(
      'heading',
      { name: `Schools causing concern (${count('red')})` },
      { timeout: 20000 },
    );
    // A page at a time: show them all, as a person would.
    const section = h.parentElement as HTMLElement;
    for (
      let more = within(section).queryByRole('button', { name: /^Show \d+ more schools$/ });
      more;
      more = within(section).queryByRole('button', { name: /^Show \d+ more schools$/ })
    )
      await userEvent.click(more);
    const list = section.querySelector('.concern-list') as HTMLElement;
    await waitFor(() => expect(list.children.length).toBe(count('red')));
    expect(list.textContent).toMatch(/: red/);
    // Most red performance indicators first, then most amber, then by name (en-GB).
    const order = mostSeriousFirst().map((s) => s.school.name);
    expect([...list.children].map((li) => li.querySelector('a')?.textContent)).toEqual(order);
    // new or persisting, from the engine's rating of the school's previous year
    const by = yearsBySchool(rated.schools);
    const persisting = latest.filter(
      (s) => s.overall.rating === 'red' && previousOf(s, by)?.overall.rating === 'red',
    ).length;
    expect(persisting).toBeGreaterThan(0);
    expect(within(list).getAllByText('also causing concern in 2017/18')).toHaveLength(persisting);
    const unrated = latest.filter(
      (s) => s.overall.rating === 'red' && previousOf(s, by)?.overall.rating === 'none',
    ).length;
    expect(within(list).queryAllByText('not rated in 2017/18')).toHaveLength(unrated);
    // Like for like: a school whose overall rests on indicators last year did not rate (the
    // demo has no absence data for 2017/18) is "not comparable", never "new".
    const perf = rated.rules.source.indicators.filter((i) => i.kind === 'performance');
    const differs = (s: (typeof latest)[number]) => {
      const p = previousOf(s, by);
      return (
        !!p &&
        perf.some(
          (i) =>
            (p.byIndicator[i.id]?.rating === 'none') !== (s.byIndicator[i.id]?.rating === 'none'),
        )
      );
    };
    const notComparable = latest.filter(
      (s) =>
        s.overall.rating === 'red' &&
        ['amber', 'green'].includes(previousOf(s, by)?.overall.rating ?? '') &&
        differs(s),
    ).length;
    expect(notComparable).toBeGreaterThan(0);
    expect(
      within(list).getAllByText(/^not comparable: 2017\/18 has no .*Absence.* data$/),
    ).toHaveLength(notComparable);
    expect(within(list).queryAllByText(/^new: (amber|green) in 2017\/18$/).length).toBe(
      count('red') -
        persisting -
        unrated -
        notComparable -
        within(list).queryAllByText('no earlier year').length,
    );
    // Every school red on absence this year had no absence rating last year: none is "new".
    for (const li of within(list)
      .getAllByText(/^Absence [\d.]+%/)
      .map((e) => e.closest('li')!.parentElement!.closest('li')!))
      expect(li.textContent).not.toMatch(/new: (amber|green) in 2017\/18/);
  });

  it('downloads the schools causing concern as CSV, in the list’s order, with their reasons', async () => {
    // The download's Blob, caught where the button makes its link.
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:concern');
    URL.revokeObjectURL = () => undefined;
    try {
      renderApp('#/authority?year=2018/19&grouping=trust');
      const h = await screen.findByRole(
        'heading',
        { name: `Schools causing concern (${count('red')})` },
        { timeout: 20000 },
      );
      await userEvent.click(
        within(h.parentElement as HTMLElement).getByRole('button', { name: 'Download as CSV' }),
      );
      // Written in the data worker, so it comes a moment after the click.
      await waitFor(() => expect(blobs).toHaveLength(1));
      const [header, ...rows] = parseCsvRows(await blobs[0]!.text());
      expect(header).toEqual([
        'urn',
        'name',
        'trust',
        'phase',
        'reds',
        'ambers',
        'reason',
        'previous_overall',
      ]);
      const red = mostSeriousFirst();
      expect(rows.map((r) => r[0])).toEqual(red.map((s) => s.school.urn));
      const by = yearsBySchool(rated.schools);
      red.forEach((s, k) => {
        const [, name, trust, phase, reds, ambers, reason, previous] = rows[k]!;
        expect(name).toBe(s.school.name);
        expect(trust).toBe(s.school.groupings?.trust?.trim() || '(no partnership)');
        expect(phase).toBe(s.school.phase);
        expect(Number(reds)).toBe(tally(s, 'red'));
        expect(Number(ambers)).toBe(tally(s, 'amber'));
        expect(reason).toBe(s.overall.reason);
        const p = previousOf(s, by);
        expect((previous ?? '').startsWith(p ? `${p.school.year}: ` : '')).toBe(true);
        if (!p) expect(previous).toBe('');
      });
      expect(
        await screen.findByText(`Downloaded causing-concern-2018-19.csv (${red.length} rows).`),
      ).toBeTruthy();
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
    }
  });

  it('orders concerns most serious first and filters them by partnership', async () => {
    const user = userEvent.setup();
    renderApp('#/authority?year=2018/19');
    const h = await screen.findByRole(
      'heading',
      { name: `Schools causing concern (${count('red')})` },
      { timeout: 20000 },
    );
    const section = h.parentElement as HTMLElement;
    const perf = rated.rules.source.indicators.filter((i) => i.kind === 'performance');
    const reds = (s: (typeof latest)[number]) =>
      perf.filter((i) => s.byIndicator[i.id]?.rating === 'red').length;
    const concern = latest.filter((s) => s.overall.rating === 'red');
    const most = Math.max(...concern.map(reds));
    // Each page of the list is explained by the data worker, so it comes after the heading.
    const first = await waitFor(
      () => section.querySelector('.concern-list > li') ?? Promise.reject(new Error('no list')),
    );
    expect(first.querySelectorAll(':scope > ul > li')).toHaveLength(most);
    // one partnership's concerns only
    const partnership = concern[0]!.school.partnership;
    const select = within(section).getByLabelText(/^Show the schools of/);
    const option = within(select).getByRole('option', {
      name: (n) => n.startsWith(`${partnership} (`),
    });
    await user.selectOptions(select, option);
    const theirs = concern.filter((s) => s.school.partnership === partnership).length;
    await waitFor(() => expect(section.querySelectorAll('.concern-list > li').length).toBe(theirs));
    for (const li of section.querySelectorAll('.concern-list > li'))
      expect(li.textContent).toContain(`(${partnership})`);
  });

  it("says what each year's overall ratings rest on, and that 2017/18 is not like for like", async () => {
    renderApp('#/authority?year=2018/19');
    const h = await screen.findByRole(
      'heading',
      { name: 'Schools by overall rating' },
      { timeout: 20000 },
    );
    const text = (h.parentElement as HTMLElement).textContent ?? '';
    expect(text).toMatch(/2018\/19 overall ratings rest on .*Absence/);
    expect(text).toMatch(
      /Not like for like with 2017\/18: 2017\/18 has no Absence, Persistent absence data/,
    );
  });

  it('names its groups as the chosen grouping does, authorities first when there are several', async () => {
    renderApp('#/authority?grouping=trust');
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Authorities, trusts and indicators' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    cleanup();
    renderApp('#/authority?grouping=trust&la=936');
    expect(
      await screen.findByRole(
        'heading',
        { level: 2, name: 'Trusts and indicators' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
  });

  it('filters by phase and LA through the URL', async () => {
    renderApp('#/authority?la=936');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Surrey, 2018/19' }, { timeout: 20000 }),
    ).toBeTruthy();
  });

  it('says clearly when the data cannot be loaded', async () => {
    server.use(...(failures['dataset-500'] ?? []));
    renderApp('#/authority');
    const alert = await screen.findByRole('alert', {}, { timeout: 20000 });
    expect(alert.textContent).toMatch(/The data could not be loaded/);
    expect(alert.textContent).toMatch(/500/);
    // the server comes back: "Try again" loads the dashboard
    server.resetHandlers();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Hampshire and Surrey, 2018/19' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
  });

  it('says when the trigger rules cannot be loaded, and loads them on "Try again"', async () => {
    server.use(...(failures['rules-500'] ?? []));
    renderApp('#/authority');
    const alert = await screen.findByRole('alert', {}, { timeout: 20000 });
    expect(alert.textContent).toMatch(/The trigger rules could not be loaded.*500/s);
    server.resetHandlers();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Hampshire and Surrey, 2018/19' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
  });

  it('reports a malformed dataset by field', async () => {
    server.use(...(failures['dataset-malformed'] ?? []));
    renderApp('#/authority');
    const alert = await screen.findByRole('alert', {}, { timeout: 20000 });
    expect(alert.textContent).toMatch(/schools\[0\]\.phase: "infant" is not a phase/);
  });

  it('reports invalid rules by field path', async () => {
    server.use(...(failures['rules-invalid'] ?? []));
    renderApp('#/authority');
    const alert = await screen.findByRole('alert', {}, { timeout: 20000 });
    expect(alert.textContent).toMatch(/overall\.amberWhenRedCount/);
  });
});
