/**
 * Schools causing concern, most serious first (most red performance indicators, then most
 * amber, then by name), each with its red reasons and whether it is new, persisting or not
 * comparable with the year before; filterable by partnership; exportable as CSV. The data
 * worker gives the order and each school's group; the schools on screen are explained there a
 * page at a time, and the CSV is written there.
 */
import { useQuery } from '@tanstack/react-query';
import { memo, useMemo, useState } from 'react';
import { CONCERN_PAGE, concernCsv, concernItemsQueryOptions } from '../../api/concern';
import type { LoadedDataset } from '../../api/dataset';
import { ExportCsvButton } from '../../components/ExportCsvButton';
import { ErrorMessage, Loading } from '../../components/Loading';
import { ShowMore } from '../../components/ShowMore';
import type { ConcernItem, ConcernOrder, Previous } from '../../domain/concern-view';
import { formatCount } from '../../domain/format';
import type { Filter } from '../../domain/rated-view';
import { RATING_LABEL } from '../../domain/rating';
import type { RuleSet } from '../../domain/rules/schema';
import { hashFor } from '../../state/url-state';
import { GroupPicker } from './GroupPicker';

export interface ConcernListProps {
  data: LoadedDataset;
  rules: RuleSet;
  filter: Filter;
  /** The schools causing concern under the filter, most serious first (from the data worker). */
  order: ConcernOrder;
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

/**
 * One school causing concern with its red reasons. Memoised: while a list is revealed a few
 * rows a frame, the rows already there are not drawn again at every step.
 */
const ConcernEntry = memo(function ConcernEntry({
  item,
  linkParams,
}: {
  item: ConcernItem;
  linkParams: URLSearchParams;
}) {
  const p = new URLSearchParams(linkParams);
  p.set('urn', item.urn);
  return (
    <li>
      <a href={hashFor('school', p)}>{item.name}</a> <span className="muted">({item.group})</span>{' '}
      <PreviousOverall prev={item.previous} />
      <ul>
        {item.reds.map((reason, k) => (
          <li key={k}>{reason}</li>
        ))}
      </ul>
    </li>
  );
});

/** The schools on screen, explained by the worker a page at a time. */
function ConcernPage({
  data,
  rules,
  filter,
  shown,
  visible,
  linkParams,
}: Omit<ConcernListProps, 'order'> & { shown: readonly number[]; visible: number }) {
  const upTo = Math.min(shown.length, Math.ceil(visible / CONCERN_PAGE) * CONCERN_PAGE);
  const rows = useMemo(() => shown.slice(0, upTo), [shown, upTo]);
  const items = useQuery(concernItemsQueryOptions(data, rules, filter, rows));
  if (items.isError)
    return (
      <ErrorMessage
        title="The schools causing concern could not be explained"
        error={items.error}
        onRetry={() => void items.refetch()}
      />
    );
  if (!items.data) return <Loading what="why each school is causing concern" />;
  return (
    <ul className="concern-list">
      {items.data.slice(0, visible).map((item) => (
        <ConcernEntry key={item.row} item={item} linkParams={linkParams} />
      ))}
    </ul>
  );
}

/**
 * The list in the order the data worker gave (see concern-order.ts). Memoised, its counts per
 * group worked out once per list: a sort of the heatmap above re-renders the view, and a 100 MB
 * file has 60,000 schools causing concern.
 */
export const ConcernList = memo(function ConcernList(props: ConcernListProps) {
  const { data, rules, filter, order, linkParams } = props;
  const total = order.rows.length;
  const [group, setGroup] = useState('');
  // Schools causing concern per group, counted in one pass (a national list has ~1,000 groups);
  // a group picked keeps its schools in the order given.
  const perGroup = useMemo(() => {
    const counts = new Int32Array(order.groups.length);
    for (const g of order.groupOf) counts[g]!++;
    return new Map(order.groups.map((name, k) => [name, counts[k] as number]));
  }, [order]);
  const shown = useMemo(() => {
    const all = Array.from(order.rows);
    const k = order.groups.indexOf(group);
    return group ? all.filter((_, p) => order.groupOf[p] === k) : all;
  }, [order, group]);
  const year = filter.year;
  return (
    <section aria-labelledby="concern-h">
      <h2 id="concern-h">Schools causing concern ({formatCount(total)})</h2>
      {total === 0 ? (
        <p>No school is causing concern under these filters.</p>
      ) : (
        <>
          <p className="muted">Most red performance indicators first, then most amber.</p>
          <GroupPicker
            label="Show the schools of"
            groups={order.groups}
            countOf={(g) => perGroup.get(g) ?? 0}
            total={total}
            value={group}
            onChange={setGroup}
          />{' '}
          <ExportCsvButton
            filename={`causing-concern-${year.replace('/', '-')}.csv`}
            rows={async () => ({
              csv: await concernCsv(data, rules, filter, shown),
              count: shown.length,
            })}
          />
          <ShowMore
            key={group}
            items={shown}
            page={CONCERN_PAGE}
            noun="schools"
            render={(visible) => (
              <ConcernPage
                data={data}
                rules={rules}
                filter={filter}
                shown={shown}
                visible={visible.length}
                linkParams={linkParams}
              />
            )}
          />
        </>
      )}
    </section>
  );
});
