/** Schools on a map (d3-geo, no tiles), coloured and shaped by the chosen indicator; with a table twin. */
import { useState } from 'react';
import { mapLayout } from '../../charts/map/layout';
import { RagBadge, RagShape } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { explainIndicator, explainOverall } from '../../domain/engine/explain';
import { indicatorIndex, ratingAt, rowsMatching } from '../../domain/engine/query';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';

const W = 720;
const H = 560;

// Drawn last is drawn on top: reds last, so no red school hides under a green one.
const PAINT_ORDER: Record<string, number> = { none: 0, green: 1, amber: 2, red: 3 };

export function MapView({ d }: { d: Dashboard }) {
  const [showTable, setShowTable] = useState(false);
  const [selected, setSelected] = useState<number | undefined>();
  const tr = d.ratings.data;
  const rules = d.rules.data;
  if (!tr || !rules) return null;
  const t = tr.table;
  const indicatorId = d.vs.params.get('indicator') ?? 'overall';
  const ind = rules.indicators.find((i) => i.id === indicatorId);
  const k = ind ? indicatorIndex(tr, ind.id) : -1;
  const ratingOf = (i: number) => ratingAt(tr, k, i);
  const valueOf = (i: number) => {
    const v = tr.indicators[k]?.value[i];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  };
  const schools = rowsMatching(t, d.filter);
  const points = mapLayout(
    schools,
    (i) => {
      const lat = t.lat[i] as number;
      const lon = t.lon[i] as number;
      return Number.isNaN(lat) || Number.isNaN(lon) ? undefined : [lon, lat];
    },
    W,
    H,
  );
  const unplaced = schools.length - points.length;
  const painted = [...points].sort(
    (a, b) => PAINT_ORDER[ratingOf(a.item)]! - PAINT_ORDER[ratingOf(b.item)]!,
  );
  const chosen = selected !== undefined && schools.includes(selected) ? selected : undefined;
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
        {painted.map((p) => {
          const r = ratingOf(p.item);
          const name = t.name[p.item] as string;
          // Out of the tab order (728 stops): the table is the keyboard path to every school.
          // A click or tap shows the school's details beside the map instead of leaving it.
          return (
            <a
              key={p.item}
              href={linkFor(t.urn[p.item] as string)}
              tabIndex={-1}
              aria-label={`${name}: ${RATING_LABEL[r]}`}
              className={p.item === chosen ? 'map-point chosen' : 'map-point'}
              onClick={(e) => {
                e.preventDefault();
                setSelected(p.item);
              }}
            >
              <g transform={`translate(${p.x - 5},${p.y - 5})`}>
                <RagShape rating={r} size={10} />
                <title>{`${name}: ${RATING_LABEL[r]}`}</title>
              </g>
            </a>
          );
        })}
      </svg>
      <div className="map-details" aria-live="polite">
        {chosen === undefined ? (
          <p className="muted">
            Click or tap a school for its details. With a keyboard, use the table: it lists every
            school.
          </p>
        ) : (
          <>
            <h2>{t.name[chosen]}</h2>
            <p>
              <RagBadge rating={ratingOf(chosen)} />{' '}
              {k >= 0 ? explainIndicator(tr, k, chosen).reason : explainOverall(tr, chosen).reason}
            </p>
            <p>
              <a href={linkFor(t.urn[chosen] as string)}>Open the school page</a>
            </p>
          </>
        )}
      </div>
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
              {schools.map((i) => {
                const v = valueOf(i);
                const lat = t.lat[i] as number;
                const lon = t.lon[i] as number;
                return (
                  <tr key={i}>
                    <th scope="row">
                      <a href={linkFor(t.urn[i] as string)}>{t.name[i]}</a>
                    </th>
                    <td>
                      <RagBadge rating={ratingOf(i)} compact />
                    </td>
                    <td className="num">
                      {v !== undefined && ind ? formatValue(v, ind.unit, ind.decimals) : '—'}
                    </td>
                    <td className="num">{Number.isNaN(lat) ? '—' : lat.toFixed(4)}</td>
                    <td className="num">{Number.isNaN(lon) ? '—' : lon.toFixed(4)}</td>
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
