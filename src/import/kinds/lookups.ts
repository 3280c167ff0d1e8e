/**
 * Files that map keys rather than describe schools: URN successors (academy conversions),
 * LA code to name, and IMD deciles by LSOA (joined to schools through GIAS "LSOA (code)").
 */
import { parseNumericCell } from '../cells';
import { skip, type FileReport, type ParsedFile } from '../model';
import { normaliseUrn } from '../spec';
import { columnIndex, type Table } from '../table';

export interface LookupSpec {
  kind: string;
  label: string;
  signature: readonly string[];
  read(table: Table, report: FileReport): Omit<ParsedFile, 'report' | 'contributions'>;
}

function eachRow(
  table: Table,
  report: FileReport,
  fn: (get: (c: string) => string, row: number) => string | undefined,
) {
  const idx = new Map(table.header.map((h) => [h, columnIndex(table.header, h)]));
  table.rows.forEach((cells, i) => {
    report.rowsRead++;
    const get = (c: string) => (cells[idx.get(c) ?? columnIndex(table.header, c)] ?? '').trim();
    const reason =
      cells.length !== table.header.length
        ? `wrong number of cells (header has ${table.header.length})`
        : fn(get, i + 2);
    if (reason) skip(report, reason, i + 2);
    else report.rowsMerged++;
  });
}

/**
 * The official GIAS links file (URN,LinkURN,LinkName,LinkType,LinkEstablishedDate): a school's
 * links to the schools before and after it. "Successor..." on a row means the row's school was
 * followed by LinkURN; "Predecessor..." means LinkURN was followed by the row's school. Both
 * become successor lookups (chains are followed when merging); other link types (sixth-form
 * centres, "Merged - expansion..." with no direction) are counted, not used.
 */
export const giasLinks: LookupSpec = {
  kind: 'gias-links',
  label: 'GIAS links (predecessor and successor schools)',
  signature: ['URN', 'LinkURN', 'LinkType'],
  read(table, report) {
    const urnSuccessors = new Map<string, string>();
    eachRow(table, report, (get) => {
      const urn = normaliseUrn(get('URN'));
      const link = normaliseUrn(get('LinkURN'));
      if (!urn || !link) return 'URN is not a number';
      const type = get('LinkType').toLowerCase();
      if (type.startsWith('successor')) urnSuccessors.set(urn, link);
      else if (type.startsWith('predecessor')) {
        if (!urnSuccessors.has(link)) urnSuccessors.set(link, urn);
      } else return `link type "${get('LinkType') || 'blank'}" gives no successor`;
      return undefined;
    });
    urnSuccessors.forEach((to, from) => to === from && urnSuccessors.delete(from));
    report.notes.push(`${urnSuccessors.size} URNs have a successor school`);
    return { urnSuccessors };
  },
};

export const urnLookup: LookupSpec = {
  kind: 'urn-lookup',
  label: 'URN successor lookup',
  signature: ['OLD_URN', 'LATEST_URN'],
  read(table, report) {
    const urnSuccessors = new Map<string, string>();
    eachRow(table, report, (get) => {
      const from = normaliseUrn(get('OLD_URN'));
      const to = normaliseUrn(get('LATEST_URN'));
      if (!from || !to) return 'URN is not a number';
      if (from !== to) urnSuccessors.set(from, to);
      return undefined;
    });
    report.notes.push(`${urnSuccessors.size} URNs have a different latest URN`);
    return { urnSuccessors };
  },
};

export const laNames: LookupSpec = {
  kind: 'la-names',
  label: 'Local authority codes and names',
  signature: ['LEA', 'LA Name'],
  read(table, report) {
    const map = new Map<string, string>();
    eachRow(table, report, (get) => {
      if (!get('LEA') || !get('LA Name')) return 'no LA code or name';
      map.set(get('LEA'), get('LA Name'));
      return undefined;
    });
    return { laNames: map };
  },
};

export const imd: LookupSpec = {
  kind: 'imd',
  label: 'Index of Multiple Deprivation by LSOA',
  signature: ['LSOA code (2011)', 'Index of Multiple Deprivation (IMD) Decile'],
  read(table, report) {
    const lsoaValues = new Map<string, Record<string, number>>();
    eachRow(table, report, (get) => {
      const lsoa = get('LSOA code (2011)');
      const decile = parseNumericCell(get('Index of Multiple Deprivation (IMD) Decile'));
      const rank = parseNumericCell(get('Index of Multiple Deprivation (IMD) Rank'));
      if (!lsoa) return 'no LSOA code';
      if (decile.kind !== 'value')
        return 'unparseable value in column Index of Multiple Deprivation (IMD) Decile';
      lsoaValues.set(lsoa, {
        imd_decile: decile.value,
        ...(rank.kind === 'value' ? { imd_rank: rank.value } : {}),
      });
      return undefined;
    });
    return { lsoaValues };
  },
};
