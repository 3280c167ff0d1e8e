/** The precision beside a measure: the DfE's band (1 well above ... 5 well below), the CI, the cohort. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { precisionNote } from '../../src/domain/columns';

describe('precision of a measure', () => {
  it('names the band, the confidence interval and the cohort when the data gives them', () => {
    // Anstey Junior School (URN 115851), 2018/19 writing, from the demo built from the DfE files
    const row = readFileSync('public/data/demo/dataset.csv', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('115851,') && l.includes(',2018/19,'))!;
    const header = readFileSync('public/data/demo/dataset.csv', 'utf8').split('\n')[0]!.split(',');
    const cells = row.split(',');
    const values = Object.fromEntries(
      header.flatMap((h, i) =>
        cells[i] && /^-?[\d.]+$/.test(cells[i]!) ? [[h, Number(cells[i])]] : [],
      ),
    );
    expect(precisionNote('ks2_writ_progress', values)).toBe(
      'well below average (DfE band); 95% confidence interval -4.3 to -1.4, wholly below 0; cohort 60 pupils.',
    );
  });
  it('says nothing it does not know', () => {
    expect(precisionNote('ks2_mat_progress', { ks2_mat_progress: -6 })).toBe('');
    expect(precisionNote('ks4_p8', { ks4_p8_band: 3, ks4_cohort: 180 })).toBe(
      'average (DfE band); cohort 180 pupils.',
    );
    expect(precisionNote(undefined, {})).toBe('');
  });
});
