/**
 * Groups x indicators: each cell is the group's rating (shape, word, colour) and its
 * red/amber/green mix. It is an HTML table, so the heatmap is its own table twin.
 */
import { RagBadge } from '../../components/RagBadge';
import { MixBar } from '../../components/MixBar';
import { aggregateText, ratingBasis } from '../../domain/group-cell';
import type { GroupSummary } from '../../domain/rated-view';
import type { IndicatorRule } from '../../domain/rules/schema';
import { hashFor } from '../../state/url-state';

export interface GroupHeatmapProps {
  /** Rows: authorities and partnerships, already filtered. */
  groups: readonly GroupSummary[];
  indicators: readonly IndicatorRule[];
  caption: string;
  /** URL params kept when following a link (filters). */
  linkParams: URLSearchParams;
}

export function GroupHeatmap({ groups, indicators, caption, linkParams }: GroupHeatmapProps) {
  const linkFor = (g: GroupSummary) => {
    const p = new URLSearchParams(linkParams);
    if (g.level === 'authority') {
      p.set('la', g.id);
      return hashFor('authority', p);
    }
    p.set('p', g.id);
    return hashFor('partnership', p);
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="heatmap group-heatmap">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Schools</th>
            <th scope="col">Overall</th>
            {indicators.map((i) => (
              <th scope="col" key={i.id} title={i.description}>
                {i.label}
                {i.kind === 'context' && <span className="col-kind"> (context)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr
              key={`${g.level}:${g.id}`}
              className={g.level === 'authority' ? 'row-authority' : undefined}
            >
              <th scope="row">
                <a href={linkFor(g)}>{g.name}</a>
                {g.level === 'authority' && <span className="row-kind"> (authority)</span>}
              </th>
              <td className="num">{g.members.length}</td>
              <td title={g.overall.reason}>
                <RagBadge rating={g.overall.rating} compact />
                <MixBar counts={g.overall.counts} />
              </td>
              {indicators.map((i) => {
                const r = g.byIndicator[i.id];
                if (!r) return <td key={i.id} />;
                return (
                  <td key={i.id} title={r.reason}>
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
          ))}
        </tbody>
      </table>
    </div>
  );
}
