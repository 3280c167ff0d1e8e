/**
 * Files to the engine's table, for the data worker. One canonical dataset (a file this app or
 * the CLI wrote, or an analyst's own) is scanned straight into columns, keeping its row order,
 * notes and illustrative flags; every other set of files goes through the importers and the
 * merge, which account for every row.
 */
import { filterOptions, type FilterOptions } from '../domain/table/options';
import { tableFromDataset } from '../domain/table/from-school-years';
import type { SchoolTable } from '../domain/table/school-table';
import { allTexts } from '../domain/table/text-column';
import type { ColumnSource } from '../domain/types';
import { bomLength, firstLineEnd, scanCanonicalCsv } from './canonical-table';
import { scanCanonicalBlob } from './canonical-pieces';
import type { Encoding } from './decode';
import { importFiles, type InputFile } from './import-files';
import { newReport, type FileReport } from './model';
import { detectKind } from './read-file';

/** How far an import has got: which step, of which file, and the share of it done (0 to 1). */
export interface ImportProgress {
  step: 'reading' | 'merging';
  file: string;
  /** Files done before this one, and how many there are. */
  fileIndex: number;
  files: number;
  done: number;
}

export type OnProgress = (p: ImportProgress) => void;

export interface Imported {
  table: SchoolTable;
  sources: ColumnSource[];
  extraColumns: string[];
  reports: FileReport[];
  /** Distinct schools and the years present (worked out where the table is made). */
  schools: number;
  years: string[];
  /** What the table can be filtered by (a pass over every row, done here, not on the page). */
  options: FilterOptions;
}

export function summarise(t: SchoolTable): Pick<Imported, 'schools' | 'years' | 'options'> {
  const options = filterOptions(t);
  return { schools: new Set(allTexts(t.urn)).size, years: options.years, options };
}

/** Where each column's values came from, per year, as the merge records it. */
function canonicalSources(t: SchoolTable, label: string): ColumnSource[] {
  const out: ColumnSource[] = [];
  const years = t.year.dict.length;
  for (const [column, values] of t.numeric) {
    const counts = new Int32Array(years);
    for (let i = 0; i < t.n; i++)
      if (!Number.isNaN(values[i] as number)) counts[t.year.codes[i] as number]!++;
    counts.forEach((count, y) => {
      const year = t.year.dict[y] as string;
      if (count) out.push({ column, year, source: label, asOf: year, count });
    });
  }
  return out;
}

/** A file chosen in the browser, read by the worker itself (see `importBlobsToTable`). */
export interface BlobFile {
  name: string;
  blob: Blob;
  year?: string;
}

const readingOne = (name: string, onProgress?: OnProgress) =>
  onProgress &&
  ((done: number) => onProgress({ step: 'reading', file: name, fileIndex: 0, files: 1, done }));

function importOneCanonical(file: InputFile, onProgress?: OnProgress): Imported | undefined {
  // Scanned in its bytes: a file that is not UTF-8 (Windows-1252, or lines of both) is left to
  // the general way, which decodes it line by line and names the odd lines in its report.
  const bytes = file.bytes;
  const from = bomLength(bytes);
  const end = firstLineEnd(bytes, from);
  const firstLine = new TextDecoder().decode(bytes.subarray(from, end < 0 ? bytes.length : end));
  if (detectKind(firstLine.split(',').map((h) => h.trim())) !== 'canonical') return undefined;
  const table = scanCanonicalCsv(bytes, readingOne(file.name, onProgress));
  return table && canonicalImported(table, file.name, from ? 'utf-8-bom' : 'utf-8');
}

/** A canonical file's table as an import: every row merged, sources per column and year. */
function canonicalImported(table: SchoolTable, name: string, encoding: Encoding): Imported {
  const report = newReport(name, 'canonical', 'Canonical dataset', encoding, 'per row');
  report.rowsRead = table.n;
  report.rowsMerged = table.n;
  const extraColumns = table.extraColumns.filter((c) => {
    const v = table.numeric.get(c);
    return !!v && v.some((x) => !Number.isNaN(x));
  });
  return {
    table: { ...table, extraColumns },
    sources: canonicalSources(table, `Canonical dataset (${name})`),
    extraColumns,
    reports: [report],
    ...summarise(table),
  };
}

/**
 * Files read in pieces from this size up. A smaller file is read whole: one scan of all its
 * bytes was faster on a first, cold run (England's 5 MB, measured when pieces were decoded to
 * text: about 210 ms against 450 ms in pieces), and its bytes are small beside its table.
 */
export const READ_IN_PIECES_FROM = 32 * 2 ** 20;

/**
 * Files chosen in the browser, read in the worker: one large canonical CSV is scanned into the
 * table a piece at a time (a 100 MB file is never whole in memory); any other file, or one the fast
 * path gives up on, is read whole and imported as `importToTable` does.
 */
export async function importBlobsToTable(
  files: readonly (InputFile | BlobFile)[],
  onProgress?: OnProgress,
): Promise<Imported> {
  const only = files.length === 1 ? files[0] : undefined;
  if (only && 'blob' in only && only.blob.size >= READ_IN_PIECES_FROM) {
    const fast = await scanCanonicalBlob(only.blob, readingOne(only.name, onProgress));
    if (fast) return canonicalImported(fast.table, only.name, fast.encoding);
  }
  const inputs = await Promise.all(
    files.map(async (f) =>
      'blob' in f
        ? {
            name: f.name,
            bytes: new Uint8Array(await f.blob.arrayBuffer()),
            ...(f.year ? { year: f.year } : {}),
          }
        : f,
    ),
  );
  return importToTable(inputs, onProgress);
}

export function importToTable(files: readonly InputFile[], onProgress?: OnProgress): Imported {
  const fast =
    files.length === 1 ? importOneCanonical(files[0] as InputFile, onProgress) : undefined;
  if (fast) return fast;
  const merged = importFiles(files, {}, onProgress);
  const table = tableFromDataset(merged.dataset);
  return {
    table,
    sources: [...merged.dataset.sources],
    extraColumns: [...merged.dataset.extraColumns],
    reports: merged.reports,
    ...summarise(table),
  };
}
