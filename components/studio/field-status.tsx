// What became of a one-field form's last request, under the field: the refusal (an alert, with the id the
// field's aria-describedby names) or the confirmation (a polite status). Nothing while neither is set.
export function FieldStatus({ errorId, error, saved }: { errorId: string; error: string; saved: string }) {
  return (
    <>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && (
        <p className="field-hint" role="status">
          {saved}
        </p>
      )}
    </>
  );
}
