/**
 * Schools on a map (d3-geo, no tiles), coloured and shaped by the chosen indicator, with place
 * names from the data, zoom and pan (d3-zoom), one tab stop whose arrow keys move between
 * schools, a details panel, and a table twin.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type KeyboardEvent, type MouseEvent } from 'react';
import type { LoadedDataset } from '../../api/dataset';
import { labelsQueryOptions, mapQueryOptions, pointReasonQueryOptions } from '../../api/map';
import type { MapPoint } from '../../charts/map/layout';
import { nearestInDirection, type Direction } from '../../charts/map/navigate';
import { MAX_ZOOM, useZoom } from '../../charts/map/use-zoom';
import { CANVAS_POINTS, PAINT_ORDER, pointAt, pointIndex } from '../../charts/map/point-canvas';
import { PointCanvas } from '../../charts/map/PointCanvas';
import { visiblePlaces } from '../../charts/map/declutter';
import { ErrorMessage, Loading } from '../../components/Loading';
import { RagBadge, RagShape } from '../../components/RagBadge';
import { ShowMore } from '../../components/ShowMore';
import { formatCount, formatValue } from '../../domain/format';
import type { MapAnswer } from '../../workers/data-service';
import { RATING_LABEL } from '../../domain/rating';
import type { IndicatorRule, RuleSet } from '../../domain/rules/schema';
import { RATINGS, type Rating } from '../../domain/types';
import { hashFor } from '../../state/url-state';
import type { Dashboard } from '../use-dashboard';

const W = 960;
const H = 640;
const SIZE = [W, H] as const;
/** Rows of the table twin per page (and per request for their names). */
const TABLE_PAGE = 200;

const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function MapView({ d }: { d: Dashboard }) {
  const rules = d.rules.data;
  const loaded = d.data.data;
  const indicatorId = d.vs.params.get('indicator') ?? 'overall';
  const map = useQuery(
    mapQueryOptions(d.ratings.data, loaded, rules, d.filter, indicatorId, CANVAS_POINTS, SIZE),
  );
  if (!rules || !loaded) return null;
  if (map.isError)
    return (
      <ErrorMessage
        title="The map could not be drawn"
        error={map.error}
        onRetry={() => void map.refetch()}
      />
    );
  if (!map.data) return <Loading what="the map" />;
  return (
    <SchoolMap d={d} rules={rules} loaded={loaded} data={map.data} indicatorId={indicatorId} />
  );
}

/** Where a table row is in the map's rows (ascending, as the filter keeps them); else undefined. */
function positionOf(rows: Int32Array, row: number): number | undefined {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = rows[mid] as number;
    if (r === row) return mid;
    if (r < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function SchoolMap({
  d,
  rules,
  loaded,
  data,
  indicatorId,
}: {
  d: Dashboard;
  rules: RuleSet;
  loaded: LoadedDataset;
  data: MapAnswer;
  indicatorId: string;
}) {
  const [showTable, setShowTable] = useState(false);
  // The school picked, by table row (it stays picked when the indicator changes).
  const [selected, setSelected] = useState<number | undefined>();
  const { ref: mapRef, transform, zoomBy, reset, keepInView, unitsPerPixel } = useZoom(W, H);
  const ind = rules.indicators.find((i) => i.id === indicatorId);
  // Points are positions in the worker's arrays.
  const ratingOf = useCallback(
    (p: number): Rating => RATINGS[data.rating[p] ?? 3] as Rating,
    [data],
  );
  // Laid out by the worker: the points are made once per answer, not at every zoom or pan.
  const layout = useMemo(() => {
    const positions = Array.from(data.rows, (_, p) => p);
    const points: MapPoint<number>[] = [];
    for (let p = 0; p < data.x.length; p++) {
      const x = data.x[p] as number;
      if (!Number.isNaN(x)) points.push({ item: p, x, y: data.y[p] as number });
    }
    return { positions, points, places: data.placeLabels };
  }, [data]);
  const painted = useMemo(
    () =>
      layout.points.length <= CANVAS_POINTS
        ? [...layout.points].sort(
            (a, b) => PAINT_ORDER.indexOf(ratingOf(a.item)) - PAINT_ORDER.indexOf(ratingOf(b.item)),
          )
        : [],
    [layout, ratingOf],
  );
  // Many schools go on a canvas; the index that finds one under a click is made at the first
  // click (on a 100 MB file it took 180 ms, in the task that showed the map).
  const canvas = layout.points.length > CANVAS_POINTS;
  const indexOf = useMemo(() => {
    let index: ReturnType<typeof pointIndex<number>> | undefined;
    return () => (index ??= pointIndex(layout.points));
  }, [layout]);
  const chosen = selected === undefined ? undefined : positionOf(data.rows, selected);
  const { positions, points, places } = layout;
  const unplaced = positions.length - points.length;
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
  const pick = (p: number | undefined) => setSelected(p === undefined ? undefined : data.rows[p]);
  // The picked school's name and reason (a national map names only what it shows).
  const labelAt = (p: number) =>
    data.labels
      ? { urn: data.labels.urn[p] as string, name: data.labels.name[p] as string }
      : undefined;
  const chosenLabels = useQuery(
    labelsQueryOptions(loaded, rules, selected === undefined ? [] : [selected], !data.labels),
  );
  const chosenLabel =
    chosen === undefined
      ? undefined
      : (labelAt(chosen) ??
        (chosenLabels.data
          ? { urn: chosenLabels.data.urn[0] as string, name: chosenLabels.data.name[0] as string }
          : undefined));
  const reason = useQuery(pointReasonQueryOptions(loaded, rules, selected, indicatorId));
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
        pick(p.item);
        keepInView(p.x, p.y);
      }
    } else if (e.key === 'Enter' && chosenLabel) {
      d.vs.go('school', { urn: chosenLabel.urn });
    } else if (e.key === 'Escape') pick(undefined);
    else if (e.key === '+' || e.key === '=') zoomBy(1.5);
    else if (e.key === '-') zoomBy(1 / 1.5);
  };
  // On the canvas, a click or tap picks the school drawn under it (within a marker's width).
  const pickAt = (e: MouseEvent<SVGSVGElement>) => {
    const m = e.currentTarget.getScreenCTM();
    if (!canvas || !m) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    const [x, y] = transform.invert([at.x, at.y]);
    pick(pointAt(indexOf(), x, y, 6 * k1, ratingOf)?.item);
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
          onClick={canvas ? pickAt : undefined}
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
              const { urn, name } = labelAt(p.item) ?? { urn: '', name: '' };
              // Out of the tab order (728 stops): the table is the keyboard path to every school.
              // A click or tap shows the school's details beside the map instead of leaving it.
              return (
                <a
                  key={p.item}
                  href={linkFor(urn)}
                  tabIndex={-1}
                  aria-label={`${name}: ${RATING_LABEL[r]}`}
                  className={p.item === chosen ? 'map-point chosen' : 'map-point'}
                  onClick={(e) => {
                    e.preventDefault();
                    pick(p.item);
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
        ) : !chosenLabel ? (
          <Loading what="the school" />
        ) : (
          <>
            <h2>{chosenLabel.name}</h2>
            <p>
              <RagBadge rating={ratingOf(chosen)} />{' '}
              {reason.isError
                ? `Its reason could not be worked out: ${reason.error.message}`
                : (reason.data ?? '…')}
            </p>
            <p>
              <a href={linkFor(chosenLabel.urn)}>Open the school page</a>
            </p>
          </>
        )}
      </div>
      {showTable && (
        // A page of rows at a time: a national map is 20,000 schools.
        <ShowMore
          items={positions}
          page={TABLE_PAGE}
          noun="schools"
          render={(visible) => (
            <MapTable
              loaded={loaded}
              rules={rules}
              data={data}
              visible={visible.length}
              ind={ind}
              caption={`Schools, ${label}, ${d.filter.year}`}
              linkFor={linkFor}
            />
          )}
        />
      )}
    </>
  );
}

/** The map as a table, a page at a time, names asked of the worker when the map has none. */
function MapTable({
  loaded,
  rules,
  data,
  visible,
  ind,
  caption,
  linkFor,
}: {
  loaded: LoadedDataset;
  rules: RuleSet;
  data: MapAnswer;
  visible: number;
  ind: IndicatorRule | undefined;
  caption: string;
  linkFor: (urn: string) => string;
}) {
  const upTo = Math.min(data.rows.length, Math.ceil(visible / TABLE_PAGE) * TABLE_PAGE);
  const rows = useMemo(() => Array.from(data.rows.subarray(0, upTo)), [data, upTo]);
  const asked = useQuery({
    ...labelsQueryOptions(loaded, rules, rows, !data.labels),
    placeholderData: (previous) => previous,
  });
  const labels = data.labels ?? asked.data;
  if (asked.isError)
    return (
      <ErrorMessage
        title="The schools could not be named"
        error={asked.error}
        onRetry={() => void asked.refetch()}
      />
    );
  if (!labels) return <Loading what="the schools’ names" />;
  const shown = Math.min(visible, labels.name.length);
  return (
    <div className="table-scroll tall" tabIndex={0} role="region" aria-label="Map as a table">
      <table>
        <caption>{caption}</caption>
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
          {Array.from({ length: shown }, (_, p) => {
            const v = data.value[p] as number;
            const lat = data.lat[p] as number;
            const lon = data.lon[p] as number;
            return (
              <tr key={data.rows[p]}>
                <th scope="row">
                  <a href={linkFor(labels.urn[p] as string)}>{labels.name[p]}</a>
                </th>
                <td>
                  <RagBadge rating={RATINGS[data.rating[p] ?? 3] as Rating} compact />
                </td>
                <td className="num">
                  {!Number.isNaN(v) && ind ? formatValue(v, ind.unit, ind.decimals) : '—'}
                </td>
                <td className="num">{Number.isNaN(lat) ? '—' : lat.toFixed(4)}</td>
                <td className="num">{Number.isNaN(lon) ? '—' : lon.toFixed(4)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
