// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../helpers/render-app';

const CANONICAL = [
  'urn,name,la_code,la_name,phase,partnership,year,pupils,capacity,absence_pct,persistent_absence_pct',
  '1,Alpha Primary,999,Testshire,primary,North,2018/19,50,100,4,16',
  '2,Beta Primary,999,Testshire,primary,North,2018/19,200,210,5,8',
  '3,Gamma Primary,999,Testshire,primary,South,2018/19,300,300,6,SUPP',
].join('\n');

describe('bring your own data', () => {
  it('reads files in the browser, shows the import report, and switches the dashboard to them', async () => {
    const user = userEvent.setup();
    renderApp('#/data');
    expect(
      await screen.findByText(/Your files stay on this computer/, {}, { timeout: 20000 }),
    ).toBeTruthy();
    const input = screen.getByLabelText('Choose files, or drop them here');
    await user.upload(input, [
      new File([CANONICAL], 'my-schools.csv', { type: 'text/csv' }),
      new File(
        ['urn,partnership\n1,Cluster A\n2,Cluster A\n3,Cluster B\n4,Cluster B\n'],
        'clusters.csv',
        { type: 'text/csv' },
      ),
    ]);
    expect(await screen.findByRole('heading', { name: 'Import report' })).toBeTruthy();
    expect(screen.getByText(/3 schools, 3 school-years, years 2018\/19/)).toBeTruthy();
    expect(
      screen.getByRole('region', { name: 'Import report for clusters.csv' }).textContent,
    ).toMatch(/URN not in the school list/);
    await user.click(screen.getByRole('button', { name: 'Use this data in the dashboard' }));
    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Testshire, 2018/19' },
        { timeout: 20000 },
      ),
    ).toBeTruthy();
    expect(
      within(screen.getByRole('banner')).getByText(/Your data: my-schools.csv, clusters.csv/),
    ).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Cluster A' })).toBeTruthy();
  });

  it('reports a file it does not recognise instead of failing', async () => {
    const user = userEvent.setup();
    renderApp('#/data');
    await user.upload(
      screen.getByLabelText('Choose files, or drop them here'),
      new File(['foo,bar\n1,2\n'], 'other.csv'),
    );
    expect(
      await screen.findByText(
        /other\.csv, row 1: not a recognised file: its header starts "foo", "bar"/,
      ),
    ).toBeTruthy();
    expect(
      screen
        .getAllByRole('alert')
        .map((a) => a.textContent)
        .join(' '),
    ).toMatch(/No school could be built/);
  });
});

describe('files that do not say their year', () => {
  it('asks for the year and reads the same files again with it', async () => {
    const user = userEvent.setup();
    renderApp('#/data');
    const absence = 'URN,LA,ESTAB,PERCTOT,PPERSABS10\n1,999,2000,4.5,10\n';
    await user.upload(
      await screen.findByLabelText('Choose files, or drop them here', {}, { timeout: 20000 }),
      [new File([CANONICAL], 'my-schools.csv'), new File([absence], 'absence.csv')],
    );
    expect(
      await screen.findByRole('group', {
        name: 'The academic year of each file that does not say',
      }),
    ).toBeTruthy();
    const again = screen.getByRole('button', { name: 'Read the files again with these years' });
    expect((again as HTMLButtonElement).disabled).toBe(true);
    // a year per file, in the DfE's folder spelling
    const box = screen.getByLabelText('Year of absence.csv');
    await user.type(box, '2018-2020');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    await user.clear(box);
    await user.type(box, '2018-2019');
    await user.click(again);
    // Read with its year, the absence row now meets the dataset's own 2018/19 value for URN 1
    // (4 there, 4.5 here): a conflicting duplicate is reported, never silently overwritten.
    await waitFor(() => {
      const report = screen.getByRole('region', {
        name: 'Import report for absence.csv',
      }).textContent;
      expect(report).toMatch(/year 2018\/19\. Rows read 1, merged 0/);
      expect(report).toMatch(
        /duplicate URN with conflicting values \(kept my-schools\.csv row 2\)/,
      );
    });
  });
});
