/**
 * Schools x indicators as a sortable, filterable TanStack Table (v9 feature slots), with rows
 * virtualised so the national dataset (~23,000 schools) stays smooth. Cells only display domain
 * output: the rating, its word and shape, the value, and the reason on hover and focus.
 */
import {
  columnFilteringFeature,
  createFilteredRowModel,
  createSortedRowModel,
  FlexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { RagBadge } from '../../components/RagBadge';
import { formatValue } from '../../domain/format';
import { RATING_ORDER } from '../../domain/rating';
import type { SchoolRatings } from '../../domain/rate-dataset';
import type { IndicatorRule } from '../../domain/rules/schema';

const features = tableFeatures({
  rowSortingFeature,
  columnFilteringFeature,
  sortedRowModel: createSortedRowModel(),
  filteredRowModel: createFilteredRowModel(),
});

export interface SchoolsTableProps {
  schools: readonly SchoolRatings[];
  indicators: readonly IndicatorRule[];
  /** Link to a school's own view. */
  linkFor: (s: SchoolRatings) => string;
  caption: string;
}

export function SchoolsTable({ schools, indicators, linkFor, caption }: SchoolsTableProps) {
  const [nameFilter, setNameFilter] = useState('');
  const columns = useMemo<ColumnDef<typeof features, SchoolRatings>[]>(
    () => [
      {
        id: 'name',
        header: 'School',
        accessorFn: (s) => s.school.name,
        cell: (info) => <a href={linkFor(info.row.original)}>{info.row.original.school.name}</a>,
        filterFn: (row, _id, value: string) =>
          row.original.school.name.toLowerCase().includes(value.toLowerCase()),
      },
      { id: 'phase', header: 'Phase', accessorFn: (s) => s.school.phase },
      {
        id: 'overall',
        header: 'Overall',
        sortDescFirst: false,
        accessorFn: (s) => RATING_ORDER[s.overall.rating],
        cell: (info) => <RagBadge rating={info.row.original.overall.rating} compact />,
      },
      ...indicators.map((ind): ColumnDef<typeof features, SchoolRatings> => ({
        id: ind.id,
        header: ind.label,
        sortDescFirst: false,
        // Sort worst first, then by value within a rating.
        accessorFn: (s) =>
          RATING_ORDER[s.byIndicator[ind.id]?.rating ?? 'none'] * 1e9 +
          (s.byIndicator[ind.id]?.value ?? 0),
        cell: (info) => {
          const r = info.row.original.byIndicator[ind.id];
          if (!r) return null;
          return (
            <span title={r.reason}>
              <RagBadge rating={r.rating} compact />
              {r.value !== undefined && (
                <span className="val">{formatValue(r.value, ind.unit, ind.decimals)}</span>
              )}
            </span>
          );
        },
      })),
    ],
    [indicators, linkFor],
  );
  const data = useMemo(() => [...schools], [schools]);
  const table = useTable({
    features,
    columns,
    data,
    state: { columnFilters: nameFilter ? [{ id: 'name', value: nameFilter }] : [] },
    getRowId: (s) => `${s.school.urn}|${s.school.year}`,
  });
  const rows = table.getRowModel().rows;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The app does not use the React Compiler; the virtualizer re-renders on scroll by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="schools-table">
      <label className="inline">
        Find a school in this table
        <input type="search" value={nameFilter} onChange={(e) => setNameFilter(e.target.value)} />
      </label>
      <p className="muted" aria-live="polite">
        {rows.length} of {schools.length} schools shown. Select a column heading to sort.
      </p>
      <div
        className="table-scroll tall"
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label={caption}
      >
        <table className="heatmap">
          <caption>{caption}</caption>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id}>
                {hg.headers.map((h) => {
                  const sorted = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        <FlexRender header={h} />
                        <span aria-hidden="true">
                          {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {top > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: top }} colSpan={columns.length} />
              </tr>
            )}
            {items.map((vi) => {
              const row = rows[vi.index];
              if (!row) return null;
              return (
                <tr key={row.id} data-index={vi.index} ref={virtual.measureElement}>
                  {row.getAllCells().map((cell, i) =>
                    i === 0 ? (
                      <th key={cell.id} scope="row">
                        <FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id}>
                        <FlexRender cell={cell} />
                      </td>
                    ),
                  )}
                </tr>
              );
            })}
            {bottom > 0 && (
              <tr aria-hidden="true">
                <td style={{ height: bottom }} colSpan={columns.length} />
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
