/** Downloads a table as CSV; cells are defused against spreadsheet formula injection. */
import { useState } from 'react';
import { toCsv } from '../import/csv';
import { useUiStore } from '../state/ui-store';

type Rows = (string | number | undefined)[][];

export interface ExportCsvButtonProps {
  /** File name offered to the browser, e.g. "partnership-north.csv". */
  filename: string;
  /**
   * Header row then data rows, built from the same domain output the table shows; or the CSV
   * itself with its count of data rows, written where the data is (the data worker).
   */
  rows: () => Rows | Promise<{ csv: string; count: number }>;
  /** Visible button text. */
  children?: string;
}

export function ExportCsvButton({
  filename,
  rows,
  children = 'Download as CSV',
}: ExportCsvButtonProps) {
  const setStatus = useUiStore((s) => s.setStatus);
  const [busy, setBusy] = useState(false);
  const save = (csv: string, count: number) => {
    const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Downloaded ${filename} (${count} rows).`);
  };
  const download = async () => {
    if (busy) return;
    const made = rows();
    if (Array.isArray(made)) return save(toCsv(made, true), made.length - 1);
    setBusy(true);
    try {
      const { csv, count } = await made;
      save(csv, count);
    } catch (e) {
      setStatus(`${filename} could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button
      type="button"
      className="secondary"
      onClick={() => void download()}
      // Not disabled while the CSV is made: a disabled button would drop keyboard focus.
      aria-disabled={busy}
    >
      {busy ? 'Preparing the CSV…' : children}
    </button>
  );
}
