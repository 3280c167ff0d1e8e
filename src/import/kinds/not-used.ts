/**
 * Files a DfE performance-tables download contains that the dashboard recognises but does not
 * use: read so the report can say so plainly ("not used", every row counted), rather than
 * "not a recognised file", which sends an analyst looking for a mistake that is not there.
 */
import { skip } from '../model';
import type { LookupSpec } from './lookups';

/**
 * KS5 (16-18) results (england_ks5final.csv and the LA files): the dashboard has no 16-18
 * indicator. Recognised by the A level average points per entry of 16-18 students, a column of
 * every KS5 file since the 2016 measures.
 */
export const ks5: LookupSpec = {
  kind: 'ks5',
  label: 'KS5 (16-18) performance tables: not used',
  signature: ['TALLPPE_ALEV_1618'],
  read(table, report) {
    table.rows.forEach((_, i) => {
      report.rowsRead++;
      skip(report, 'not used: the dashboard has no 16-18 (KS5) indicator', i + 2);
    });
    report.notes.push(
      'KS5 (16-18) results are not used: the dashboard rates schools on KS2 and KS4 only; nothing from this file is in the dataset',
    );
    return {};
  },
};
