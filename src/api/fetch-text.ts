/** The one place the app fetches: relative URLs (so any sub-path works) and clear errors. */
export class LoadError extends Error {}

export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}${path}`.replace(/^\.\//, './');
}

export async function fetchText(path: string, what: string): Promise<string> {
  let res: Response;
  try {
    res = await fetch(dataUrl(path));
  } catch (e) {
    throw new LoadError(`Could not load ${what} (${path}): ${(e as Error).message}`);
  }
  if (!res.ok)
    throw new LoadError(
      `Could not load ${what} (${path}): the server answered ${res.status} ${res.statusText}`.trim(),
    );
  return res.text();
}
