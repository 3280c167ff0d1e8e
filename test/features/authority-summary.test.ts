/**
 * The authority view's summary, read off the roll-up's authority groups, says what counting the
 * filtered rows one by one says: headline counts, indicators shown and hidden, and what the
 * overall ratings rest on. On the demo data (real England schools) under every year, phase,
 * authority and grouping it has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { indicatorsRatedIn, ratingAt, rowsMatching } from '../../src/domain/engine/query';
import { rateTable } from '../../src/domain/engine/rate-table';
import { rollUpFilter, type Filter } from '../../src/domain/rated-view';
import { compileRules } from '../../src/domain/rules/compile';
import { parseRuleSetText } from '../../src/domain/rules/validate';
import { filterOptions } from '../../src/domain/table/options';
import { RATINGS } from '../../src/domain/types';
import { priorYearOf, ratedIndicators } from '../../src/domain/year-on-year';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { authoritySummary } from '../../src/features/authority/authority-summary';
import { makeFilter } from '../../src/features/use-dashboard';

const v = parseRuleSetText(readFileSync('public/data/rules/essex-style.json', 'utf8'));
if (!v.ok) throw new Error('preset invalid');
const rules = v.rules;
const table = readCanonicalTable(readFileSync('public/data/demo/dataset.csv', 'utf8'), 'demo');
const tr = rateTable(table, compileRules(rules));
const options = filterOptions(table);

const filters: Filter[] = options.years.flatMap((year) => [
  makeFilter(year, 'partnership'),
  ...options.phases.map((p) => makeFilter(year, 'partnership', p)),
  ...options.las.map(([code]) => makeFilter(year, 'partnership', undefined, code)),
  ...options.groupings.slice(1).map((g) => makeFilter(year, g, options.phases[0])),
]);

describe('authoritySummary', () => {
  it.each(filters.map((f) => [JSON.stringify(f), f] as const))(
    'agrees with a row-by-row count under %s',
    (_, filter) => {
      const prior = priorYearOf(filter, options.years);
      const before = prior
        ? ratedIndicators(tr, rowsMatching(table, { ...filter, year: prior }))
        : [];
      const s = authoritySummary(rollUpFilter(tr, filter), rules, filter, options.years, before);
      const rows = rowsMatching(table, filter);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of RATINGS)
        expect(s.counts[r]).toBe(rows.filter((i) => ratingAt(tr, -1, i) === r).length);
      const { shown, hidden } = indicatorsRatedIn(tr, rules.indicators, rows);
      expect(s.shown).toEqual(shown);
      expect(s.hidden).toEqual(hidden);
      expect(s.ratedOn).toEqual(ratedIndicators(tr, rows));
      expect(s.priorYear).toBe(options.years.filter((y) => y < filter.year).at(-1));
    },
  );

  it('is tested on filters that hide indicators and that differ from the year before', () => {
    const summaries = filters.map((f) => {
      const prior = priorYearOf(f, options.years);
      const before = prior ? ratedIndicators(tr, rowsMatching(table, { ...f, year: prior })) : [];
      return authoritySummary(rollUpFilter(tr, f), rules, f, options.years, before);
    });
    // Until the year before is known, nothing is said about it.
    expect(
      filters.every(
        (f) => authoritySummary(rollUpFilter(tr, f), rules, f, options.years).yearsDiffer === '',
      ),
    ).toBe(true);
    expect(summaries.some((s) => s.hidden.length > 0)).toBe(true);
    expect(summaries.some((s) => s.yearsDiffer !== '')).toBe(true);
  });
});
