/** A person-readable import report: per file, what was read, merged and skipped, and why. */
import type { FileReport } from './model';
import { formatProblem } from './problems';

const n = (x: number) => x.toLocaleString('en-GB');

export function formatReports(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    out.push(`${r.file}`);
    out.push(`  recognised as: ${r.kindLabel}; encoding ${r.encoding}; year ${r.year}`);
    out.push(
      `  rows read ${n(r.rowsRead)}, merged ${n(r.rowsMerged)}, skipped ${n(r.rowsRead - r.rowsMerged)}`,
    );
    const skipped = Object.entries(r.skipped).sort((a, b) => b[1].count - a[1].count);
    for (const [reason, t] of skipped)
      out.push(
        `    skipped ${n(t.count)}: ${reason}${t.rows.length ? ` (e.g. row ${t.rows.join(', ')})` : ''}`,
      );
    for (const [col, codes] of Object.entries(r.missing))
      out.push(
        `    missing in ${col}: ${Object.entries(codes)
          .map(([c, k]) => `${c} ${n(k)}`)
          .join(', ')}`,
      );
    for (const note of r.notes) out.push(`    note: ${note}`);
    for (const p of r.problems) out.push(`    PROBLEM ${formatProblem(p)}`);
  }
  return out.join('\n') + '\n';
}

/** True when every row of every file is merged or skipped with a reason. */
export function reportsBalance(reports: readonly FileReport[]): boolean {
  return reports.every(
    (r) => r.rowsRead === r.rowsMerged + Object.values(r.skipped).reduce((a, t) => a + t.count, 0),
  );
}
