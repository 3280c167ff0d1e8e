/** The board's screen: headline counts, partnerships side by side, schools causing concern. */
import { RagBadge } from '../../components/RagBadge';
import { ShowMore } from '../../components/ShowMore';
import { groupsOfLevel } from '../../domain/engine/query';
import { RATINGS } from '../../domain/types';
import { formatCount } from '../../domain/format';
import { groupingPlural, type Dashboard } from '../use-dashboard';
import { PrintMeta } from '../layout/PrintMeta';
import { AfterPaint } from '../../components/AfterPaint';
import { ErrorMessage, Loading } from '../../components/Loading';
import { ConcernList } from './ConcernList';
import type { RuleSet } from '../../domain/rules/schema';
import type { HeatmapSort } from './GroupHeatmap';
import { HeatmapPage } from './HeatmapPage';
import { GROUP_PAGE } from '../../api/groups';
import { heatmapOrder } from '../../domain/engine/group-sort';
import { useDeferredValue, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { concernQueryOptions } from '../../api/concern';
import type { LoadedDataset } from '../../api/dataset';
import { authoritySummary } from './authority-summary';

const HEADLINE: Record<string, string> = {
  red: 'Causing concern',
  amber: 'Amber',
  green: 'Green',
  none: 'No data',
};

/** One authority's row is its total; several are rows of their own, listed first. */
function heatmapHeading(authorities: number, groups: string): string {
  return authorities > 1
    ? `Authorities, ${groups.toLowerCase()} and indicators`
    : `${groups} and indicators`;
}

export function AuthorityView({ d }: { d: Dashboard }) {
  // The column the reader chose; until then, worst overall first.
  const [chosen, setChosen] = useState<HeatmapSort | undefined>();
  const tr = d.ratings.data;
  const gt = d.rollups.data;
  const rules = d.rules.data;
  // Asked for with the screen; the list below the fold is drawn by ConcernSection, so its
  // answer does not draw this whole view again.
  useQuery({ ...concernQueryOptions(tr, d.data.data, rules, d.filter), notifyOnChangeProps: [] });
  const summary = useMemo(
    () =>
      gt && rules
        ? authoritySummary(gt, rules, d.filter, d.options.years, gt.ratedBefore)
        : undefined,
    [gt, rules, d.filter, d.options.years],
  );
  const sort = chosen ?? { key: (gt?.width ?? 1) - 1, reverse: false };
  const authorities = useMemo(() => (gt ? groupsOfLevel(gt, 'authority') : []), [gt]);
  // Authorities on top, then partnerships, each in the order chosen (heatmapOrder).
  const ordered = useMemo(
    () => (gt ? heatmapOrder(gt, sort.key, sort.reverse) : []),
    [gt, sort.key, sort.reverse],
  );
  const keepText = (() => {
    const keep = new URLSearchParams(d.vs.params);
    keep.delete('p');
    keep.delete('urn');
    return keep.toString();
  })();
  // One object per set of filters, so the concern list (memoised) is not drawn again on a sort.
  const keep = useMemo(() => new URLSearchParams(keepText), [keepText]);
  if (!tr || !gt || !rules || !summary) return null;
  const { counts, shown, hidden, ratedOn, priorYear, yearsDiffer } = summary;
  // Two or three authorities are named; a region or England is counted, not listed in a heading.
  const area = d.filter.laCode
    ? (gt.name[authorities[0] ?? -1] ?? d.filter.laCode)
    : authorities.length > 3
      ? `${formatCount(authorities.length)} local authorities`
      : authorities.map((a) => gt.name[a]).join(' and ');
  return (
    <>
      <h1>
        {area || 'All schools'}, {d.filter.year}
        {d.filter.phase ? `, ${d.filter.phase} schools` : ''}
      </h1>
      <PrintMeta d={d} year={d.filter.year} />
      <section aria-labelledby="headline-h">
        <h2 id="headline-h">Schools by overall rating</h2>
        <ul className="headline" aria-label="Schools by overall rating">
          {RATINGS.map((r) => (
            <li key={r} className={`headline-${r}`}>
              <span className="headline-count">{formatCount(counts[r])}</span>
              <RagBadge rating={r} label={HEADLINE[r] as string} />
            </li>
          ))}
        </ul>
        <p className="hint">
          Overall is red (causing concern) at {rules.overall.redWhenRedCount} or more red
          performance indicators, amber at {rules.overall.amberWhenRedCount} red or{' '}
          {rules.overall.amberWhenAmberCount}+ amber. Context indicators (deprivation, size, surplus
          places, condition, popularity) never count.
        </p>
        <p className="hint">
          {d.filter.year} overall ratings rest on{' '}
          {ratedOn.length ? ratedOn.join(', ') : 'no rated performance indicator'}.
          {yearsDiffer &&
            ` Not like for like with ${priorYear}: ${yearsDiffer}, so counts of the two years are not comparable.`}
        </p>
      </section>
      <section aria-labelledby="heat-h">
        <h2 id="heat-h">{heatmapHeading(authorities.length, groupingPlural(d.filter.grouping))}</h2>
        {hidden.length > 0 && (
          <p className="muted">
            Not shown, because no school here has data for them:{' '}
            {hidden.map((i) => i.label).join(', ')}.
          </p>
        )}
        {/* Worst first; a page at a time so a national dataset (~3,000 groups) stays light. */}
        <ShowMore
          items={ordered}
          page={GROUP_PAGE}
          noun="groups"
          render={(groups) => (
            <HeatmapPage
              d={d}
              gt={gt}
              ordered={ordered}
              visible={groups.length}
              indicators={shown}
              columnOf={(i) => rules.indicators.indexOf(i)}
              overallColumn={gt.width - 1}
              sort={sort}
              onSort={(key) =>
                setChosen({ key, reverse: sort.key === key ? !sort.reverse : false })
              }
              caption={`Group ratings, ${d.filter.year}: each cell shows the rating, the mix of red, amber and green schools (its counts on hover and under "Why"), how the rating was reached (the share of red schools, or the group figure) and the group's own figure`}
              linkParams={keep}
            />
          )}
        />
      </section>
      {/* Below the fold: drawn after the top of the page is painted. */}
      <AfterPaint>
        {() => (
          <ConcernSection
            d={d}
            data={d.data.data as LoadedDataset}
            rules={rules}
            linkParams={keep}
          />
        )}
      </AfterPaint>
    </>
  );
}

/**
 * The schools causing concern, drawn from a deferred copy of the answer: when it comes, the
 * heatmap above stays responsive and the list is drawn in work React can interrupt.
 */
function ConcernSection({
  d,
  data,
  rules,
  linkParams,
}: {
  d: Dashboard;
  data: LoadedDataset;
  rules: RuleSet;
  linkParams: URLSearchParams;
}) {
  const concern = useQuery(concernQueryOptions(d.ratings.data, data, rules, d.filter));
  // The order with the filter it is for, deferred together: a list is never drawn under
  // another filter's name.
  const answer = useMemo(
    () => (concern.data ? { order: concern.data, filter: d.filter } : undefined),
    [concern.data, d.filter],
  );
  const shown = useDeferredValue(answer);
  if (shown && shown.filter === d.filter)
    return (
      <ConcernList
        data={data}
        rules={rules}
        filter={shown.filter}
        order={shown.order}
        linkParams={linkParams}
      />
    );
  return (
    <section aria-labelledby="concern-h">
      <h2 id="concern-h">Schools causing concern</h2>
      {concern.isError ? (
        <ErrorMessage
          title="The schools causing concern could not be listed"
          error={concern.error}
          onRetry={() => void concern.refetch()}
        />
      ) : (
        <Loading what="the schools causing concern, most serious first" />
      )}
    </section>
  );
}
