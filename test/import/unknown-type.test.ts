/**
 * A census school type no importer knows is kept with phase unknown and named in the report, not
 * dropped: rows of the real 2018/19 England census (../shared/data/dfe-2018-19), one retyped.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SHARED_DATA } from '../../src/cli/build/sources';
import { compileRules } from '../../src/domain/rules/compile';
import { parseRuleSetText } from '../../src/domain/rules/validate';
import { rateDataset } from '../../src/domain/rate-dataset';
import { phasePlural } from '../../src/domain/format';
import { readCanonical, writeCanonicalCsv } from '../../src/import/canonical';
import { importFiles } from '../../src/import/import-files';
import { reportsBalance } from '../../src/import/report-text';
import { describeWithSharedData } from '../helpers/shared-data';

describeWithSharedData('a school of unknown type', () => {
  const lines = readFileSync(`${SHARED_DATA}/dfe-2018-19/england_census.csv`, 'utf8').split('\n');
  // The header, City of London's school and Camden's first ten, two of them retyped.
  const rows = lines.slice(0, 13);
  const retype = (i: number, type: string) =>
    (rows[i] = rows[i]!.replace(/^(\d+,\d+,\d+,)[^,]+/, `$1${type}`));
  retype(9, 'Hospital school');
  retype(10, 'Hospital school');
  const text = rows.join('\n') + '\n';
  const urnOf = (i: number) => rows[i]!.split(',')[0]!;

  it('is kept with phase unknown, and the report names the type and the rows', () => {
    const r = importFiles([
      { name: 'england_census.csv', bytes: new TextEncoder().encode(text), year: '2018/19' },
    ]);
    expect(reportsBalance(r.reports)).toBe(true);
    const kept = r.dataset.schools.filter((s) => s.phase === 'unknown').map((s) => s.urn);
    expect(kept).toEqual([urnOf(9), urnOf(10)]);
    expect(r.reports[0]!.notes).toContain(
      '2 schools of a school type not known here, "Hospital school", kept with phase unknown: indicators for a phase do not apply to them, and they are compared only with each other (e.g. row 10, 11)',
    );
    // Independent schools are still skipped with their reason.
    expect(r.reports[0]!.skipped['independent school (not state-funded)']?.count).toBeGreaterThan(
      0,
    );
  });

  it('survives the canonical file, and is rated only with its own kind', () => {
    const r = importFiles([
      { name: 'england_census.csv', bytes: new TextEncoder().encode(text), year: '2018/19' },
    ]);
    const again = readCanonical(writeCanonicalCsv(r.dataset), 'dataset.csv');
    expect(again.schools.filter((s) => s.phase === 'unknown')).toHaveLength(2);
    const v = parseRuleSetText(readFileSync('public/data/rules/essex-style.json', 'utf8'));
    if (!v.ok) throw new Error('preset invalid');
    const rated = rateDataset(again.schools, compileRules(v.rules));
    const school = rated.schools.find((s) => s.school.urn === urnOf(9))!;
    // Deprivation applies to every phase: compared only with the other unknown-phase school,
    // too few to band; a phase's indicators do not apply.
    expect(school.byIndicator.deprivation?.reason).toMatch(
      /only 2 schools of unknown phase in Camden, 2018\/19 .*too few/,
    );
    expect(school.byIndicator.attainment_ks2?.reason).toBe(
      'KS2 RWM expected standard: not applicable to schools of unknown phase',
    );
    expect(phasePlural('unknown', 1)).toBe('school of unknown phase');
  });
});
