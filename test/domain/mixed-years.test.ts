import { describe, expect, it } from 'vitest';
import { mixedYearNote } from '../../src/domain/mixed-years';
import { loadPresetJson, school } from '../helpers/schools';

describe('mixed-year note', () => {
  const surplus = loadPresetJson().indicators.find((i) => i.id === 'surplus_places')!;
  it('says when capacity and pupils were recorded at different dates', () => {
    const s = school({ capacity: 256, pupils: 240 }, { valueDates: { capacity: '2022-04-20' } });
    expect(mixedYearNote(surplus, s)).toBe(
      'Combines values of different dates: capacity of 2022-04-20, pupils of 2018/19.',
    );
  });
  it('says nothing when both are of the row year, or one is missing', () => {
    expect(mixedYearNote(surplus, school({ capacity: 256, pupils: 240 }))).toBeUndefined();
    expect(
      mixedYearNote(surplus, school({ capacity: 256 }, { valueDates: { capacity: '2022-04-20' } })),
    ).toBeUndefined();
  });
});
