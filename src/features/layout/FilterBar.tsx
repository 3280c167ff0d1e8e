/** Filters held in the URL: year, phase, local authority and the partnership grouping. */
import { useId, useState } from 'react';
import { GROUPING_LABELS, type Dashboard } from '../use-dashboard';

export function FilterBar({ d, disabled = false }: { d: Dashboard; disabled?: boolean }) {
  const { options, filter, vs } = d;
  // On a phone the filters fold behind one button that says what they are set to (four selects
  // took 450 px before any content); on a wider screen they are always shown.
  const [open, setOpen] = useState(false);
  const fields = useId();
  const laName = options.las.find(([code]) => code === filter.laCode)?.[1];
  const summary = [
    filter.year,
    filter.phase ?? 'all phases',
    laName ?? 'all authorities',
    GROUPING_LABELS[filter.grouping ?? 'partnership']?.replace(' (default)', '') ?? filter.grouping,
  ].join(' · ');
  return (
    <form
      className={`filters${open ? '' : ' folded'}`}
      aria-label="Filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <button
        type="button"
        className="filters-toggle secondary"
        aria-expanded={open}
        aria-controls={fields}
        onClick={() => setOpen(!open)}
      >
        Filters: {summary}
      </button>
      <fieldset className="filter-fields" id={fields} disabled={disabled}>
        <legend className="visually-hidden">Filters</legend>
        <label>
          Year
          <select value={filter.year} onChange={(e) => vs.set({ year: e.target.value })}>
            {options.years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </label>
        <label>
          Phase
          <select value={filter.phase ?? ''} onChange={(e) => vs.set({ phase: e.target.value })}>
            <option value="">All phases</option>
            {options.phases.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Local authority
          <select value={filter.laCode ?? ''} onChange={(e) => vs.set({ la: e.target.value })}>
            <option value="">All authorities</option>
            {options.las.map(([code, name]) => (
              <option key={code} value={code}>
                {name} ({code})
              </option>
            ))}
          </select>
        </label>
        <label>
          Group schools by
          <select
            value={filter.grouping}
            onChange={(e) => vs.set({ grouping: e.target.value, p: undefined })}
          >
            {options.groupings.map((g) => (
              <option key={g} value={g}>
                {GROUPING_LABELS[g] ?? g}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
    </form>
  );
}
