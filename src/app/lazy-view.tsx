/**
 * Screens loaded on demand, with retries: a chunk that fails to download (server restarted, VPN
 * dropped) is fetched again twice before the error boundary says so, and the boundary's "Try
 * again" starts a fresh download (React.lazy keeps a failed promise for good, so each retry
 * makes a new lazy component).
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

const RETRY_DELAYS_MS = [400, 1500];
const resets: (() => void)[] = [];

async function withRetry<T>(load: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (e) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw new ChunkLoadError(e);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** A screen's code could not be downloaded, after retrying. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(
      `This screen could not be downloaded (${cause instanceof Error ? cause.message : String(cause)}). Check the connection and try again.`,
    );
    this.name = 'ChunkLoadError';
  }
}

export function lazyView<P extends object>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const make = () => lazy(() => withRetry(load).then((c) => ({ default: c })));
  let current: LazyExoticComponent<ComponentType<P>> = make();
  resets.push(() => {
    current = make();
  });
  return function LazyView(props: P) {
    const C = current;
    return <C {...props} />;
  };
}

/** Lets every failed screen download be tried afresh. */
export function resetLazyViews(): void {
  for (const reset of resets) reset();
}
