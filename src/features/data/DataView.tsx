/**
 * Bring your own data: files are read and merged here, in the browser, by the same importers
 * as the command line. Nothing is uploaded anywhere.
 */
import { countOf } from '../../domain/format';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { setUploadedDataset } from '../../api/dataset';
import type { BlobFile } from '../../import/import-table';
import { cancelImport, importFilesInWorker } from '../../api/data-client';
import type { ImportProgress } from '../../import/import-table';
import { prefetchRatings } from '../../api/ratings';
import type { DatasetInfo } from '../../workers/data-service';
import { formatReports } from '../../import/report-text';
import { readYear } from '../../import/years';
import { useUiStore } from '../../state/ui-store';
import type { Dashboard } from '../use-dashboard';
import { ImportReport } from './ImportReport';
import { ExportCsvButton } from '../../components/ExportCsvButton';

let imports = 0;

/** Share of the whole import done: files before this one, plus this one's share. */
const overallDone = (p: ImportProgress) =>
  p.step === 'merging' ? 1 : Math.min(1, (p.fileIndex + p.done) / Math.max(1, p.files));

function progressText(p: ImportProgress | undefined): string {
  if (!p) return 'Reading files…';
  if (p.step === 'merging') return `Merging ${p.files} files…`;
  const name = p.file.split('/').pop();
  const of = p.files > 1 ? ` (file ${p.fileIndex + 1} of ${p.files})` : '';
  return `Reading ${name}${of}: ${Math.round(overallDone(p) * 100)}%`;
}

export function DataView({ d }: { d: Dashboard }) {
  const client = useQueryClient();
  const setStatus = useUiStore((s) => s.setStatus);
  const [year, setYear] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | undefined>();
  const [result, setResult] = useState<
    (DatasetInfo & { names: string[]; key: string }) | undefined
  >();
  const [dragging, setDragging] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  // Kept so the same files can be read again once the person gives the missing year.
  const [lastFiles, setLastFiles] = useState<File[]>([]);
  const typedYear = readYear(year);
  // A year per file: a January census and the results of the summer after are different years.
  const [fileYears, setFileYears] = useState<Record<string, string>>({});
  const yearless =
    result?.reports.filter((r) => r.skipped['year not known']).map((r) => r.file) ?? [];
  const needsYear = yearless.length > 0;
  const yearOf = (name: string) => readYear(fileYears[name] ?? '') ?? typedYear;
  const allYearsKnown = yearless.every((f) => yearOf(f));

  async function read(files: FileList | File[]) {
    const list = [...files];
    if (!list.length) return;
    setLastFiles(list);
    setBusy(true);
    setProgress(undefined);
    // Each import has its own key, so ratings of earlier data are never mistaken for these;
    // and only the latest import may show its result (a slower earlier one must not win).
    const key = `upload-${++imports}`;
    const latest = () => key === `upload-${imports}`;
    try {
      // The worker reads the files itself, a large one in pieces: the page never holds them.
      const inputs: BlobFile[] = list.map((f) => {
        // A folder's path ("2022-2023/919_census.csv") says the year a DfE file name does not.
        const name = f.webkitRelativePath || f.name;
        const y = yearOf(name);
        return { name, blob: f, ...(y ? { year: y } : {}) };
      });
      const r = await importFilesInWorker(key, inputs, (p) => latest() && setProgress(p));
      if (!latest()) return;
      setResult({ ...r, key, names: list.map((f) => f.name) });
      setStatus(`Read ${countOf(list.length, 'file')}: ${countOf(r.n, 'school-year')}.`);
      // Rate and roll up the latest year while the report is read, so "Use" shows it at once.
      if (d.rules.data && r.n) void prefetchRatings(key, d.rules.data).catch(() => undefined);
      setFailure(undefined);
    } catch (e) {
      // An import stopped for a newer one says nothing: the newer one speaks.
      if (latest()) setFailure(`The files could not be read: ${(e as Error).message}`);
    } finally {
      if (latest()) {
        setBusy(false);
        setProgress(undefined);
      }
    }
  }

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void read(e.dataTransfer.files);
  };

  const use = () => {
    if (!result) return;
    setUploadedDataset(client, {
      key: result.key,
      label: `Your data: ${result.names.join(', ')}`,
      n: result.n,
      sources: result.sources,
      reports: result.reports,
      options: result.options,
    });
    d.vs.go('authority', {
      source: 'uploaded',
      year: undefined,
      la: undefined,
      p: undefined,
      urn: undefined,
    });
  };

  return (
    <>
      <h1>Your data</h1>
      <p className="privacy">
        <strong>Your files stay on this computer.</strong> They are read by this page in your
        browser; nothing is sent to any server.
      </p>
      <p>
        Add GIAS extracts, school census, absence, KS2 and KS4 performance tables as downloaded from
        the DfE, and your own partnership (<code>urn,partnership</code>), building condition (
        <code>urn,condition_cost_per_m2</code>) and admissions (
        <code>urn,first_prefs_per_place</code>) files, or a dataset in the canonical format. Files
        are recognised by their headers and merged by URN and year.
      </p>
      <label>
        Academic year for files whose name does not say (e.g. 2018/19)
        <input
          value={year}
          onChange={(e) => setYear(e.target.value)}
          placeholder="2018/19"
          aria-invalid={year !== '' && !typedYear}
        />
      </label>
      {year !== '' && !typedYear && (
        <p className="field-error">Write the year as 2018/19, 2018-19, 201819 or 2018-2019.</p>
      )}
      <div
        className={`dropzone${dragging ? ' dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label>
          Choose files, or drop them here
          <input
            type="file"
            multiple
            accept=".csv,.json,.txt,.gz,text/csv,application/json"
            onChange={(e) => {
              const files = e.target.files ? [...e.target.files] : [];
              // Cleared, so choosing the same file again (after a cancel) reads it again.
              e.target.value = '';
              void read(files);
            }}
          />
        </label>
      </div>
      {busy && (
        <div className="import-progress">
          <p role="status">{progressText(progress)}</p>
          <progress
            max={1}
            value={progress ? overallDone(progress) : undefined}
            aria-label="Import progress"
          />{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              // The next import number makes this one stale: its answer and error are ignored.
              imports++;
              cancelImport();
              setBusy(false);
              setProgress(undefined);
              setStatus('Import cancelled: the data in use is unchanged.');
            }}
          >
            Cancel
          </button>
        </div>
      )}
      {failure && <p role="alert">{failure}</p>}
      {needsYear && (
        <fieldset className="file-years">
          <legend>The academic year of each file that does not say</legend>
          <p className="hint">
            Leave a file's box empty to use the year above. A January census belongs to the academic
            year it falls in (January 2023 is 2022/23), which may differ from the results loaded
            with it.
          </p>
          {yearless.map((file) => {
            const text = fileYears[file] ?? '';
            const bad = text !== '' && !readYear(text);
            return (
              <label key={file}>
                Year of {file}
                <input
                  value={text}
                  placeholder={typedYear ?? '2018/19'}
                  aria-invalid={bad || undefined}
                  onChange={(e) => setFileYears((m) => ({ ...m, [file]: e.target.value }))}
                />
                {bad && <span className="field-error">Write the year as 2018/19 or 2018-19.</span>}
              </label>
            );
          })}
          <p>
            <button type="button" disabled={!allYearsKnown} onClick={() => void read(lastFiles)}>
              Read the files again with these years
            </button>
          </p>
        </fieldset>
      )}

      {result && (
        <section aria-labelledby="report-h">
          <h2 id="report-h">Import report</h2>
          <p>
            {countOf(result.schools, 'school')}, {countOf(result.n, 'school-year')}, years{' '}
            {result.years.join(', ') || 'none'}.
          </p>
          {result.n > 0 ? (
            <button type="button" onClick={use}>
              Use this data in the dashboard
            </button>
          ) : (
            <p role="alert">No school could be built from these files: see the report below.</p>
          )}{' '}
          <ExportCsvButton
            filename="import-report.txt.csv"
            rows={() =>
              formatReports(result.reports)
                .split('\n')
                .map((l) => [l])
            }
          >
            Download the report
          </ExportCsvButton>
          <ImportReport reports={result.reports} />
        </section>
      )}
      {d.source === 'uploaded' && d.data.data?.reports && !result && (
        <section aria-labelledby="current-h">
          <h2 id="current-h">Report of the data in use</h2>
          <ImportReport reports={d.data.data.reports} />
        </section>
      )}
      <p>
        <a href="#/authority">Back to the dashboard</a> ·{' '}
        <a href="#/authority?source=demo">Use the demo data</a>
      </p>
    </>
  );
}
