import { useId } from 'react';
import type { PlannerBoard, SprintEvaluation } from '../../../src/contract/planner';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import { ChangesFieldset } from '../../shared/LicenceBanner';
import { CapacitySummary } from './CapacitySummary';
import { ScopeChangeSummary } from './ScopeChangeSummary';
import { FreezeOverride } from './FreezeOverride';
import { GateBanner } from './GateBanner';
import { NotReady } from './NotReady';
import { OverrideForm } from './OverrideForm';
import type { PlannerActions } from './planner-actions';
import type { Busy, PlannerState } from './planner-state';

import { Rebalance } from './Rebalance';
import { SplitBars } from './SplitBars';
import { Verdict } from './Verdict';

interface Props {
  readonly state: PlannerState;
  readonly actions: PlannerActions;
  readonly viewer?: string | undefined;
  readonly onRetry: () => void;
  readonly onDismissError: () => void;
}

function SprintChooser({
  board,
  sprintId,
  onChoose,
}: {
  board: PlannerBoard;
  sprintId: number | null;
  onChoose: (id: number) => void;
}) {
  const id = useId();
  return (
    <div className="field chooser">
      <label htmlFor={id} className="field-label">
        Sprint
      </label>
      <select
        id={id}
        className="select"
        value={sprintId ?? ''}
        onChange={(event) => onChoose(Number(event.target.value))}
      >
        {board.sprints.map((sprint) => (
          <option key={sprint.id} value={sprint.id}>
            {sprint.name} ({sprint.state})
          </option>
        ))}
      </select>
    </div>
  );
}

function SprintPlan({
  view,
  board,
  busy,
  viewer,
  actions,
}: {
  view: SprintEvaluation;
  board: PlannerBoard;
  busy: Busy | null;
  viewer: string | undefined;
  actions: PlannerActions;
}) {
  return (
    <div className="plan" data-sprint-id={view.sprint.id}>
      <GateBanner gate={view.gate} viewer={viewer} people={view.people} />
      {view.gate.state === 'FROZEN' && (
        <ChangesFieldset>
          <FreezeOverride
            call={actions.call}
            viewer={viewer}
            onChanged={() => void actions.reload(view.sprint.id)}
          />
        </ChangesFieldset>
      )}
      <Verdict view={view} />
      <div className="plan-columns">
        <div className="plan-column">
          <SplitBars evaluation={view.evaluation} />
          <CapacitySummary evaluation={view.evaluation} lastClosed={view.lastClosedSprint}>
            <ScopeChangeSummary view={view} />
          </CapacitySummary>
          <NotReady items={view.evaluation.notReady} />
        </div>
        <div className="plan-column">
          <ChangesFieldset>
            <Rebalance
              view={view}
              canSchedule={board.canSchedule}
              busy={busy}
              viewer={viewer}
              onApply={(moves) => void actions.apply(view, moves)}
              onUndo={() => void actions.undo(view)}
            />
            <OverrideForm
              key={view.sprint.id}
              view={view}
              canOverride={board.canOverride}
              busy={busy}
              viewer={viewer}
              onOverride={(reason) => actions.override(view, reason)}
            />
          </ChangesFieldset>
        </div>
      </div>
      {view.notes.length > 0 && (
        <footer className="notes subtlest">
          {view.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </footer>
      )}
    </div>
  );
}

/** The sprint planner in every state: loading, failed or no access, no open sprint, and the plan. */
export function Planner({ state, actions, viewer, onRetry, onDismissError }: Props) {
  const titleId = useId();
  if (state.status === 'loading') return <Loading what="the sprint planner" shape="planner" />;
  if (state.status === 'failed')
    return (
      <LoadFailure error={state.error} what="this board’s sprint planning" onRetry={onRetry} />
    );
  const { board, sprint } = state;
  return (
    <main className="planner" aria-labelledby={titleId}>
      <header className="planner-head">
        <h1 id={titleId} className="planner-title">
          Sprint planning
        </h1>
        {board.sprints.length > 0 && (
          <SprintChooser
            board={board}
            sprintId={state.sprintId}
            onChoose={(id) => void actions.chooseSprint(id)}
          />
        )}
      </header>
      <div className="visually-hidden" role="status" aria-live="polite">
        {state.notice ?? ''}
      </div>
      {state.notice !== undefined && <p className="notice">{state.notice}</p>}
      {state.actionError !== undefined && (
        <div className="message message-error message-inline" role="alert">
          <p>{state.actionError.message}</p>
          <button type="button" className="button button-subtle" onClick={onDismissError}>
            Dismiss
          </button>
        </div>
      )}
      {board.sprints.length === 0 ? (
        <div className="message message-info">
          <p className="message-title">This board has no active or future sprint</p>
          <p>Create a sprint on the backlog, add items to it, then open the planner again.</p>
        </div>
      ) : sprint.status === 'loading' ? (
        <Loading what="the sprint’s plan" shape="sprint-plan" />
      ) : sprint.status === 'failed' ? (
        <LoadFailure
          error={sprint.error}
          what="this sprint’s plan"
          onRetry={() => state.sprintId !== null && void actions.chooseSprint(state.sprintId)}
        />
      ) : (
        <SprintPlan
          view={sprint.view}
          board={board}
          busy={state.busy}
          viewer={viewer}
          actions={actions}
        />
      )}
    </main>
  );
}
