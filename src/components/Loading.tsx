/** Loading and error states that say what is happening in words. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="loading">
      Loading {what}…
    </p>
  );
}

export function ErrorMessage({
  title,
  error,
  onRetry,
}: {
  title: string;
  error: unknown;
  /** Offers "Try again" (a fetch that failed on a flaky connection may work the next time). */
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="error">
      <h2>{title}</h2>
      <pre>{error instanceof Error ? error.message : String(error)}</pre>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
