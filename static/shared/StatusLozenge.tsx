/** A Jira status as a lozenge coloured by its category (ui.css `.lozenge-status-*`). */
export function StatusLozenge({
  status,
}: {
  status: { readonly name: string; readonly category: string } | null;
}) {
  if (status === null) return <span className="lozenge">Status unknown</span>;
  const known = ['new', 'indeterminate', 'done'].includes(status.category);
  return (
    <span
      className={`lozenge${known ? ` lozenge-status-${status.category}` : ''}`}
      data-status-category={status.category}
    >
      {status.name}
    </span>
  );
}
