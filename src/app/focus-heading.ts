/**
 * Puts focus on the new screen's main heading once it appears (it may come with its data),
 * as a new page would start there for a screen reader or keyboard user.
 *
 * Only while focus is where the move left it, or on a heading this put it on (the screen may
 * replace it when its data comes): a user who has already clicked or tabbed into the new
 * screen, its search box say, keeps their place. Returns the cancel for an effect's cleanup.
 */
export function focusHeadingSoon(every = 50, tries = 50): () => void {
  const ours = new Set<Element | null>([document.activeElement, document.body, null]);
  let left = tries;
  const timer = window.setInterval(() => {
    const now = document.activeElement;
    if (--left < 0 || !(ours.has(now) || !now?.isConnected)) {
      window.clearInterval(timer);
      return;
    }
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1 || h1 === now) return;
    h1.setAttribute('tabindex', '-1');
    h1.focus({ preventScroll: true });
    ours.add(h1);
  }, every);
  return () => window.clearInterval(timer);
}
