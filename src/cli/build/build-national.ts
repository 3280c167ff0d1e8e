/** Builds the England 2018/19 dataset (about 22,000 state-funded schools) for scale work. */
import type { SchoolYear } from '../../domain/types';
import { importFiles } from '../../import/import-files';
import type { MergeResult } from '../../import/merge';
import { nationalFiles } from './sources';

export function buildNational(): MergeResult {
  const result = importFiles(nationalFiles(), { snapshotYear: '2018/19' });
  // No district is published nationally: partnerships are the trust (GIAS group links, March
  // 2022, so later than the 2018/19 results: said in the report), else the LA's own schools.
  const schools = result.dataset.schools.map((s): SchoolYear => ({
    ...s,
    partnership: s.groupings?.trust ?? `${s.laName || s.laCode}: not in a trust`,
  }));
  const links = result.reports.find((r) => r.kind === 'group-links');
  links?.notes.push(
    'trust membership is as of March 2022 and is applied to 2018/19 results: a partnership is the trust a school is in now',
  );
  return { dataset: { ...result.dataset, schools }, reports: result.reports };
}
