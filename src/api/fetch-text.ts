/** The one place the app fetches: relative URLs (so any sub-path works) and clear errors. */
export class LoadError extends Error {}

export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path}`.replace(/^\.\//, './');
}

/** A fetch that has not finished by then (a dropped VPN, a stalled server) is given up. */
export const FETCH_TIMEOUT_MS = 30_000;

export async function fetchText(
  path: string,
  what: string,
  timeoutMs = FETCH_TIMEOUT_MS,
): Promise<string> {
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = (e: unknown) =>
    new LoadError(
      `Could not load ${what} (${path}): ${
        (e as Error).name === 'TimeoutError'
          ? `no answer within ${Math.round(timeoutMs / 1000)} s (the connection may be slow or down)`
          : (e as Error).message
      }`,
    );
  let res: Response;
  try {
    res = await fetch(dataUrl(path), { signal });
  } catch (e) {
    throw failed(e);
  }
  if (!res.ok)
    throw new LoadError(
      `Could not load ${what} (${path}): the server answered ${res.status} ${res.statusText}`.trim(),
    );
  try {
    return await res.text();
  } catch (e) {
    throw failed(e);
  }
}
