/** Paths of the real DfE/GIAS files in ../shared/data and how to load them for the importers. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { InputFile } from '../../import/import-files';

export const SHARED_DATA = resolve(
  process.env.SHARED_DATA ?? resolve(import.meta.dirname, '../../../../shared/data'),
);

export function sharedDataPresent(): boolean {
  return existsSync(resolve(SHARED_DATA, 'README.md'));
}

export function sharedFile(path: string, year?: string): InputFile {
  let bytes: Uint8Array = readFileSync(resolve(SHARED_DATA, path));
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  return { name: path, bytes, ...(year ? { year } : {}) };
}

/** Hampshire and Surrey primaries with three years of KS2 (the embedded demo). */
export function demoFiles(): InputFile[] {
  const ks2 = (start: number, la: string) =>
    sharedFile(
      `gias-2022-hampshire-surrey/${start}-${la}-ks2.csv`,
      `${start}/${String(start + 1).slice(2)}`,
    );
  return [
    sharedFile('gias-2022-hampshire-surrey/gias_20220420_850_936_primary.csv'),
    ks2(2016, '850'),
    ks2(2016, '936'),
    ks2(2017, '850'),
    ks2(2017, '936'),
    ks2(2018, '850'),
    ks2(2018, '936'),
    sharedFile('dfe-2018-19/england_census.csv', '2018/19'),
    sharedFile('dfe-2018-19/england_abs.csv', '2018/19'),
    sharedFile('iod-2019/imd2019_lsoa11_file1.csv.gz'),
    sharedFile('groups-2022/lookup.csv'),
    // January 2023: pupils nearer the April 2022 capacity than 2019's, FSM "eligible now".
    sharedFile('ees/spc_school_level_2022-23_850_919_936.csv'),
    // Popularity, derived from a rebuilt copy of the school-level applications and offers file.
    sharedFile('ees/apps_offers_school_level_2014-15_to_2022-23_850_919_936_rebuilt.csv'),
  ];
}

/** England 2018/19: census, school details, absence, KS2, KS4, LA names, trusts. */
export function nationalFiles(): InputFile[] {
  return [
    sharedFile('dfe-2018-19/england_census.csv', '2018/19'),
    sharedFile('dfe-2018-19/school_details_2018_cp1252.csv'),
    sharedFile('dfe-2018-19/england_abs.csv', '2018/19'),
    sharedFile('dfe-2018-19/england_ks2final_trimmed.csv', '2018/19'),
    sharedFile('dfe-2018-19/england_ks4provisional.csv', '2018/19'),
    sharedFile('dfe-2018-19/la_and_region_codes_meta.csv'),
    sharedFile('groups-2022/group_links.csv'),
  ];
}
