import { view } from '@forge/bridge';
import { useEffect, useMemo, useReducer, useState } from 'react';
import { call } from '../../shared/invoke';
import { asResolverError } from '../../shared/format';
import { Planner } from './Planner';
import { plannerActions } from './planner-actions';
import { plannerFrameOf } from './planner-frame';
import { initialPlannerState, plannerReducer } from './planner-state';

/** The jira:backlogAction / jira:sprintAction module: the board's sprints and the chosen one's plan. */
export function App() {
  const [state, dispatch] = useReducer(plannerReducer, initialPlannerState);
  const actions = useMemo(() => plannerActions(call, dispatch), []);
  const [viewer, setViewer] = useState<string | undefined>(undefined);
  useEffect(() => {
    // The board and sprint come from Jira's context; the resolvers read them there too.
    view
      .getContext()
      .then((context) => {
        setViewer(plannerFrameOf(context).accountId);
        return actions.loadBoard();
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
