/**
 * Schools on a map (d3-geo, no tiles), coloured and shaped by the chosen indicator, with place
 * names from the data, zoom and pan (d3-zoom), one tab stop whose arrow keys move between
 * schools, a details panel, and a table twin.
 */
import { useCallback, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { mapLayout } from '../../charts/map/layout';
import { nearestInDirection, placeLabels, type Direction } from '../../charts/map/navigate';
import { MAX_ZOOM, useZoom } from '../../charts/map/use-zoom';
import { partnershipsAt, UNASSIGNED } from '../../domain/engine/group-structure';
import { CANVAS_POINTS, PAINT_ORDER, pointAt, pointIndex } from '../../charts/map/point-canvas';
import { PointCanvas } from '../../charts/map/PointCanvas';
import { visiblePlaces } from '../../charts/map/declutter';
import { RagBadge, RagShape } from '../../components/RagBadge';
import { ShowMore } from '../../components/ShowMore';
import { formatCount, formatValue } from '../../domain/format';
import { explainIndicator, explainOverall } from '../../domain/engine/explain';
import { indicatorIndex, ratingAt, rowsMatching } from '../../domain/engine/query';
import { RATING_LABEL } from '../../domain/rating';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';
import { textOf } from '../../domain/table/text-column';

const W = 960;
const H = 640;

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function MapView({ d }: { d: Dashboard }) {
  const [showTable, setShowTable] = useState(false);
  const [selected, setSelected] = useState<number | undefined>();
  const { ref: mapRef, transform, zoomBy, reset, keepInView, unitsPerPixel } = useZoom(W, H);
  const tr = d.ratings.data;
  const rules = d.rules.data;
  const indicatorId = d.vs.params.get('indicator') ?? 'overall';
  const ind = rules?.indicators.find((i) => i.id === indicatorId);
  const k = ind && tr ? indicatorIndex(tr, ind.id) : -1;
  const ratingOf = useCallback((i: number) => (tr ? ratingAt(tr, k, i) : 'none'), [tr, k]);
  // Worked out once per data and filter, not at every step of a zoom or pan.
  const layout = useMemo(() => {
    if (!tr) return undefined;
    const t = tr.table;
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
    // Place names from the data: each partnership (or district, trust...) at its schools' centre.
    const names = partnershipsAt(
      t,
      points.map((p) => p.item),
      d.filter.grouping,
    );
    const nameOf = new Map(points.map((p, n) => [p.item, names[n] as string]));
    const places = placeLabels(points, (i) => {
      const name = nameOf.get(i) as string;
      return name === UNASSIGNED ? '' : name;
    });
    const inView = new Set(schools);
    return { schools, points, places, inView };
  }, [tr, d.filter]);
  const painted = useMemo(
    () =>
      layout && layout.points.length <= CANVAS_POINTS
        ? [...layout.points].sort(
            (a, b) => PAINT_ORDER.indexOf(ratingOf(a.item)) - PAINT_ORDER.indexOf(ratingOf(b.item)),
          )
        : [],
    [layout, ratingOf],
  );
  // Many schools go on a canvas; the index that finds one under a click is made at the first
  // click (on a 100 MB file it took 180 ms, in the task that showed the map).
  const canvas = !!layout && layout.points.length > CANVAS_POINTS;
  const indexOf = useMemo(() => {
    let index: ReturnType<typeof pointIndex<number>> | undefined;
    return () => (index ??= pointIndex(layout?.points ?? []));
  }, [layout]);
  if (!tr || !rules || !layout) return null;
  const t = tr.table;
  const valueOf = (i: number) => {
    const v = tr.indicators[k]?.value[i];
    return v === undefined || Number.isNaN(v) ? undefined : v;
  };
  const { schools, points, places } = layout;
  const unplaced = schools.length - points.length;
  const chosen = selected !== undefined && layout.inView.has(selected) ? selected : undefined;
  const linkFor = (urn: string) => {
    const p = new URLSearchParams(d.vs.params);
    p.set('urn', urn);
    return hashFor('school', p);
  };
  const label = ind?.label ?? 'Overall';
  // Markers about 9 px and names 12 px on screen, whatever the zoom and the screen's width (at
  // least the drawing's own size, so a wide screen does not blow them up).
  const k1 = Math.max(1 / transform.k, unitsPerPixel * 0.9);
  // The names that fit at this zoom, biggest places first (a millisecond or two a step).
  const shownPlaces = visiblePlaces(places, transform, 12 * k1, W, H);
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
      d.vs.go('school', { urn: textOf(t.urn, chosen) });
    } else if (e.key === 'Escape') setSelected(undefined);
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
  };
  // On the canvas, a click or tap picks the school drawn under it (within a marker's width).
  const pick = (e: MouseEvent<SVGSVGElement>) => {
    const m = e.currentTarget.getScreenCTM();
    if (!canvas || !m) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    const [x, y] = transform.invert([at.x, at.y]);
    const p = pointAt(indexOf(), x, y, 6 * k1, ratingOf);
    setSelected(p?.item);
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
          {formatCount(unplaced)} schools have no location and are not on the map (they are in the
          table).
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
      <div className="map-frame">
        {/* Many schools: markers on a canvas under the SVG, whose place names stay readable on top. */}
        {canvas && (
          <PointCanvas
            svg={mapRef}
            width={W}
            height={H}
            points={points}
            ratingOf={ratingOf}
            transform={transform}
            half={5 * k1}
            chosen={chosen}
          />
        )}
        <svg
          ref={mapRef}
          className={canvas ? 'map map-over-canvas' : 'map'}
          viewBox={`0 0 ${W} ${H}`}
          role="group"
          tabIndex={0}
          onKeyDown={onKey}
          onClick={canvas ? pick : undefined}
          aria-label={`Map of ${points.length} schools coloured by ${label}. Arrow keys move between schools, Enter opens one, plus and minus zoom. The same data is available as a table.`}
        >
          <g transform={transform.toString()}>
            {shownPlaces.map((pl) => (
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
            {/* Many schools are drawn on the canvas below; a few are elements, each a link. */}
            {painted.map((p) => {
              const r = ratingOf(p.item);
              const name = textOf(t.name, p.item);
              // Out of the tab order (728 stops): the table is the keyboard path to every school.
              // A click or tap shows the school's details beside the map instead of leaving it.
              return (
                <a
                  key={p.item}
                  href={linkFor(textOf(t.urn, p.item))}
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
      </div>
      <div className="map-details" aria-live="polite">
        {chosen === undefined ? (
          <p className="muted">
            Click or tap a school for its details; scroll or pinch to zoom, drag to pan. With a
            keyboard, focus the map and use the arrow keys, or use the table.
          </p>
        ) : (
          <>
            <h2>{textOf(t.name, chosen)}</h2>
            <p>
              <RagBadge rating={ratingOf(chosen)} />{' '}
              {k >= 0 ? explainIndicator(tr, k, chosen).reason : explainOverall(tr, chosen).reason}
            </p>
            <p>
              <a href={linkFor(textOf(t.urn, chosen))}>Open the school page</a>
            </p>
          </>
        )}
      </div>
      {showTable && (
        // A page of rows at a time: a national map is 20,000 schools.
        <ShowMore
          items={schools}
          page={200}
          noun="schools"
          render={(visible) => (
            <div
              className="table-scroll tall"
              tabIndex={0}
              role="region"
              aria-label="Map as a table"
            >
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
                  {visible.map((i) => {
                    const v = valueOf(i);
                    const lat = t.lat[i] as number;
                    const lon = t.lon[i] as number;
                    return (
                      <tr key={i}>
                        <th scope="row">
                          <a href={linkFor(textOf(t.urn, i))}>{textOf(t.name, i)}</a>
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
        />
      )}
    </>
  );
}
