// @vitest-environment jsdom
/** The school finder lists a school the files give no name (named "URN 100005") once by its URN. */
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { putInWorker } from '../../src/api/data-client';
import type { LoadedDataset } from '../../src/api/dataset';
import { createQueryClient } from '../../src/api/query-client';
import { tableFromDataset } from '../../src/domain/table/from-school-years';
import { filterOptions } from '../../src/domain/table/options';
import { SchoolFinder } from '../../src/features/school/SchoolFinder';
import { school } from '../helpers/schools';

const table = tableFromDataset({
  schools: [
    school({}, { urn: '100005', name: 'URN 100005', laName: 'Camden', partnership: 'Camden' }),
    school({}, { urn: '100006', name: 'Argyle Primary', laName: 'Camden', partnership: 'Camden' }),
  ],
  sources: [],
  extraColumns: [],
});

// The finder asks the data service (here in-thread), which holds the table under its key.
await putInWorker('finder-test', table);
const data: LoadedDataset = {
  source: 'uploaded',
  key: 'finder-test',
  label: 'test',
  n: table.n,
  sources: [],
  options: filterOptions(table),
};

describe('SchoolFinder', () => {
  it('says a nameless school’s URN once, and a named school’s URN beside its name', async () => {
    const user = userEvent.setup();
    render(
      <QueryClientProvider client={createQueryClient()}>
        <SchoolFinder data={data} linkFor={(urn) => `#/school?urn=${urn}`} />
      </QueryClientProvider>,
    );
    const box = screen.getByRole('searchbox', { name: 'Find a school by name or URN' });
    await user.type(box, '100005');
    const item = (await screen.findByRole('link', { name: 'URN 100005' })).closest('li')!;
    expect(item.textContent).toBe('URN 100005 Camden, Camden');
    await user.clear(box);
    await user.type(box, 'argyle');
    const named = (await screen.findByRole('link', { name: 'Argyle Primary' })).closest('li')!;
    expect(named.textContent).toBe('Argyle Primary URN 100006, Camden, Camden');
  });
});
