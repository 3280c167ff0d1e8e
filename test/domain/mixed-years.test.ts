import { describe, expect, it } from 'vitest';
import { definitionChange, definitionNote, mixedYearNote } from '../../src/domain/mixed-years';
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

/** Where a column's values of a year came from, with their definition when not the usual. */
const source = (column: string, year: string, definition?: string) => ({
  column,
  year,
  source: 'a file',
  asOf: year,
  ...(definition ? { definition } : {}),
});

describe('definition note', () => {
  const popularity = loadPresetJson().indicators.find((i) => i.id === 'popularity')!;
  const pop = (year: string, definition?: string) =>
    source('first_prefs_per_place', year, definition);
  it("says a value of another definition than the column's usual one, for its year", () => {
    const sources = [pop('2018/19', 'derived: first preferences ÷ places'), pop('2017/18')];
    expect(definitionNote(popularity, '2018/19', sources)).toBe(
      'Popularity: derived: first preferences ÷ places.',
    );
    expect(definitionNote(popularity, '2017/18', sources)).toBeUndefined();
  });
});

describe('definition change between years', () => {
  const deprivation = loadPresetJson().indicators.find((i) => i.id === 'deprivation')!;
  const fsm = (year: string, definition?: string) => source('fsm_pct', year, definition);
  const sources = [fsm('2018/19'), fsm('2017/18'), fsm('2022/23', 'eligible now')];
  it('says which year has which definition, and nothing when they match', () => {
    expect(definitionChange(deprivation, '2018/19', '2022/23', sources)).toBe(
      '2022/23: eligible now; 2018/19: the usual definition',
    );
    expect(definitionChange(deprivation, '2017/18', '2018/19', sources)).toBeUndefined();
  });
});
