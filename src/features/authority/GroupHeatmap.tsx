/**
 * Groups x indicators: each cell is the group's rating (shape, word, colour) and its
 * red/amber/green mix. It is an HTML table, so the heatmap is its own table twin. Columns sort
 * (worst first, then the other way); each group's reasons open in a row below it from a button,
 * so keyboard and touch users read what a hover tooltip only showed to a mouse.
 */
import { Fragment, useState } from 'react';
import { RagBadge } from '../../components/RagBadge';
import { MixBar } from '../../components/MixBar';
import type { GroupSortKey } from '../../domain/engine/group-sort';
import { aggregateText, ratingBasis } from '../../domain/group-cell';
import type { GroupFigures } from '../../domain/engine/explain-group';
import type { IndicatorRule } from '../../domain/rules/schema';
import { hashFor } from '../../state/url-state';

export interface HeatmapSort {
  key: GroupSortKey;
  reverse: boolean;
}

export interface GroupHeatmapProps {
  /** Rows: authorities and partnerships, already filtered and sorted. Reasons may be '' while
   * the worker works them out. */
  groups: readonly GroupFigures[];
  /** The reasons could not be worked out (the "Why" rows say so). */
  reasonsFailed?: boolean;
  /** Someone is reading the table (a pointer over it, focus in it, a "Why" opened). */
  onReading?: () => void;
  indicators: readonly IndicatorRule[];
  /** Each shown indicator's column in the roll-up (its index in the rule set). */
  columnOf: (ind: IndicatorRule) => number;
  /** The overall column's index. */
  overallColumn: number;
  caption: string;
  /** URL params kept when following a link (filters). */
  linkParams: URLSearchParams;
  sort: HeatmapSort;
  onSort: (key: GroupSortKey) => void;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
  title,
}: {
  label: React.ReactNode;
  sortKey: GroupSortKey;
  sort: HeatmapSort;
  onSort: (key: GroupSortKey) => void;
  title?: string | undefined;
}) {
  const active = sort.key === sortKey;
  // aria-sort in the words a screen reader knows: names A to Z are ascending; school counts
  // (largest first) and ratings (worst first) are descending until reversed.
  const ascending = (sortKey === 'name') !== sort.reverse;
  const order = active ? (ascending ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={order} title={title}>
      <button type="button" className="sort" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true">{active ? (order === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  );
}

export function GroupHeatmap({
  groups,
  indicators,
  columnOf,
  overallColumn,
  caption,
  linkParams,
  sort,
  onSort,
  reasonsFailed = false,
  onReading,
}: GroupHeatmapProps) {
  const why = (reason: string) =>
    reason || (reasonsFailed ? 'The reason could not be worked out.' : 'Working out why…');
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) => {
    onReading?.();
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  };
  const linkFor = (g: GroupFigures) => {
    const p = new URLSearchParams(linkParams);
    if (g.level === 'authority') {
      p.set('la', g.id);
      return hashFor('authority', p);
    }
    p.set('p', g.id);
    return hashFor('partnership', p);
  };
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={caption}
      onPointerEnter={onReading}
      onFocus={onReading}
    >
      <table className="heatmap group-heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader label="Group" sortKey="name" sort={sort} onSort={onSort} />
            <SortHeader label="Schools" sortKey="schools" sort={sort} onSort={onSort} />
            <SortHeader label="Overall" sortKey={overallColumn} sort={sort} onSort={onSort} />
            {indicators.map((i) => (
              <SortHeader
                key={i.id}
                sortKey={columnOf(i)}
                sort={sort}
                onSort={onSort}
                title={i.description}
                label={
                  <>
                    {i.label}
                    {i.kind === 'context' && <span className="col-kind"> (context)</span>}
                  </>
                }
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const key = `${g.level}:${g.id}`;
            const isOpen = open.has(key);
            const whyId = `why-${key.replace(/[^A-Za-z0-9]+/g, '-')}`;
            return (
              <Fragment key={key}>
                <tr className={g.level === 'authority' ? 'row-authority' : undefined}>
                  <th scope="row">
                    <a href={linkFor(g)}>{g.name}</a>
                    {g.level === 'authority' && <span className="row-kind"> (authority)</span>}{' '}
                    <button
                      type="button"
                      className="why-button secondary"
                      aria-label={`Why ${g.name} is rated so`}
                      aria-expanded={isOpen}
                      aria-controls={isOpen ? whyId : undefined}
                      onClick={() => toggle(key)}
                    >
                      Why
                    </button>
                  </th>
                  <td className="num">{g.schools}</td>
                  <td title={g.overall.reason}>
                    <RagBadge rating={g.overall.rating} compact />
                    <MixBar counts={g.overall.counts} />
                  </td>
                  {indicators.map((i) => {
                    const r = g.byIndicator[i.id];
                    if (!r) return <td key={i.id} />;
                    return (
                      <td key={i.id} title={r.reason || undefined}>
                        <RagBadge rating={r.rating} compact />
                        <MixBar counts={r.counts} />
                        <span className="agg">{ratingBasis(i, r)}</span>
                        {r.aggregate !== undefined && (
                          <span className="agg">{aggregateText(i, r.aggregate)}</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
                {isOpen && (
                  <tr className="group-why" id={whyId}>
                    <td colSpan={3 + indicators.length}>
                      <ul>
                        <li>{why(g.overall.reason)}</li>
                        {indicators.map((i) => {
                          const r = g.byIndicator[i.id];
                          return r ? <li key={i.id}>{why(r.reason)}</li> : null;
                        })}
                      </ul>
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
