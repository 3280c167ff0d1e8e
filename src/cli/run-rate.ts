/** The rate command as a function, so tests can run it in-process. */
import { rateTable } from '../domain/engine/rate-table';
import { DEFAULT_GROUPING, rollUpTable } from '../domain/engine/rollup-table';
import { resolve } from 'node:path';
import { isBenchmarks, type Benchmarks } from '../domain/benchmarks';
import { compileRules, usesEngland } from '../domain/rules/compile';
import { emptyColumnWarnings } from '../domain/rules/column-use';
import { parseRuleSetText } from '../domain/rules/validate';
import { ratingsRows, RATINGS_HEADER } from '../domain/ratings-table';
import { csvCell } from '../import/csv';
import { ImportError } from '../import/problems';
import { parseArgs, UsageError } from './args';
import { readCanonicalTableFile, readText, writeAtomicLines } from './files';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * How far a long step has got ("reading big.csv: 40%"), each call replacing the last; given
   * only where someone watches (a terminal), so logs and pipes get the summary alone.
   */
  progress?: (s: string) => void;
}

/** A percentage said at most once: progress lines only when the whole number changes. */
function percentSayer(say: ((s: string) => void) | undefined, what: string) {
  let last = -1;
  return (done: number) => {
    const pct = Math.min(100, Math.floor(done * 100));
    if (!say || pct === last) return;
    last = pct;
    say(`${what}: ${pct}%`);
  };
}

const USAGE =
  'usage: npm run --silent rate -- --rules <rules.json> --out <ratings.csv> [--grouping <name>] [--benchmarks <england.json>] <dataset.csv|.json>\n';

/** The England figures the app ships, for rules that band against England. */
const SHIPPED_ENGLAND = resolve(import.meta.dirname, '../../public/data/benchmarks/england.json');

class BenchmarksError extends Error {}

function readEngland(path: string): Benchmarks {
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    throw new BenchmarksError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (!isBenchmarks(json)) throw new BenchmarksError(`${path}: not a benchmarks file`);
  return json;
}

export function runRate(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv, ['rules', 'out', 'grouping', 'benchmarks']);
    if (args.switches.has('help')) {
      io.stdout(USAGE);
      return 0;
    }
    const rulesPath = args.flags.get('rules');
    const out = args.flags.get('out');
    const [dataPath, ...rest] = args.positionals;
    if (!rulesPath || !out || !dataPath || rest.length)
      throw new UsageError('needs --rules, --out and one dataset file');

    const validation = parseRuleSetText(readText(rulesPath));
    if (!validation.ok) {
      io.stderr(
        `${rulesPath}: invalid rules\n${validation.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`,
      );
      return 1;
    }
    const table = readCanonicalTableFile(
      dataPath,
      percentSayer(io.progress, `reading ${dataPath}`),
    );
    if (table.n === 0) {
      io.stderr(`${dataPath}: no school-years in the file, nothing to rate\n`);
      return 1;
    }
    const grouping = args.flags.get('grouping') ?? DEFAULT_GROUPING;
    if (grouping !== DEFAULT_GROUPING && !table.groupings.has(grouping))
      throw new UsageError(
        `--grouping ${JSON.stringify(grouping)}: ${dataPath} has no grouping_${grouping} column; it has ${[DEFAULT_GROUPING, ...table.groupings.keys()].join(', ')}`,
      );
    const started = performance.now();
    // Rules that band against England read the shipped England figures (or --benchmarks).
    const benchmarks = args.flags.get('benchmarks');
    const england =
      usesEngland(validation.rules) || benchmarks
        ? readEngland(benchmarks ?? SHIPPED_ENGLAND)
        : undefined;
    const rules = compileRules(validation.rules, { england });
    // A rule on a column no school has a value for rates everyone "no data": say so.
    for (const warning of emptyColumnWarnings(table, rules)) io.stderr(`warning: ${warning}\n`);
    const ratings = rateTable(table, rules);
    const groups = rollUpTable(ratings, undefined, grouping);
    // Written as the rows are explained: a national file repeated makes millions of them.
    const schoolRows = table.n * (rules.indicators.length + 1);
    const writing = percentSayer(io.progress, `writing ${out}`);
    function* lines() {
      yield RATINGS_HEADER.join(',');
      let k = 0;
      for (const row of ratingsRows(ratings, groups)) {
        // Schools' rows come first and are nearly all of them: counted against those.
        if ((++k & 0xfff) === 0) writing(Math.min(0.99, k / schoolRows));
        yield row.map((c) => csvCell(c)).join(',');
      }
      writing(1);
    }
    const written = writeAtomicLines(out, lines(), '\r\n');
    const ms = Math.round(performance.now() - started);
    io.stderr(
      `rated ${table.n} school-years on ${rules.indicators.length} indicators, ${groups.size} groups, ${written - 1} rows in ${ms} ms -> ${out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ImportError || e instanceof BenchmarksError) {
      io.stderr(`${e.message}\n`);
      return 1;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') {
      io.stderr(`${err.path ?? 'file'}: no such file\n`);
      return 1;
    }
    io.stderr(`${err.message ?? String(e)}\n`);
    return 1;
  }
}
