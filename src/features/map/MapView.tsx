/** Schools on a map (d3-geo, no tiles), coloured and shaped by the chosen indicator; with a table twin. */
import { useState } from 'react';
import { mapLayout } from '../../charts/map/layout';
import { RagBadge, RagShape } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { matchesFilter } from '../../domain/rated-view';
import type { SchoolRatings } from '../../domain/rate-dataset';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';

const W = 720;
const H = 560;

export function MapView({ d }: { d: Dashboard }) {
  const [showTable, setShowTable] = useState(false);
  const view = d.ratings.data;
  const rules = d.rules.data;
  if (!view || !rules) return null;
  const indicatorId = d.vs.params.get('indicator') ?? 'overall';
  const ind = rules.indicators.find((i) => i.id === indicatorId);
  const ratingOf = (s: SchoolRatings) => (ind ? s.byIndicator[ind.id] : s.overall) ?? s.overall;
  const schools = view.schools.filter((s) => matchesFilter(s.school, d.filter));
  const points = mapLayout(
    schools,
    (s) =>
      s.school.lat !== undefined && s.school.lon !== undefined
        ? [s.school.lon, s.school.lat]
        : undefined,
    W,
    H,
  );
  const unplaced = schools.length - points.length;
  const linkFor = (urn: string) => {
    const p = new URLSearchParams(d.vs.params);
    p.set('urn', urn);
    return hashFor('school', p);
  };
  const label = ind?.label ?? 'Overall';
  return (
    <>
      <h1>
        Map: {label}, {d.filter.year}
      </h1>
      <label>
        Colour schools by
        <select value={indicatorId} onChange={(e) => d.vs.set({ indicator: e.target.value })}>
          <option value="overall">Overall</option>
          {rules.indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </label>
      <ul className="legend" aria-label="Legend">
        {(['red', 'amber', 'green', 'none'] as const).map((r) => (
          <li key={r}>
            <RagBadge rating={r} compact />
          </li>
        ))}
      </ul>
      {unplaced > 0 && (
        <p className="muted">
          {unplaced} schools have no location and are not on the map (they are in the table).
        </p>
      )}
      <button
        type="button"
        className="secondary"
        aria-expanded={showTable}
        onClick={() => setShowTable((v) => !v)}
      >
        {showTable ? 'Hide the table' : 'Show the map as a table'}
      </button>
      <svg
        className="map"
        viewBox={`0 0 ${W} ${H}`}
        role="group"

        aria-label={`Map of ${points.length} schools coloured by ${label}. The same data is available as a table.`}
      >
        {points.map((p) => {
          const r = ratingOf(p.item);
          return (
            <a
              key={p.item.school.urn}
              href={linkFor(p.item.school.urn)}
              aria-label={`${p.item.school.name}: ${RATING_LABEL[r.rating]}`}
            >
              <g transform={`translate(${p.x - 5},${p.y - 5})`}>
                <RagShape rating={r.rating} size={10} />
                <title>{`${p.item.school.name}: ${r.reason}`}</title>
              </g>
            </a>
          );
        })}
      </svg>
      {showTable && (
        <div className="table-scroll tall" tabIndex={0} role="region" aria-label="Map as a table">
          <table>
            <caption>
              Schools, {label}, {d.filter.year}
            </caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">Rating</th>
                <th scope="col">Value</th>
                <th scope="col">Latitude</th>
                <th scope="col">Longitude</th>
              </tr>
            </thead>
            <tbody>
              {schools.map((s) => {
                const r = ratingOf(s);
                return (
                  <tr key={s.school.urn}>
                    <th scope="row">
                      <a href={linkFor(s.school.urn)}>{s.school.name}</a>
                    </th>
                    <td>
                      <RagBadge rating={r.rating} compact />
                    </td>
                    <td className="num">
                      {r.value !== undefined && ind
                        ? formatValue(r.value, ind.unit, ind.decimals)
                        : '—'}
                    </td>
                    <td className="num">{s.school.lat?.toFixed(4) ?? '—'}</td>
                    <td className="num">{s.school.lon?.toFixed(4) ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
