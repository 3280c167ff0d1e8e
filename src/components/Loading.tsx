/** Loading and error states that say what is happening in words. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({ title, error }: { title: string; error: unknown }) {
  return (
    <div role="alert" className="error">
      <h2>{title}</h2>
      <pre>{error instanceof Error ? error.message : String(error)}</pre>
    </div>
  );
}
