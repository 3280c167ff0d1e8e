/** The rate command as a function, so tests can run it in-process. */
import { compileRules } from '../domain/rules/compile';
import { parseRuleSetText } from '../domain/rules/validate';
import { rateDataset } from '../domain/rate-dataset';
import { ratingsRows, RATINGS_HEADER } from '../domain/ratings-table';
import { rollUp, DEFAULT_GROUPING } from '../domain/rollup';
import { readCanonical } from '../import/canonical';
import { toCsv } from '../import/csv';
import { ImportError } from '../import/problems';
import { parseArgs, UsageError } from './args';
import { readText, writeAtomic } from './files';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

const USAGE =
  'usage: npm run --silent rate -- --rules <rules.json> --out <ratings.csv> [--grouping <name>] <dataset.csv|.json>\n';

export function runRate(argv: readonly string[], io: Io): number {
  try {
    const args = parseArgs(argv, ['rules', 'out', 'grouping']);
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
    const dataset = readCanonical(readText(dataPath), dataPath);
    const started = performance.now();
    const rules = compileRules(validation.rules);
    const ratings = rateDataset(dataset.schools, rules);
    const groups = rollUp(ratings, args.flags.get('grouping') ?? DEFAULT_GROUPING);
    const rows = ratingsRows(ratings, groups);
    writeAtomic(out, toCsv([[...RATINGS_HEADER], ...rows]));
    const ms = Math.round(performance.now() - started);
    io.stderr(
      `rated ${ratings.schools.length} school-years on ${rules.indicators.length} indicators, ${groups.length} groups, ${rows.length} rows in ${ms} ms -> ${out}\n`,
    );
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n${USAGE}`);
      return 2;
    }
    if (e instanceof ImportError) {
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
