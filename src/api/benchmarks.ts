/**
 * England benchmarks shipped with the app (public/data/benchmarks/england.json, built by
 * `npm run data:build`). Optional: a page without them says so beside each figure.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { isBenchmarks, type Benchmarks } from '../domain/benchmarks';
import { fetchText, LoadError } from './fetch-text';

export const ENGLAND_PATH = 'data/benchmarks/england.json';

async function fetchEngland(): Promise<Benchmarks> {
  const text = await fetchText(ENGLAND_PATH, 'the England benchmarks');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new LoadError(`${ENGLAND_PATH} is not valid JSON: ${(e as Error).message}`);
  }
  if (!isBenchmarks(json)) throw new LoadError(`${ENGLAND_PATH} is not a benchmarks file`);
  return json;
}

export function englandQueryOptions() {
  return queryOptions({
    queryKey: ['benchmarks', 'england'],
    staleTime: Infinity,
    retry: false,
    queryFn: fetchEngland,
  });
}

/** The England figures from the page's cache, fetched the first time (rules banded on England). */
export const loadEngland = (client: QueryClient): Promise<Benchmarks> =>
  client.ensureQueryData(englandQueryOptions());
