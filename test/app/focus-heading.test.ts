// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusHeadingSoon } from '../../src/app/focus-heading';

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

function page(): { link: HTMLAnchorElement; main: HTMLElement } {
  document.body.innerHTML = '<nav><a href="#/schools">Schools</a></nav><main></main>';
  return { link: document.querySelector('a')!, main: document.querySelector('main')! };
}

describe('focusHeadingSoon', () => {
  it('focuses the heading when it comes, and the one that replaces it', () => {
    vi.useFakeTimers();
    const { link, main } = page();
    link.focus();
    focusHeadingSoon();
    vi.advanceTimersByTime(200);
    expect(document.activeElement).toBe(link);
    main.innerHTML = '<h1>Loading</h1>';
    vi.advanceTimersByTime(50);
    expect(document.activeElement?.textContent).toBe('Loading');
    main.innerHTML = '<h1>Schools</h1>';
    vi.advanceTimersByTime(50);
    expect(document.activeElement?.textContent).toBe('Schools');
  });

  it('leaves focus alone once the user has moved it into the new screen', () => {
    vi.useFakeTimers();
    const { link, main } = page();
    link.focus();
    focusHeadingSoon();
    main.innerHTML = '<input type="search" aria-label="Find">';
    main.querySelector('input')!.focus();
    main.insertAdjacentHTML('afterbegin', '<h1>Schools</h1>');
    vi.advanceTimersByTime(3000);
    expect(document.activeElement?.tagName).toBe('INPUT');
  });

  it('gives up when no heading comes, and stops when cancelled', () => {
    vi.useFakeTimers();
    const { main } = page();
    const cancel = focusHeadingSoon();
    vi.advanceTimersByTime(5000);
    main.innerHTML = '<h1>Late</h1>';
    vi.advanceTimersByTime(100);
    expect(document.activeElement).toBe(document.body);
    cancel();
  });
});
