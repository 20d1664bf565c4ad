/** Problems the backend found with stored data: shown as a warning, never hidden. */
export function Problems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="message message-warning" role="note" aria-label="Problems found by Ballast">
      <p className="message-title">Ballast found a problem with this issue’s data</p>
      <ul className="message-list">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
