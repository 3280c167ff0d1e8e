import { readFileSync } from 'node:fs';
import { groupSummaries } from '../../src/domain/rated-view';
import { rateDataset } from '../../src/domain/rate-dataset';
import { readCanonicalJson } from '../../src/import/canonical';
import { loadPreset } from './schools';

/** The demo rated by the engine itself: what the views must show (not a copy of the logic). */
export function demoRated() {
  const ds = readCanonicalJson(readFileSync('public/data/demo/dataset.json', 'utf8'), 'demo');
  const rated = rateDataset(ds.schools, loadPreset());
  return { ds, rated, groups: (year = '2018/19') => groupSummaries(rated, { year }) };
}
