// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { demoRated } from '../helpers/demo-ratings';
import { renderApp } from '../helpers/render-app';

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

  it('has a table twin with the same ratings', async () => {
    const user = userEvent.setup();
    renderApp('#/map');
    await user.click(
      await screen.findByRole('button', { name: 'Show the map as a table' }, { timeout: 20000 }),
    );
    const table = screen.getByRole('table', { name: /Schools, Overall, 2018\/19/ });
    expect(within(table).getAllByRole('row')).toHaveLength(latest.length + 1);
  });
});
