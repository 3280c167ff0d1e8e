/**
 * Schools on a map (d3-geo, no tiles), coloured and shaped by the chosen indicator, with place
 * names from the data, zoom and pan (d3-zoom), one tab stop whose arrow keys move between
 * schools, a details panel, and a table twin.
 */
import { useState, type KeyboardEvent } from 'react';
import { mapLayout } from '../../charts/map/layout';
import { nearestInDirection, placeLabels, type Direction } from '../../charts/map/navigate';
import { MAX_ZOOM, useZoom } from '../../charts/map/use-zoom';
import { partnershipAt, UNASSIGNED } from '../../domain/engine/group-structure';
import { RagBadge, RagShape } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { explainIndicator, explainOverall } from '../../domain/engine/explain';
import { indicatorIndex, ratingAt, rowsMatching } from '../../domain/engine/query';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';

const W = 960;
const H = 640;

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

// Drawn last is drawn on top: reds last, so no red school hides under a green one.
const PAINT_ORDER: Record<string, number> = { none: 0, green: 1, amber: 2, red: 3 };

export function MapView({ d }: { d: Dashboard }) {
  const [showTable, setShowTable] = useState(false);
  const [selected, setSelected] = useState<number | undefined>();
  const { ref: mapRef, transform, zoomBy, reset, keepInView, unitsPerPixel } = useZoom(W, H);
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
  // Place names from the data: each partnership (or district, trust...) at its schools' centre.
  const places = placeLabels(points, (i) => {
    const name = partnershipAt(t, i, d.filter.grouping);
    return name === UNASSIGNED ? '' : name;
  });
  // Markers about 9 px and names 12 px on screen, whatever the zoom and the screen's width (at
  // least the drawing's own size, so a wide screen does not blow them up).
  const k1 = Math.max(1 / transform.k, unitsPerPixel * 0.9);
  // One tab stop: arrows move to the nearest school that way, Enter opens it, + and - zoom.
  const onKey = (e: KeyboardEvent<SVGSVGElement>) => {
    const at = chosen === undefined ? -1 : points.findIndex((p) => p.item === chosen);
    const dir = ARROWS[e.key];
    if (dir) {
      e.preventDefault();
      // The first move picks the first red (or the first school) to start from.
      const next =
        at < 0
          ? Math.max(
              0,
              points.findIndex((p) => ratingOf(p.item) === 'red'),
            )
          : nearestInDirection(points, at, dir);
      const p = next === undefined ? undefined : points[next];
      if (p) {
        setSelected(p.item);
        keepInView(p.x, p.y);
      }
    } else if (e.key === 'Enter' && chosen !== undefined) {
      d.vs.go('school', { urn: t.urn[chosen] as string });
    } else if (e.key === 'Escape') setSelected(undefined);
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
  };
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
      <div className="map-zoom" role="group" aria-label="Zoom">
        <button type="button" onClick={() => zoomBy(1.5)} disabled={transform.k >= MAX_ZOOM}>
          Zoom in
        </button>
        <button type="button" onClick={() => zoomBy(1 / 1.5)} disabled={transform.k <= 1}>
          Zoom out
        </button>
        <button type="button" onClick={reset} disabled={transform.k === 1}>
          Whole area
        </button>
      </div>
      <svg
        ref={mapRef}
        className="map"
        viewBox={`0 0 ${W} ${H}`}
        role="group"
        tabIndex={0}
        onKeyDown={onKey}
        aria-label={`Map of ${points.length} schools coloured by ${label}. Arrow keys move between schools, Enter opens one, plus and minus zoom. The same data is available as a table.`}
      >
        <g transform={transform.toString()}>
          {places.map((pl) => (
            <text
              key={pl.name}
              className="map-place"
              x={pl.x}
              y={pl.y}
              fontSize={12 * k1}
              aria-hidden="true"
            >
              {pl.name}
            </text>
          ))}
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
                <g transform={`translate(${p.x},${p.y}) scale(${k1}) translate(-5,-5)`}>
                  <RagShape rating={r} size={10} />
                  <title>{`${name}: ${RATING_LABEL[r]}`}</title>
                </g>
              </a>
            );
          })}
        </g>
      </svg>
      <div className="map-details" aria-live="polite">
        {chosen === undefined ? (
          <p className="muted">
            Click or tap a school for its details; scroll or pinch to zoom, drag to pan. With a
            keyboard, focus the map and use the arrow keys, or use the table.
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
