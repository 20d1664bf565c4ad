import { LoadFailure, Loading } from '../../shared/LoadStates';
import { Problems } from '../../shared/Problems';
import { ChangesFieldset } from '../../shared/LicenceBanner';
import { ClosedBeforeBallast } from './ClosedBeforeBallast';
import { DodChecklist } from './DodChecklist';
import { GateNotice } from './GateNotice';
import { WorkTypeSection } from './WorkTypeSection';
import type { PanelActions } from './panel-actions';
import type { PanelState } from './panel-state';

interface Props {
  readonly state: PanelState;
  readonly actions: PanelActions;
  readonly onRetry: () => void;
  readonly onDismissError: () => void;
}

/** The issue panel for every state: loading, failed (or no access), and the loaded issue. */
export function IssuePanel({ state, actions, onRetry, onDismissError }: Props) {
  if (state.status === 'loading')
    return <Loading what="Ballast for this issue" shape="issue-panel" />;
  if (state.status === 'failed') return <LoadFailure error={state.error} onRetry={onRetry} />;
  const { view, viewer } = state;
  return (
    <main className="panel" aria-label={`Ballast for ${view.issueKey}`}>
      {state.actionError !== undefined && (
        <div className="message message-error message-inline" role="alert">
          <p>{state.actionError}</p>
          <button type="button" className="button button-subtle" onClick={onDismissError}>
            Dismiss
          </button>
        </div>
      )}
      <Problems problems={view.problems} />
      {view.gate !== null && <GateNotice gate={view.gate} viewer={viewer} people={view.people} />}
      <ChangesFieldset>
        <WorkTypeSection
          workType={view.workType}
          suggestion={view.suggestion}
          noSuggestion={view.noSuggestion}
          viewer={viewer}
          people={view.people}
          pending={state.pendingType}
          onChange={(workType) => void actions.setWorkType(workType)}
        />
        {view.history !== null ? (
          <ClosedBeforeBallast history={view.history} />
        ) : (
          <DodChecklist
            dod={view.dod}
            viewer={viewer}
            people={view.people}
            pendingTicks={state.pendingTicks}
            onTick={(itemId, done) => void actions.tick(itemId, done)}
          />
        )}
      </ChangesFieldset>
    </main>
  );
}
