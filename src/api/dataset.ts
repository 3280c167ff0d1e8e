/**
 * Loaded datasets live in react-query: the embedded demo, or files the user brought. Each is
 * held as the engine's columnar table (the data worker has its own copy and does the work).
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { tableFromDataset } from '../domain/table/from-school-years';
import type { SchoolTable } from '../domain/table/school-table';
import { filterOptions, type FilterOptions } from '../domain/table/options';
import type { ColumnSource } from '../domain/types';
import { readCanonicalJson } from '../import/canonical';
import type { FileReport } from '../import/model';
import { ImportError, formatProblem } from '../import/problems';
import { holdTable } from './data-client';
import { fetchText, LoadError } from './fetch-text';

export type DatasetSource = 'demo' | 'uploaded';

export interface LoadedDataset {
  source: DatasetSource;
  /** Names this data in the worker. */
  key: string;
  label: string;
  table: SchoolTable;
  sources: readonly ColumnSource[];
  /** Import report, for data the user brought. */
  reports?: FileReport[];
  /** What the table can be filtered by, worked out once where the table was made. */
  options: FilterOptions;
}

export const DEMO_PATH = 'data/demo/dataset.json';

export function datasetQueryOptions(source: DatasetSource) {
  return queryOptions({
    queryKey: ['dataset', source],
    staleTime: Infinity,
    retry: false,
    queryFn: async (): Promise<LoadedDataset> => {
      if (source === 'uploaded')
        throw new LoadError('No files loaded yet: choose or drop files on the Data page.');
      const text = await fetchText(DEMO_PATH, 'the demo dataset');
      try {
        const dataset = readCanonicalJson(text, DEMO_PATH);
        const table = tableFromDataset(dataset);
        holdTable('demo', table);
        return {
          source,
          key: 'demo',
          label: 'Demo: Hampshire and Surrey primary schools',
          table,
          sources: dataset.sources,
          options: filterOptions(table),
        };
      } catch (e) {
        if (e instanceof ImportError)
          throw new LoadError(e.problems.slice(0, 5).map(formatProblem).join('\n'));
        throw e;
      }
    },
  });
}

/** Puts data the user imported in the browser into the query cache (it never leaves the browser). */
export function setUploadedDataset(
  client: QueryClient,
  loaded: Omit<LoadedDataset, 'source'>,
): void {
  client.setQueryData(datasetQueryOptions('uploaded').queryKey, { ...loaded, source: 'uploaded' });
}
