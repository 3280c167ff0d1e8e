/** A validation message beside the field at fault, tied to it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="field-error">
      <span className="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

/** Field ids from validation paths (ids may not contain brackets or dots for CSS/ARIA ease). */
export const fieldId = (path: string) => `f-${path.replace(/[[\].]/g, '-')}`;
