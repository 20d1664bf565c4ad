import { useId } from 'react';
import type { MoveView, SprintEvaluation } from '../../../src/contract/planner';
import { formatWhen, formatWho } from '../../shared/format';
import { WorkTypeTag } from '../../shared/WorkTypeTag';
import { formatAmount, readableNumbers } from './amounts';
import type { Busy } from './planner-state';

interface Props {
  readonly view: SprintEvaluation;
  readonly canSchedule: boolean;
  readonly busy: Busy | null;
  readonly viewer: string | undefined;
  readonly onApply: () => void;
  readonly onUndo: () => void;
}

function MoveList({
  title,
  moves,
  basis,
}: {
  title: string;
  moves: readonly MoveView[];
  basis: SprintEvaluation['evaluation']['basis'];
}) {
  const headingId = useId();
  if (moves.length === 0) return null;
  return (
    <div className="moves">
      <h3 id={headingId} className="moves-title">
        {title}
      </h3>
      <ul className="move-list" aria-labelledby={headingId}>
        {moves.map((move) => (
          <li
            key={`${move.direction}:${move.key}`}
            className="move"
            data-move={move.direction}
            data-issue-key={move.key}
          >
            <span className="issue-key">{move.key}</span>
            <WorkTypeTag type={move.type} />
            <span className="move-amount">{formatAmount(move.amount, basis)}</span>
            <span className="move-reason subtlest">{readableNumbers(move.reason)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The rebalance proposal as moves, applied with one click; the last applied rebalance can be undone. */
export function Rebalance({ view, canSchedule, busy, viewer, onApply, onUndo }: Props) {
  const headingId = useId();
  const proposal = view.proposal;
  const basis = view.evaluation.basis;
  const moves = proposal?.moves ?? [];
  const blocked = !canSchedule || busy !== null;
  const noPermission =
    'You need Jira’s “Schedule issues” permission in this project to move items.';
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Rebalance
      </h2>
      {proposal === undefined ? (
        <p className="empty">No proposal was computed for this sprint.</p>
      ) : moves.length === 0 ? (
        <p className="empty">
          {proposal.compliant
            ? 'The plan keeps the split: nothing to move.'
            : 'No moves can fix this plan from the current backlog.'}
        </p>
      ) : (
        <>
          <MoveList
            title="Move out to the backlog"
            moves={moves.filter((m) => m.direction === 'out')}
            basis={basis}
          />
          <MoveList
            title="Pull in from the backlog"
            moves={moves.filter((m) => m.direction === 'in')}
            basis={basis}
          />
          <p className="after subtle">
            After these moves: {formatAmount(proposal.after.used, basis)} planned of{' '}
            {formatAmount(proposal.after.plannable, basis)} available —{' '}
            {proposal.compliant ? 'the split holds.' : 'the split still does not hold.'}
          </p>
          <div className="actions-row">
            <button
              type="button"
              className="button button-primary"
              aria-disabled={blocked}
              aria-busy={busy === 'apply'}
              aria-describedby={canSchedule ? undefined : `${headingId}-perm`}
              onClick={() => !blocked && onApply()}
            >
              {busy === 'apply'
                ? 'Applying…'
                : `Apply ${moves.length} ${moves.length === 1 ? 'move' : 'moves'}`}
            </button>
          </div>
        </>
      )}
      {proposal !== undefined && !proposal.compliant && proposal.reasons.length > 0 && (
        <ul className="message-list subtle">
          {proposal.reasons.map((reason) => (
            <li key={reason}>{readableNumbers(reason)}</li>
          ))}
        </ul>
      )}
      {view.undo !== null && (
        <div className="undo-row">
          <p>
            Last rebalance: {view.undo.moves.length}{' '}
            {view.undo.moves.length === 1 ? 'move' : 'moves'} applied by{' '}
            {formatWho(view.undo.appliedBy, viewer, view.people)} on{' '}
            <time dateTime={view.undo.appliedAt}>{formatWhen(view.undo.appliedAt)}</time>.
          </p>
          <button
            type="button"
            className="button"
            aria-disabled={blocked}
            aria-busy={busy === 'undo'}
            aria-describedby={canSchedule ? undefined : `${headingId}-perm`}
            onClick={() => !blocked && onUndo()}
          >
            {busy === 'undo' ? 'Undoing…' : 'Undo rebalance'}
          </button>
        </div>
      )}
      {!canSchedule && (moves.length > 0 || view.undo !== null) && (
        <p id={`${headingId}-perm`} className="subtlest">
          {noPermission}
        </p>
      )}
    </section>
  );
}
