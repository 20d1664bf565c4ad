/**
 * The required reason of an override (the split's, or the freeze's): a labelled textarea with its
 * character count and the problem found, checked here before anything is sent (the backend checks
 * again and its refusal is shown the same way).
 */

/** What a blank or over-long reason is told; undefined when it may be sent. */
export function reasonProblem(
  reason: string,
  max: number,
  whenMissing: string,
): string | undefined {
  const trimmed = reason.trim();
  if (trimmed === '') return whenMissing;
  if (trimmed.length > max)
    return `Keep the reason to ${max} characters (it has ${trimmed.length}).`;
  return undefined;
}

export function ReasonField({
  id,
  value,
  max,
  problem,
  onChange,
}: {
  id: string;
  value: string;
  max: number;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        Reason (required)
      </label>
      <textarea
        id={id}
        className="textarea"
        rows={3}
        required
        aria-required="true"
        aria-invalid={problem !== undefined}
        aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-count`} className="subtlest">
        {value.trim().length} of {max} characters
      </span>
      {problem !== undefined && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
