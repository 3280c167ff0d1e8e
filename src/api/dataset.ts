/**
 * Loaded datasets live in react-query: the embedded demo, or files the user brought. The data
 * worker holds each as the engine's columnar table; the page holds what it is (its name, size,
 * sources and what it can be filtered by) and asks the worker for what it shows.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { FilterOptions } from '../domain/table/options';
import type { ColumnSource } from '../domain/types';
import type { FileReport } from '../import/model';
import { loadInWorker } from './data-client';
import { fetchText, LoadError } from './fetch-text';

export type DatasetSource = 'demo' | 'uploaded';

export interface LoadedDataset {
  source: DatasetSource;
  /** Names this data in the worker. */
  key: string;
  label: string;
  /** School-years. */
  n: number;
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
      // Read in the worker, which keeps it (and names the row and field of anything it cannot
      // read); the page is told what it is.
      const info = await loadInWorker('demo', text, DEMO_PATH);
      return {
        source,
        key: 'demo',
        label: 'Demo: Hampshire and Surrey primary schools',
        n: info.n,
        sources: info.sources,
        options: info.options,
      };
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
