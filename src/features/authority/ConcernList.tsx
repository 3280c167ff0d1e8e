/**
 * Schools causing concern, most serious first (most red performance indicators, then most
 * amber, then by name), each with its red reasons and whether it is new, persisting or not
 * comparable with the year before; filterable by partnership; exportable as CSV.
 */
import { memo, useMemo, useState } from 'react';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { ShowMore } from '../../components/ShowMore';
import { performanceColumns, tally } from '../../domain/concern-order';
import { explainIndicator, explainOverall } from '../../domain/engine/explain';
import { partnershipAt, partnershipsAt } from '../../domain/engine/group-structure';
import { previousRow, ratingAt } from '../../domain/engine/query';
import type { TableRatings } from '../../domain/engine/rate-table';
import { RATING_LABEL } from '../../domain/rating';
import { formatCount } from '../../domain/format';
import { phaseAt, textAt } from '../../domain/table/school-table';
import type { Rating } from '../../domain/types';
import { basisBetween, basisNote } from '../../domain/year-on-year';
import { hashFor } from '../../state/url-state';
import { GroupPicker } from './GroupPicker';
import { textOf } from '../../domain/table/text-column';

// One collator for every comparison: String.localeCompare builds one per call.
const byName = new Intl.Collator('en-GB');

export interface Previous {
  rating: Rating;
  year: string;
  /** Why the two years are not like for like ("2017/18 has no Absence data"), or "". */
  basis: string;
}

export interface ConcernListProps {
  tr: TableRatings;
  /** Rows causing concern under the filters, most serious first (from the data worker). */
  rows: readonly number[];
  year: string;
  /** The grouping the dashboard is showing (partnership, trust, ...). */
  grouping: string;
  /** URL params kept when following a link (filters). */
  linkParams: URLSearchParams;
}

/** "New" when not causing concern the year before on the same evidence, else what it was. */
function PreviousOverall({ prev }: { prev: Previous | undefined }) {
  if (!prev) return <span className="tag">no earlier year</span>;
  const { rating, year, basis } = prev;
  if (rating === 'none') return <span className="tag">not rated in {year}</span>;
  if (basis && rating !== 'red') return <span className="tag">not comparable: {basis}</span>;
  return (
    <span className={rating === 'red' ? 'tag tag-persisting' : 'tag tag-new'}>
      {rating === 'red'
        ? `also causing concern in ${year}`
        : `new: ${RATING_LABEL[rating].toLowerCase()} in ${year}`}
    </span>
  );
}

// A board asks whether a concern is new or persisting: last year's overall beside this year's.
function previousOf(tr: TableRatings, i: number, year: string): Previous | undefined {
  const t = tr.table;
  const p = previousRow(t, i);
  if (p === undefined) return undefined;
  const then = textAt(t.year, p);
  return {
    rating: ratingAt(tr, -1, p),
    year: then,
    basis: basisNote(then, year, basisBetween(tr, p, i)),
  };
}

interface ConcernItemProps {
  tr: TableRatings;
  row: number;
  year: string;
  grouping: string;
  linkParams: URLSearchParams;
}

/**
 * One school causing concern with its red reasons. Memoised: while a list is revealed a few
 * rows a frame, the rows already there are not explained again at every step.
 */
const ConcernItem = memo(function ConcernItem({
  tr,
  row: i,
  year,
  grouping,
  linkParams,
}: ConcernItemProps) {
  const t = tr.table;
  const reds = performanceColumns(tr).filter((k) => ratingAt(tr, k, i) === 'red');
  const p = new URLSearchParams(linkParams);
  p.set('urn', textOf(t.urn, i));
  return (
    <li>
      <a href={hashFor('school', p)}>{textOf(t.name, i)}</a>{' '}
      <span className="muted">({partnershipAt(t, i, grouping)})</span>{' '}
      <PreviousOverall prev={previousOf(tr, i, year)} />
      <ul>
        {reds.map((k) => (
          <li key={k}>{explainIndicator(tr, k, i).reason}</li>
        ))}
      </ul>
    </li>
  );
});

/**
 * The list in the order the data worker gave (see concern-order.ts). Memoised, its counts per
 * group worked out once per list: a sort of the heatmap above re-renders the view, and a 100 MB
 * file has 60,000 schools causing concern.
 */
export const ConcernList = memo(function ConcernList(props: ConcernListProps) {
  const { tr, rows, year, grouping, linkParams } = props;
  const t = tr.table;
  const lastYear = (i: number) => {
    const p = previousOf(tr, i, year);
    if (!p) return '';
    const then = `${p.year}: ${RATING_LABEL[p.rating].toLowerCase()}`;
    return p.basis ? `${then} (not comparable: ${p.basis})` : then;
  };
  const [group, setGroup] = useState('');
  const performance = useMemo(() => performanceColumns(tr), [tr]);
  const groupOf = (i: number) => partnershipAt(t, i, grouping);
  // Schools causing concern per group, counted in one pass (a national list has ~1,000 groups);
  // a group picked keeps its schools in the order given.
  const { perGroup, groups, groupOfRow } = useMemo(() => {
    const groupOfRow = partnershipsAt(tr.table, rows, grouping);
    const perGroup = new Map<string, number>();
    for (const g of groupOfRow) perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
    return { perGroup, groups: [...perGroup.keys()].sort(byName.compare), groupOfRow };
  }, [tr, rows, grouping]);
  const shown = useMemo(
    () => (group ? rows.filter((_, p) => groupOfRow[p] === group) : rows),
    [rows, group, groupOfRow],
  );
  return (
    <section aria-labelledby="concern-h">
      <h2 id="concern-h">Schools causing concern ({formatCount(rows.length)})</h2>
      {rows.length === 0 ? (
        <p>No school is causing concern under these filters.</p>
      ) : (
        <>
          <p className="muted">Most red performance indicators first, then most amber.</p>
          <GroupPicker
            label="Show the schools of"
            groups={groups}
            countOf={(g) => perGroup.get(g) ?? 0}
            total={rows.length}
            value={group}
            onChange={setGroup}
          />{' '}
          <ExportCsvButton
            filename={`causing-concern-${year.replace('/', '-')}.csv`}
            rows={() => [
              [
                'urn',
                'name',
                // The grouping shown (partnership, trust, ...), as the list names it.
                grouping,
                'phase',
                'reds',
                'ambers',
                'reason',
                'previous_overall',
              ],
              ...shown.map((i) => [
                textOf(t.urn, i),
                textOf(t.name, i),
                groupOf(i),
                phaseAt(t, i),
                tally(tr, performance, i).reds,
                tally(tr, performance, i).ambers,
                explainOverall(tr, i).reason,
                lastYear(i),
              ]),
            ]}
          />
          <ShowMore
            key={group}
            items={shown}
            page={25}
            noun="schools"
            render={(visible) => (
              <ul className="concern-list">
                {visible.map((i) => (
                  <ConcernItem
                    key={i}
                    tr={tr}
                    row={i}
                    year={year}
                    grouping={grouping}
                    linkParams={linkParams}
                  />
                ))}
              </ul>
            )}
          />
        </>
      )}
    </section>
  );
});
