import { view } from '@forge/bridge';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { call } from '../../shared/invoke';
import { asResolverError } from '../../shared/format';
import { Planner } from './Planner';
import { plannerActions, type EarlyPlan } from './planner-actions';
import { plannerFrameOf, type PlannerFrame } from './planner-frame';
import { initialPlannerState, plannerReducer } from './planner-state';

/**
 * Started as the bundle runs, before React renders (static/shared/first-load.ts explains why): the
 * board at once (its resolver reads the board from the Forge context on the server), and, once
 * the context names the sprint the planner was opened on, that sprint's evaluation beside it.
 * Taken once, by the first load; Retry reads afresh.
 */
const openingBoard = call('planner/board', {});
openingBoard.catch(() => undefined);
let opening: Promise<{ frame: PlannerFrame; early: EarlyPlan }> | undefined = view
  .getContext()
  .then((context) => {
    const frame = plannerFrameOf(context);
    const sprint =
      frame.sprintId === undefined
        ? undefined
        : {
            id: frame.sprintId,
            evaluation: call('planner/evaluate', { sprintId: frame.sprintId, withProposal: true }),
          };
    sprint?.evaluation.catch(() => undefined);
    return { frame, early: { board: openingBoard, ...(sprint ? { sprint } : {}) } };
  });
opening.catch(() => undefined);

/** The jira:backlogAction / jira:sprintAction module: the board's sprints and the chosen one's plan. */
export function App() {
  const [state, dispatch] = useReducer(plannerReducer, initialPlannerState);
  const actions = useMemo(() => plannerActions(call, dispatch), []);
  const [viewer, setViewer] = useState<string | undefined>(undefined);
  useEffect(() => {
    // The board and sprint come from Jira's context; the resolvers read them there too.
    const taken = opening;
    opening = undefined;
    (
      taken ??
      view.getContext().then((context) => ({ frame: plannerFrameOf(context), early: undefined }))
    )
      .then(({ frame, early }) => {
        setViewer(frame.accountId);
        return actions.loadBoard(early);
      })
      .catch((thrown: unknown) =>
        dispatch({ type: 'boardFailed', error: asResolverError(thrown) }),
      );
  }, [actions]);
  return (
    <Planner
      state={state}
      actions={actions}
      viewer={viewer}
      onDismissError={() => dispatch({ type: 'dismissError' })}
      onRetry={() => void actions.loadBoard()}
    />
  );
}
