import { useId } from 'react';
import type { IssueView } from '../../../src/contract/issue-panel';
import { formatWhen, formatWho } from '../../shared/format';
import { GateStatementText } from '../../shared/GateStatementText';
import { gateTone } from '../../shared/gate-tone';

/** Why a held item may start anyway: its own exemption, or an override of the freeze. */
const HEADLINE = {
  held: ' — feature work cannot start',
  exempt: ' — this item is exempt and may start',
  override: ' — this item may start under an override',
} as const;

/**
 * The error-budget gate for a feature item while the project is FROZEN (PRODUCT.md §4), in the
 * FROZEN colour every app uses (gate-tone.ts): what it means for this item, the gate's statement
 * (the policy's rule with today's figures, as on the planner and the project page), the override
 * that lets it start (by name, until a local time) and the way out — all as the backend sent them.
 */
export function GateNotice({
  gate,
  viewer,
  people = {},
}: {
  gate: NonNullable<IssueView['gate']>;
  viewer?: string | undefined;
  people?: IssueView['people'];
}) {
  const titleId = useId();
  return (
    <section
      className={`message message-gate gate ${gateTone(gate.state)}`}
      aria-labelledby={titleId}
      data-gate={gate.state}
    >
      <h2 id={titleId} className="message-title gate-title">
        Error budget gate: Frozen
        {HEADLINE[gate.allowedBy ?? 'held']}
      </h2>
      <p>{gate.message}</p>
      {gate.override !== null && (
        <p className="gate-override" data-override-until={gate.override.until}>
          <span className="gate-label">Override: </span>
          feature work may start until{' '}
          <time dateTime={gate.override.until}>{formatWhen(gate.override.until)}</time> (
          {formatWho(gate.override.accountId, viewer, people)}: “{gate.override.reason}”).
        </p>
      )}
      <GateStatementText statement={gate.statement} />
      {gate.wayOut !== null && (
        <p>
          <span className="gate-label">Way out: </span>
          {gate.wayOut}
        </p>
      )}
    </section>
  );
}
