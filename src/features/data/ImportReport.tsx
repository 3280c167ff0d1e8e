/** The import report as a person reads it: per file, rows read, merged, skipped and why. */
import type { FileReport } from '../../import/model';
import { formatProblem } from '../../import/problems';
import { formatCount } from '../../domain/format';

export function ImportReport({ reports }: { reports: readonly FileReport[] }) {
  return (
    <div className="import-report">
      {reports.map((r) => (
        <section key={r.file} aria-label={`Import report for ${r.file}`}>
          <h3>{r.file}</h3>
          <p>
            Recognised as <strong>{r.kindLabel}</strong>; encoding {r.encoding}; year {r.year}. Rows
            read {formatCount(r.rowsRead)}, merged {formatCount(r.rowsMerged)}, skipped{' '}
            {formatCount(r.rowsRead - r.rowsMerged)}.
          </p>
          {r.problems.length > 0 && (
            <ul className="problems" role="alert">
              {r.problems.map((p, i) => (
                <li key={i}>{formatProblem(p)}</li>
              ))}
            </ul>
          )}
          {Object.keys(r.skipped).length > 0 && (
            <table>
              <caption>Rows skipped, by reason</caption>
              <thead>
                <tr>
                  <th scope="col">Reason</th>
                  <th scope="col">Rows</th>
                  <th scope="col">For example, rows</th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(r.skipped).map(([reason, t]) => (
                  <tr key={reason}>
                    <th scope="row">{reason}</th>
                    <td className="num">{formatCount(t.count)}</td>
                    <td>{t.rows.join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {Object.keys(r.missing).length > 0 && (
            <p className="muted">
              Read as missing (never zero):{' '}
              {Object.entries(r.missing)
                .map(
                  ([col, codes]) =>
                    `${col}: ${Object.entries(codes)
                      .map(([c, n]) => `${c} ${n}`)
                      .join(', ')}`,
                )
                .join('; ')}
            </p>
          )}
          {r.notes.map((n) => (
            <p key={n} className="note">
              {n}
            </p>
          ))}
        </section>
      ))}
    </div>
  );
}
