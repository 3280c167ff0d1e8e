import { describe, expect, it } from 'vitest';
import { hashFor, parseHash } from '../../src/state/url-state';

describe('the view lives in the URL hash', () => {
  it('round-trips a view and its parameters, including names with spaces and ampersands', () => {
    const hash = hashFor('partnership', { p: 'Basingstoke & Deane', year: '2018/19', phase: '' });
    const back = parseHash(hash);
    expect(back.view).toBe('partnership');
    expect(back.params.get('p')).toBe('Basingstoke & Deane');
    expect(back.params.get('year')).toBe('2018/19');
    expect(back.params.has('phase')).toBe(false);
  });

  it('falls back to the authority view for an empty or unknown hash', () => {
    expect(parseHash('').view).toBe('authority');
    expect(parseHash('#/nonsense?x=1').view).toBe('authority');
    expect(parseHash('#school?urn=1').params.get('urn')).toBe('1');
  });
});
