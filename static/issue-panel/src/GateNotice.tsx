import { useId } from 'react';
import type { IssueView } from '../../../src/contract/issue-panel';

/** Why a held item may start anyway: its own exemption, or an override of the freeze. */
const HEADLINE = {
  held: ' — feature work cannot start',
  exempt: ' — this item is exempt and may start',
  override: ' — this item may start under an override',
} as const;

/**
 * The error-budget gate for a feature item while the project is FROZEN (PRODUCT.md §4): the state,
 * why (the SLOs whose budget is spent) and the way out — all as the backend sent them.
 */
export function GateNotice({ gate }: { gate: NonNullable<IssueView['gate']> }) {
  const titleId = useId();
  return (
    <section className="message message-warning gate" aria-labelledby={titleId}>
      <h2 id={titleId} className="message-title gate-title">
        Error budget gate: Frozen
        {HEADLINE[gate.allowedBy ?? 'held']}
      </h2>
      <p>{gate.message}</p>
      {gate.slos.length > 0 && (
        <p>
          <span className="gate-label">Budget spent: </span>
          {gate.slos.join(', ')}
        </p>
      )}
      {gate.wayOut !== null && (
        <p>
          <span className="gate-label">Way out: </span>
          {gate.wayOut}
        </p>
      )}
    </section>
  );
}
