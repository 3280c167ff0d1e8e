/** Academic-year labels ("2018/19") from the ways DfE files and file names spell them. */

/** "2018/19" from a start year. */
export function academicYear(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Scraped performance tables write the year the academic year ends: 2018 means 2017/18. */
export function fromEndYear(text: string): string | undefined {
  const y = Number(text.trim());
  return Number.isInteger(y) && y > 1990 && y < 2100 ? academicYear(y - 1) : undefined;
}

/**
 * A year written unambiguously in a file name or folder: "2018-19", "2018_19", "201819",
 * "2018/19". A bare "2018" is ambiguous (DfE names files both ways) and gives undefined.
 */
export function yearFromName(name: string): string | undefined {
  const m = /(?:^|[^0-9])(19|20)(\d\d)[-_/ ]?((?:19|20)?\d\d)(?![0-9])/.exec(name);
  if (!m) return undefined;
  const start = Number(m[1]! + m[2]!);
  const end = Number(m[3]);
  // "2022-23", "202223", "2022_23" or "2022-2023" (the DfE download's folder)
  const ok = m[3]!.length === 4 ? end === start + 1 : (start + 1) % 100 === end;
  return ok ? academicYear(start) : undefined;
}

/** A year typed by a person in any of those spellings, as "2022/23"; undefined if not one. */
export function readYear(text: string): string | undefined {
  const t = text.trim();
  return /^(19|20)\d\d[-_/ ]?((19|20)?\d\d)$/.test(t) ? yearFromName(t) : undefined;
}

export function isAcademicYear(text: string): boolean {
  const m = /^(\d{4})\/(\d{2})$/.exec(text);
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}
