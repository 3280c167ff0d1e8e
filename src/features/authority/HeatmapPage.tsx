/**
 * The heatmap rows on screen, their reasons asked of the data worker a page (25 groups) at a
 * time: while the list is revealed a few rows a frame, one request covers the page. The first
 * page comes with the roll-up itself.
 */
import { useQuery } from '@tanstack/react-query';
import { GROUP_PAGE, groupFiguresQueryOptions } from '../../api/groups';
import { ErrorMessage, Loading } from '../../components/Loading';
import type { Dashboard } from '../use-dashboard';
import { GroupHeatmap, type GroupHeatmapProps } from './GroupHeatmap';

export function HeatmapPage({
  d,
  ordered,
  visible,
  ...heatmap
}: Omit<GroupHeatmapProps, 'groups'> & {
  d: Dashboard;
  /** Every group in the order shown. */
  ordered: readonly number[];
  /** How many are on screen now. */
  visible: number;
}) {
  const upTo = Math.min(ordered.length, Math.ceil(visible / GROUP_PAGE) * GROUP_PAGE);
  const figures = useQuery(
    groupFiguresQueryOptions(
      d.ratings.data,
      d.data.data,
      d.rules.data,
      d.filter,
      ordered.slice(0, upTo),
    ),
  );
  if (figures.isError)
    return (
      <ErrorMessage
        title="The groups could not be explained"
        error={figures.error}
        onRetry={() => void figures.refetch()}
      />
    );
  if (!figures.data) return <Loading what="the groups’ ratings" />;
  return <GroupHeatmap groups={figures.data.slice(0, visible)} {...heatmap} />;
}
