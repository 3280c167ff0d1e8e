/**
 * The one msw handler set: serves the demo dataset and rule presets (from public/data, the same
 * files the static build serves) and named failure cases, for dev (browser worker) and tests
 * (node server). Failure cases are opt-in overrides.
 */
import { http, HttpResponse, delay } from 'msw';
import demo from '../../public/data/demo/dataset.json';
import essex from '../../public/data/rules/essex-style.json';
import england from '../../public/data/benchmarks/england.json';

export const handlers = [
  http.get('*/data/demo/dataset.json', () => HttpResponse.json(demo)),
  http.get('*/data/rules/essex-style.json', () => HttpResponse.json(essex)),
  http.get('*/data/benchmarks/england.json', () => HttpResponse.json(england)),
];

/** Failure cases by name, e.g. `server.use(...failures['dataset-500'])` or `?mock=dataset-500`. */
export const failures: Record<string, ReturnType<typeof http.get>[]> = {
  'dataset-404': [
    http.get(
      '*/data/demo/dataset.json',
      () => new HttpResponse('Not found', { status: 404, statusText: 'Not Found' }),
    ),
  ],
  'dataset-500': [
    http.get(
      '*/data/demo/dataset.json',
      () => new HttpResponse('Server error', { status: 500, statusText: 'Internal Server Error' }),
    ),
  ],
  // A server that never answers (a dropped VPN): the fetch must give up, not wait for ever.
  'dataset-stalled': [
    http.get('*/data/demo/dataset.json', async () => {
      await delay('infinite');
      return HttpResponse.text('');
    }),
  ],
  'dataset-malformed': [
    http.get('*/data/demo/dataset.json', () =>
      HttpResponse.text(
        '{"format":"school-rag-dataset","schools":[{"urn":"1","year":"2018/19","phase":"infant","values":{}}]}',
      ),
    ),
  ],
  'dataset-truncated': [
    http.get('*/data/demo/dataset.json', () =>
      HttpResponse.text(JSON.stringify(demo).slice(0, 5000)),
    ),
  ],
  'benchmarks-404': [
    http.get(
      '*/data/benchmarks/england.json',
      () => new HttpResponse('Not found', { status: 404, statusText: 'Not Found' }),
    ),
  ],
  'rules-500': [
    http.get(
      '*/data/rules/essex-style.json',
      () => new HttpResponse('Server error', { status: 500, statusText: 'Internal Server Error' }),
    ),
  ],
  'rules-invalid': [
    http.get('*/data/rules/essex-style.json', () =>
      HttpResponse.json({ ...essex, overall: { redWhenRedCount: 0 } }),
    ),
  ],
};
