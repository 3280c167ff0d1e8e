/**
 * The import command as a function, so tests can run it in-process: the browser's importers over
 * files on disk, writing the canonical dataset (CSV, or JSON for a .json --out) and printing the
 * import report. A file that cannot be read stops it: non-zero exit, nothing written.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { writeCanonicalCsv, writeCanonicalJson } from '../import/canonical';
import { importFiles, type InputFile } from '../import/import-files';
import { formatReports, reportsBalance } from '../import/report-text';
import { readYear } from '../import/years';
import { parseArgs, UsageError } from './args';
import { writeAtomic } from './files';
import type { Io } from './run-rate';

const USAGE =
  'usage: npm run --silent import -- --out <dataset.csv|.json> [--year <year>] [--year FILE=<year> ...] FILES...\n' +
  '  --year 2022/23         the year of per-year files whose name, folder and rows do not say\n' +
  '  --year census.csv=2022-23   the year of one file (any of 2022/23, 2022-23, 202223, 2022-2023)\n';

export function runImport(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv, ['out', 'year']);
    if (args.switches.has('help')) {
      io.stdout(USAGE);
      return 0;
    }
    const out = args.flags.get('out');
    if (!out || args.positionals.length === 0)
      throw new UsageError('needs --out and at least one file');
    let batchYear: string | undefined;
    const fileYears = new Map<string, string>();
    for (const y of args.all.get('year') ?? []) {
      const eq = y.lastIndexOf('=');
      const [file, text] = eq >= 0 ? [y.slice(0, eq), y.slice(eq + 1)] : [undefined, y];
      const year = readYear(text);
      if (!year)
        throw new UsageError(`--year ${y}: "${text}" is not an academic year (e.g. 2022/23)`);
      if (file === undefined) batchYear = year;
      else if (!args.positionals.includes(file))
        throw new UsageError(`--year ${y}: ${file} is not one of the files given`);
      else fileYears.set(file, year);
    }
    const inputs: InputFile[] = args.positionals.map((path) => {
      let bytes: Uint8Array = readFileSync(path);
      if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
      const year = fileYears.get(path) ?? batchYear;
      return { name: path, bytes, ...(year ? { year } : {}) };
    });
    const result = importFiles(inputs);
    io.stdout(formatReports(result.reports));
    const unreadable = result.reports.filter((r) => r.problems.length > 0);
    if (unreadable.length) {
      io.stderr(
        `${unreadable.map((r) => r.file).join(', ')}: could not be read (see PROBLEM above); nothing written\n`,
      );
      return 1;
    }
    if (!reportsBalance(result.reports)) {
      io.stderr('some rows are not accounted for in the report; nothing written\n');
      return 1;
    }
    if (result.dataset.schools.length === 0) {
      io.stderr('no school-years to write (each file is reported above); nothing written\n');
      return 1;
    }
    writeAtomic(
      out,
      out.endsWith('.json')
        ? writeCanonicalJson(result.dataset)
        : writeCanonicalCsv(result.dataset),
    );
    io.stderr(`wrote ${result.dataset.schools.length} school-years -> ${out}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      io.stderr(`${err.path ?? 'file'}: no such file\n`);
      return 1;
    }
    throw e;
  }
}
