import { describe, expect, it } from 'vitest';
import { describeIndicator } from '../../src/domain/describe-rules';
import { loadPresetJson } from '../helpers/schools';

const ind = (id: string) => loadPresetJson().indicators.find((i) => i.id === id)!;

describe('rules in plain English', () => {
  it('reads absolute and quartile triggers as a person would say them', () => {
    expect(describeIndicator(ind('attainment_ks2'))).toEqual([
      {
        phases: 'primary',
        text: 'Red when below 65% (below the floor); otherwise amber when below the median of primary schools in the same year; otherwise green.',
      },
    ]);
    expect(describeIndicator(ind('school_size')).map((d) => d.text)).toEqual([
      'Red when below 60 pupils; otherwise amber when below 105 pupils; otherwise green.',
      'Red when below 600 pupils; otherwise amber when below 900 pupils; otherwise green.',
    ]);
  });
  it('reads combined conditions on other columns', () => {
    expect(describeIndicator(ind('progress_ks4'))[0]!.text).toBe(
      'Red when below -0.5 and Progress 8 upper confidence limit below 0; otherwise green when Progress 8 lower confidence limit above 0; otherwise amber.',
    );
  });
  it('names other percentiles and the authority scope', () => {
    const att = ind('attendance');
    const edited = {
      ...att,
      comparison: { scope: 'la' as const },
      clauses: [
        { rating: 'red' as const, when: { op: '>' as const, quantile: 0.9 } },
        { rating: 'amber' as const },
      ],
    };
    expect(describeIndicator(edited)[0]!.text).toBe(
      'Red when above the 90th percentile of schools of the same phase in the same year and authority; otherwise amber.',
    );
  });
});
