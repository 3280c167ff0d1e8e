/** A problem found in an input file, located as precisely as we can: file, row, column. */
export interface ImportProblem {
  file: string;
  /** 1-based line number in the file, counting the header as line 1. */
  row?: number;
  column?: string;
  message: string;
}

export function formatProblem(p: ImportProblem): string {
  const where = [
    p.file,
    p.row !== undefined ? `row ${p.row}` : '',
    p.column ? `column ${p.column}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

export class ImportError extends Error {
  constructor(readonly problems: readonly ImportProblem[]) {
    const shown = problems.slice(0, 20).map(formatProblem);
    const more = problems.length > 20 ? [`... and ${problems.length - 20} more problems`] : [];
    super([...shown, ...more].join('\n'));
  }
}
