// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';
import { RATING_LABEL } from '../../src/domain/rating';

describe('map view', () => {
  const { rated } = demoRated();
  const latest = rated.schools.filter((s) => s.school.year === '2018/19');

  it('places every school with a location, each a link with its rating in words', async () => {
    renderApp('#/map?indicator=attendance');
    const map = await screen.findByRole(
      'group',
      { name: /Map of \d+ schools coloured by Absence/ },
      { timeout: 20000 },
    );
    const links = within(map).getAllByRole('link');
    expect(links).toHaveLength(latest.filter((s) => s.school.lat !== undefined).length);
    const anstey = latest.find((s) => s.school.urn === '115851')!;
    expect(
      within(map).getByRole('link', {
        name: `Anstey Junior School: ${anstey.byIndicator.attendance!.rating === 'amber' ? 'Amber' : anstey.byIndicator.attendance!.rating}`,
      }),
    ).toBeTruthy();
  });

  it("draws reds on top, keeps points out of the tab order, and shows a school's reason on a tap", async () => {
    const user = userEvent.setup();
    renderApp('#/map?indicator=attendance');
    const map = await screen.findByRole(
      'group',
      { name: /Map of \d+ schools coloured by Absence/ },
      { timeout: 20000 },
    );
    const links = within(map).getAllByRole('link');
    for (const l of links) expect(l.getAttribute('tabindex')).toBe('-1');
    // every red comes after every other colour in paint order
    const names = links.map((l) => l.getAttribute('aria-label') ?? '');
    const lastNonRed = Math.max(...names.map((n, i) => (n.endsWith(': Red') ? -1 : i)));
    const firstRed = names.findIndex((n) => n.endsWith(': Red'));
    expect(firstRed).toBeGreaterThan(lastNonRed);
    const anstey = latest.find((s) => s.school.urn === '115851')!;
    await user.click(within(map).getByRole('link', { name: /^Anstey Junior School: / }));
    expect(
      await screen.findByRole('heading', { level: 2, name: 'Anstey Junior School' }),
    ).toBeTruthy();
    expect(screen.getByText(anstey.byIndicator.attendance!.reason, { exact: false })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the school page' }).getAttribute('href')).toMatch(
      /urn=115851/,
    );
  });

  it('is one tab stop whose arrow keys move between schools, with zoom buttons', async () => {
    const user = userEvent.setup();
    renderApp('#/map?indicator=attendance');
    const map = await screen.findByRole(
      'group',
      { name: /Map of \d+ schools coloured by Absence\. Arrow keys move between schools/ },
      { timeout: 20000 },
    );
    expect(map.getAttribute('tabindex')).toBe('0');
    map.focus();
    // The first arrow picks the first red school; the next moves to another school.
    await user.keyboard('{ArrowRight}');
    const first = (await screen.findByRole('heading', { level: 2 })).textContent;
    expect(first).toBeTruthy();
    const firstRed = latest
      .filter((s) => s.school.lat !== undefined)
      .filter((s) => s.byIndicator.attendance!.rating === 'red');
    expect(firstRed.map((s) => s.school.name)).toContain(first);
    await user.keyboard('{ArrowLeft}');
    const second = screen.getByRole('heading', { level: 2 }).textContent;
    expect(second).not.toBe(first);
    // Zoom: the buttons scale the drawing and say when they can go no further.
    const drawing = map.querySelector('g') as SVGGElement;
    expect(drawing.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    expect(screen.getByRole('button', { name: 'Zoom out' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(drawing.getAttribute('transform')).toMatch(/scale\(1\.5\)$/);
    await user.click(screen.getByRole('button', { name: 'Whole area' }));
    expect(drawing.getAttribute('transform')).toBe('translate(0,0) scale(1)');
    // Enter on the map opens the chosen school's page.
    map.focus();
    await user.keyboard('{Enter}');
    expect(window.location.hash).toMatch(/^#\/school\?.*urn=\d+/);
  });

  it('has a table twin with the same ratings', async () => {
    const user = userEvent.setup();
    renderApp('#/map');
    await user.click(
      await screen.findByRole('button', { name: 'Show the map as a table' }, { timeout: 20000 }),
    );
    // A page at a time (a national map is 20,000 schools), each school once, in table order.
    const rows = () =>
      screen
        .getByRole('table', { name: /Schools, Overall, 2018\/19/ })
        .querySelectorAll('tbody tr');
    await waitFor(() => expect(rows()).toHaveLength(200), { timeout: 10000 });
    expect(screen.getByText(`Showing 200 of ${latest.length} schools.`)).toBeTruthy();
    const names = [...rows()].map((r) => r.querySelector('th a')?.textContent);
    expect(names).toEqual(latest.slice(0, 200).map((s) => s.school.name));
    rows().forEach((r, n) =>
      expect(r.querySelector('.rag-label')?.textContent).toContain(
        RATING_LABEL[latest[n]!.overall.rating],
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Show 200 more schools' }));
    await waitFor(() => expect(rows()).toHaveLength(400), { timeout: 10000 });
  });
});
