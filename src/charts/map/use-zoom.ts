/**
 * Zoom and pan for an SVG with d3-zoom: d3 handles the wheel, drag and pinch gestures and keeps
 * the transform; React renders with it. Buttons and keys call zoomBy / reset / centreOn.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { useCallback, useEffect, useRef, useState } from 'react';

export const MAX_ZOOM = 12;

export function useZoom(width: number, height: number) {
  const ref = useRef<SVGSVGElement>(null);
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | undefined>(undefined);
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  useEffect(() => {
    const svg = ref.current;
    if (!svg) return;
    // The extent is given, not read from the element (its viewBox), so it works wherever it renders.
    const extent: [[number, number], [number, number]] = [
      [0, 0],
      [width, height],
    ];
    const z = zoom<SVGSVGElement, unknown>()
      .extent(extent)
      .translateExtent(extent)
      .scaleExtent([1, MAX_ZOOM])
      // d3's own filter, and only events from a window: a synthetic event with no view (as
      // test tools send) would make d3 read view.document and throw.
      .filter(
        (event: MouseEvent) =>
          (!event.ctrlKey || event.type === 'wheel') && !event.button && event.view != null,
      )
      .on('zoom', (e: { transform: ZoomTransform }) => setTransform(e.transform));
    behaviour.current = z;
    select(svg).call(z);
    return () => {
      select(svg).on('.zoom', null);
    };
  }, [width, height]);
  const apply = useCallback((f: (z: ZoomBehavior<SVGSVGElement, unknown>) => void) => {
    if (ref.current && behaviour.current) f(behaviour.current);
  }, []);
  const zoomBy = useCallback(
    (k: number) => apply((z) => select(ref.current as SVGSVGElement).call(z.scaleBy, k)),
    [apply],
  );
  const reset = useCallback(
    () => apply((z) => select(ref.current as SVGSVGElement).call(z.transform, zoomIdentity)),
    [apply],
  );
  /** Pans (keeping the zoom) so a point that has gone off-screen comes into view. */
  const keepInView = useCallback(
    (x: number, y: number) =>
      apply((z) => {
        const [sx, sy] = transform.apply([x, y]);
        if (sx >= 0 && sx <= width && sy >= 0 && sy <= height) return;
        select(ref.current as SVGSVGElement).call(z.translateTo, x, y);
      }),
    [apply, transform, width, height],
  );
  // The drawing's width on screen: markers and names are sized in screen pixels, so they stay
  // legible on a phone, where the whole map is drawn a third of its size.
  const [shown, setShown] = useState(width);
  useEffect(() => {
    const svg = ref.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setShown(entry.contentRect.width);
    });
    ro.observe(svg);
    return () => ro.disconnect();
  }, []);
  /** Drawing units per screen pixel at the current zoom. */
  const unitsPerPixel = width / shown / transform.k;
  return { ref, transform, zoomBy, reset, keepInView, unitsPerPixel };
}
