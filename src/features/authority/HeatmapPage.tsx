/**
 * The heatmap rows on screen. Ratings, mixes and aggregates are drawn at once from the roll-up's
 * per-group arrays. Each group's reasons (a cell's title, its "Why" row) are asked of the data
 * worker, a page (25 groups) at a time, once someone reads the table (a pointer over it, focus
 * in it, a "Why" opened): not with every new screen, where they would wait in the worker ahead
 * of the roll-ups of the filters a person is likely to pick next.
 */
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import { GROUP_PAGE, groupFiguresQueryOptions } from '../../api/groups';
import { groupFiguresOfArrays } from '../../domain/engine/explain-group';
import type { GroupArrays } from '../../domain/engine/rollup-table';
import type { Dashboard } from '../use-dashboard';
import { GroupHeatmap, type GroupHeatmapProps } from './GroupHeatmap';

export function HeatmapPage({
  d,
  gt,
  ordered,
  visible,
  ...heatmap
}: Omit<GroupHeatmapProps, 'groups' | 'reasonsFailed' | 'onReading'> & {
  d: Dashboard;
  gt: GroupArrays;
  /** Every group in the order shown. */
  ordered: readonly number[];
  /** How many are on screen now. */
  visible: number;
}) {
  const upTo = Math.min(ordered.length, Math.ceil(visible / GROUP_PAGE) * GROUP_PAGE);
  const page = useMemo(() => ordered.slice(0, upTo), [ordered, upTo]);
  const [reading, setReading] = useState(false);
  const explained = useQuery({
    ...groupFiguresQueryOptions(d.ratings.data, d.data.data, d.rules.data, d.filter, page),
    enabled: reading && page.length > 0 && !!d.data.data && d.ratings.data?.rules === d.rules.data,
  });
  const indicators = d.rules.data?.indicators;
  // Reasons fill in as deferred work: the rows a person is looking at are never held up.
  const answer = useMemo(
    () => (explained.data ? { page, figures: explained.data } : undefined),
    [page, explained.data],
  );
  const reasons = useDeferredValue(answer);
  const groups = useMemo(() => {
    // The worker's answer is for the groups asked, in that order.
    const asked = reasons?.page === page ? reasons.figures : undefined;
    return page
      .slice(0, visible)
      .map((g, p) => asked?.[p] ?? groupFiguresOfArrays(gt, indicators ?? [], g));
  }, [page, visible, reasons, gt, indicators]);
  return (
    <GroupHeatmap
      groups={groups}
      reasonsFailed={explained.isError}
      onReading={() => setReading(true)}
      {...heatmap}
    />
  );
}
