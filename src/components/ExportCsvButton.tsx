/** Downloads a table as CSV; cells are defused against spreadsheet formula injection. */
import { toCsv } from '../import/csv';
import { useUiStore } from '../state/ui-store';

export interface ExportCsvButtonProps {
  /** File name offered to the browser, e.g. "partnership-north.csv". */
  filename: string;
  /** Header row then data rows, built from the same domain output the table shows. */
  rows: () => (string | number | undefined)[][];
  /** Visible button text. */
  children?: string;
}

export function ExportCsvButton({
  filename,
  rows,
  children = 'Download as CSV',
}: ExportCsvButtonProps) {
  const setStatus = useUiStore((s) => s.setStatus);
  const download = () => {
    const data = rows();
    const blob = new Blob([toCsv(data, true)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = filename;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus(`Downloaded ${filename} (${data.length - 1} rows).`);
  };
  return (
    <button type="button" className="secondary" onClick={download}>
      {children}
    </button>
  );
}
