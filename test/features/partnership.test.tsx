// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';
import { parseCsvRows } from '../../src/import/csv';

describe('partnership view', () => {
  const { groups, rated } = demoRated();
  const winchester = groups().find((g) => g.level === 'partnership' && g.id === 'Winchester')!;

  it('shows the partnership beside its authority, with aggregates from the engine', async () => {
    renderApp('#/partnership?p=Winchester');
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Winchester, 2018/19' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    const table = screen.getByRole('table', { name: /Aggregate value, rating and mix/ });
    const row = within(table).getByRole('row', { name: /Surplus places/ });
    const surplus = winchester.byIndicator.surplus_places!;
    expect(row.textContent).toContain(`${surplus.aggregate!.toFixed(1)}%`);
    expect(within(table).getByRole('columnheader', { name: 'Hampshire' })).toBeTruthy();
    // England's median beside them, of the phase rated here (primary), from the shipped figures
    expect(within(table).getByRole('columnheader', { name: 'England, 2018/19' })).toBeTruthy();
    const absence = within(table).getByRole('row', { name: /^Absence/ });
    await vi.waitFor(() => expect(absence.textContent).toContain('median 3.9% of 16,779 schools'), {
      timeout: 20000,
    });
    // surplus places has no England figure: it says so rather than showing nothing
    expect(row.textContent).toMatch(
      /no England figure for primary or all-through schools in 2018\/19/,
    );
    // a primary-only partnership: KS4 and the like are named once, not rows of "No data"
    expect(within(table).queryByRole('row', { name: /Attainment 8/ })).toBeNull();
    expect(
      screen.getByText(/^Not shown, because no school here is rated on them: .*Attainment 8/),
    ).toBeTruthy();
    const schools = screen.getByRole('table', { name: /Schools of Winchester/ });
    expect(within(schools).queryByRole('columnheader', { name: /Progress 8/ })).toBeNull();
  });

  it('filters the schools table by name and sorts by a column', async () => {
    const user = userEvent.setup();
    renderApp('#/partnership?p=Winchester');
    await screen.findByRole(
      'heading',
      { level: 1, name: 'Winchester, 2018/19' },
      { timeout: 20000 },
    );
    expect(
      screen.getByText(
        `${winchester.members.length} of ${winchester.members.length} schools shown. Select a column heading to sort.`,
      ),
    ).toBeTruthy();
    await user.type(
      screen.getByRole('searchbox', { name: 'Find a school in this table' }),
      'junior',
    );
    expect(screen.getByText(/^\d+ of \d+ schools shown/).textContent).not.toMatch(
      new RegExp(`^${winchester.members.length} of`),
    );
    const header = screen.getByRole('columnheader', { name: /Overall/ });
    await user.click(within(header).getByRole('button'));
    expect(header.getAttribute('aria-sort')).not.toBe('none');
  });

  it('offers a list of partnerships when none is chosen', async () => {
    renderApp('#/partnership');
    expect(
      await screen.findByRole('link', { name: 'Winchester' }, { timeout: 20000 }),
    ).toBeTruthy();
  });

  it('downloads its schools as CSV: value, rating and reason of each indicator shown', async () => {
    const blobs: Blob[] = [];
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => (blobs.push(b as Blob), 'blob:p');
    URL.revokeObjectURL = () => undefined;
    try {
      renderApp('#/partnership?p=Winchester');
      await screen.findByRole('table', { name: /Schools of Winchester/ }, { timeout: 20000 });
      await userEvent.click(screen.getByRole('button', { name: 'Download as CSV' }));
      await waitFor(() => expect(blobs).toHaveLength(1));
      const [header, ...lines] = parseCsvRows(await blobs[0]!.text());
      expect(header!.slice(0, 5)).toEqual(['urn', 'name', 'phase', 'year', 'overall']);
      expect(header).toContain('attendance_reason');
      expect(header).not.toContain('attainment_ks4_value');
      expect(lines.map((l) => l[0]).sort()).toEqual(
        winchester.members.map((i) => rated.schools[i]!.school.urn).sort(),
      );
      const at = header!.indexOf('attendance_reason');
      for (const l of lines) {
        const s = rated.schools.find((r) => r.school.urn === l[0] && r.school.year === '2018/19')!;
        expect(l[at]).toBe(s.byIndicator.attendance!.reason);
      }
      expect(
        await screen.findByText(/^Downloaded winchester-2018-19\.csv \(\d+ rows\)\.$/),
      ).toBeTruthy();
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
    }
  });
});
