import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { clauseUse } from '../../src/domain/engine/clause-use';
import { rateTable } from '../../src/domain/engine/rate-table';
import { maskOf } from '../../src/domain/rated-view';
import { compileRules } from '../../src/domain/rules/compile';
import type { WhatIf } from '../../src/domain/what-if';
import type { ClauseUse } from '../../src/domain/engine/clause-use';
import { readCanonicalTable } from '../../src/import/canonical-table';
import { mostSeriousFirst, performanceColumns } from '../../src/domain/concern-order';
import { ratingAt, rowsMatching, rowsOfSchool } from '../../src/domain/engine/query';
import { rollUpFilter } from '../../src/domain/rated-view';
import { schoolDetail } from '../../src/domain/school-detail';
import { groupFigures } from '../../src/domain/engine/explain-group';
import { ratedIndicators } from '../../src/domain/year-on-year';
import { findSchools } from '../../src/domain/school-search';
import { similarView } from '../../src/domain/similar-view';
import type { ConcernAnswer, ConcernOrder } from '../../src/workers/data-service';
import { concernItems } from '../../src/domain/concern-view';
import { createDataService, WHAT_IF_LISTED } from '../../src/workers/data-service';
import { loadPresetJson } from '../helpers/schools';

describe('data service: the rule editor asks the worker', () => {
  const table = readCanonicalTable(
    readFileSync('public/data/demo/dataset.json', 'utf8'),
    'dataset.json',
  );
  const saved = loadPresetJson();
  const filter = { year: '2018/19' };

  function service() {
    const handle = createDataService();
    handle({ kind: 'put', key: 'demo', table });
    handle({ kind: 'rate', key: 'demo', rulesKey: 1, rules: saved });
    return handle;
  }

  it("for the saved rules' clause counts, the same as counting them on the page", () => {
    const use = service()({ kind: 'clauseuse', key: 'demo', rulesKey: 1, filter }) as ClauseUse;
    const tr = rateTable(table, compileRules(saved));
    expect(use).toEqual(clauseUse(tr, maskOf(table, filter)));
  });

  it.each([
    ['a year', { year: '2018/19' }],
    ['a phase of another year', { year: '2016/17', phase: 'primary' as const }],
    ['one authority by trust', { year: '2017/18', laCode: '850', grouping: 'trust' }],
  ])('for the schools causing concern in %s, most serious first', (_, f) => {
    const answer = service()({ kind: 'concern', key: 'demo', rulesKey: 1, filter: f });
    const tr = rateTable(table, compileRules(saved));
    const red = rowsMatching(table, f).filter((i) => ratingAt(tr, -1, i) === 'red');
    expect(red.length).toBeGreaterThan(1);
    expect(Array.from((answer as ConcernOrder).rows)).toEqual(
      mostSeriousFirst(tr, red, performanceColumns(tr)),
    );
  });

  it('for a what-if after them: the draft counted as from scratch, the list capped', () => {
    const handle = service();
    handle({ kind: 'clauseuse', key: 'demo', rulesKey: 1, filter });
    const draft = structuredClone(saved);
    const absence = draft.indicators.find((i) => i.id === 'persistent_absence')!;
    // Every school with a value red: thousands of changes on a bigger dataset, hundreds here.
    absence.clauses = [{ rating: 'red', when: { op: '>=', value: 0 } }];
    const w = handle({ kind: 'whatif', key: 'demo', rulesKey: 1, draft, filter }) as WhatIf;
    const full = rateTable(table, compileRules(draft));
    expect(w.draftUse).toEqual(clauseUse(full, maskOf(table, filter)));
    expect(w.changes.length).toBe(Math.min(w.changeCount, WHAT_IF_LISTED));
    expect(w.changeCount).toBeGreaterThan(0);
  });

  it('for one school: its detail under the filter, its similar schools, the finder’s matches', () => {
    const handle = service();
    const f = { year: '2018/19', grouping: 'trust' };
    const tr = rateTable(table, compileRules(saved));
    expect(handle({ kind: 'school', key: 'demo', rulesKey: 1, filter: f, urn: '115851' })).toEqual(
      schoolDetail(rollUpFilter(tr, f), '115851', '2018/19', 'trust'),
    );
    expect(
      handle({ kind: 'school', key: 'demo', rulesKey: 1, filter: f, urn: 'none' }),
    ).toBeUndefined();
    const row = rowsOfSchool(table, '115851')[2]!;
    expect(
      handle({ kind: 'similar', key: 'demo', rulesKey: 1, urn: '115851', year: '2018/19' }),
    ).toEqual(similarView(tr, row));
    expect(() =>
      handle({ kind: 'similar', key: 'demo', rulesKey: 1, urn: '115851', year: '1999/00' }),
    ).toThrow('no school with URN 115851 in 1999/00');
    expect(handle({ kind: 'find', key: 'demo', text: 'anstey' })).toEqual(
      findSchools(table, 'anstey'),
    );
  });

  it('for a page of groups explained, and what a year was rated on', () => {
    const handle = service();
    const f = { year: '2017/18', grouping: 'partnership' };
    const tr = rateTable(table, compileRules(saved));
    const gt = rollUpFilter(tr, f);
    expect(handle({ kind: 'groups', key: 'demo', rulesKey: 1, filter: f, groups: [3, 0] })).toEqual(
      [groupFigures(gt, 3), groupFigures(gt, 0)],
    );
    expect(() =>
      handle({ kind: 'groups', key: 'demo', rulesKey: 1, filter: f, groups: [gt.size] }),
    ).toThrow(`no group ${gt.size} in this roll-up`);
    const labels = handle({ kind: 'ratedon', key: 'demo', rulesKey: 1, filter: f });
    expect(labels).toEqual(ratedIndicators(tr, rowsMatching(table, f)));
    // The demo's 2017/18 has no absence data: its ratings rest on fewer indicators.
    expect(labels).not.toContain('Absence');
  });

  it('with the concern list, explains its first page as the screen opens on it', () => {
    const handle = service();
    const f = { year: '2018/19', grouping: 'partnership' };
    const tr = rateTable(table, compileRules(saved));
    const concern = handle({
      kind: 'concern',
      key: 'demo',
      rulesKey: 1,
      filter: f,
      firstPage: 3,
    }) as ConcernAnswer;
    expect(concern.firstItems).toEqual(
      concernItems(tr, Array.from(concern.rows.subarray(0, 3)), 'partnership'),
    );
  });
});
