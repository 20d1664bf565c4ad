import { useId, useState } from 'react';
import type { HeldView, MoveView, SprintEvaluation } from '../../../src/contract/planner';
import { formatWhen, formatWho } from '../../shared/format';
import { IssueLink } from '../../shared/IssueLink';
import { StatusLozenge } from '../../shared/StatusLozenge';
import { WorkTypeTag } from '../../shared/WorkTypeTag';
import { formatAmount, readableNumbers } from './amounts';
import type { Busy } from './planner-state';

type Basis = SprintEvaluation['evaluation']['basis'];
export type ChosenMove = { readonly key: string; readonly direction: 'out' | 'in' };

interface Props {
  readonly view: SprintEvaluation;
  readonly canSchedule: boolean;
  readonly busy: Busy | null;
  readonly viewer: string | undefined;
  readonly onApply: (moves: readonly ChosenMove[]) => void;
  readonly onUndo: () => void;
}

const moveId = (move: ChosenMove): string => `${move.direction}:${move.key}`;

/** Key (a link), summary, status, assignee, category and size: one item as the planner lists it. */
function ItemCells({ item, basis }: { item: MoveView | HeldView; basis: Basis }) {
  return (
    <>
      <IssueLink issueKey={item.key} />
      <span className="move-summary">{item.summary || 'No summary'}</span>
      <span className="move-facts">
        <StatusLozenge status={item.status} />
        <span className="move-assignee subtle">{item.assignee ?? 'Unassigned'}</span>
        <WorkTypeTag type={item.type} />
        <span className="move-amount">{formatAmount(item.amount, basis)}</span>
      </span>
      <span className="move-reason subtlest">{readableNumbers(item.reason)}</span>
    </>
  );
}

function MoveList({
  title,
  moves,
  basis,
  chosen,
  onToggle,
}: {
  title: string;
  moves: readonly MoveView[];
  basis: Basis;
  chosen: ReadonlySet<string>;
  onToggle: (move: MoveView) => void;
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
            key={moveId(move)}
            className="move"
            data-move={move.direction}
            data-issue-key={move.key}
          >
            <input
              type="checkbox"
              className="move-check"
              checked={chosen.has(moveId(move))}
              onChange={() => onToggle(move)}
              aria-label={`${move.direction === 'out' ? 'Move' : 'Pull'} ${move.key} ${move.direction === 'out' ? 'out to the backlog' : 'into the sprint'}`}
            />
            <ItemCells item={move} basis={basis} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The started or Done items the proposal would have moved out of the running sprint, and why they stay. */
function HeldList({ held, basis }: { held: readonly HeldView[]; basis: Basis }) {
  const headingId = useId();
  if (held.length === 0) return null;
  return (
    <div className="moves held">
      <h3 id={headingId} className="moves-title">
        Stays in the sprint: started or Done
      </h3>
      <ul className="move-list" aria-labelledby={headingId}>
        {held.map((item) => (
          <li key={item.key} className="move move-held" data-held={item.key}>
            <span className="move-check" aria-hidden="true" />
            <ItemCells item={item} basis={basis} />
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The proposal's moves with a checkbox each (all chosen at first) and Apply for the chosen ones. */
function Proposal({
  view,
  blocked,
  busy,
  describedBy,
  onApply,
}: {
  view: SprintEvaluation;
  blocked: boolean;
  busy: Busy | null;
  describedBy: string | undefined;
  onApply: (moves: readonly ChosenMove[]) => void;
}) {
  const proposal = view.proposal!;
  const basis = view.evaluation.basis;
  const moves = proposal.moves;
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(moves.map(moveId)));
  const toggle = (move: MoveView) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(moveId(move))) next.delete(moveId(move));
      else next.add(moveId(move));
      return next;
    });
  const picked = moves.filter((m) => chosen.has(moveId(m)));
  const none = picked.length === 0;
  const all = picked.length === moves.length;
  const label = all
    ? `Apply ${moves.length} ${moves.length === 1 ? 'move' : 'moves'}`
    : `Apply ${picked.length} of ${moves.length} moves`;
  return (
    <>
      <MoveList
        title="Move out to the backlog"
        moves={moves.filter((m) => m.direction === 'out')}
        basis={basis}
        chosen={chosen}
        onToggle={toggle}
      />
      <MoveList
        title="Pull in from the backlog"
        moves={moves.filter((m) => m.direction === 'in')}
        basis={basis}
        chosen={chosen}
        onToggle={toggle}
      />
      <p className="after subtle">
        After {moves.length === 1 ? 'this move' : `all ${moves.length} moves`}:{' '}
        {formatAmount(proposal.after.used, basis)} planned of{' '}
        {formatAmount(proposal.after.available, basis)} available —{' '}
        {proposal.compliant ? 'the plan keeps the split and fits.' : 'the plan still breaks it.'}
        {!all &&
          ' With only the chosen moves the plan differs: it is checked again after applying.'}
      </p>
      <div className="actions-row">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={blocked || none}
          aria-busy={busy === 'apply'}
          aria-describedby={describedBy}
          onClick={() => !blocked && !none && onApply(picked)}
        >
          {busy === 'apply' ? 'Applying…' : none ? 'Choose a move to apply' : label}
        </button>
      </div>
    </>
  );
}

/** The rebalance proposal as moves to choose and apply; the last applied rebalance can be undone. */
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
            ? 'The plan keeps the split and fits: nothing to move.'
            : 'No moves can fix this plan from the current backlog.'}
        </p>
      ) : (
        <Proposal
          // A new proposal starts with every move chosen again.
          key={`${proposal.fingerprint}|${moves.map(moveId).join(',')}`}
          view={view}
          blocked={blocked}
          busy={busy}
          describedBy={canSchedule ? undefined : `${headingId}-perm`}
          onApply={onApply}
        />
      )}
      {proposal !== undefined && <HeldList held={proposal.held} basis={basis} />}
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
