/**
 * What a printed page rests on, shown only on paper: the date it was printed, the rule set and
 * its version, the data and the sources of the year shown. A brief handed to a head teacher must
 * say which rules and which data its colours come from.
 */
import { useState } from 'react';
import type { Dashboard } from '../use-dashboard';

export function PrintMeta({ d, year }: { d: Dashboard; year: string }) {
  const [printed] = useState(() => new Date());
  const rules = d.rules.data;
  const loaded = d.data.data;
  const sources = [
    ...new Set(
      (loaded?.sources ?? [])
        .filter((s) => s.year === year)
        .map((s) => `${s.source}${s.definition ? ` (${s.definition})` : ''}`),
    ),
  ];
  return (
    <div className="print-only print-meta">
      <p>
        Printed{' '}
        {printed.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}.
        Rules: {rules?.name ?? '—'}
        {d.active
          ? `, version ${d.active.version}`
          : ` (preset, version ${String(rules?.version ?? 1)})`}
        . Data: {loaded?.label ?? '—'}, {year}.
      </p>
      {sources.length > 0 && (
        <p>
          Sources for {year}: {sources.join('; ')}.
        </p>
      )}
    </div>
  );
}
