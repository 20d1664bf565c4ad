import type { IssueView } from '../../../src/contract/issue-panel';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import { Problems } from '../../shared/Problems';
import type { LoadState } from '../../shared/use-resolver';
import { GateLozenge } from '../../shared/GateLozenge';
import { WorkTypeTag } from '../../shared/WorkTypeTag';

/** The badge says why a held item may start anyway: never "exempt" for an overridden item. */
const GATE_BADGE = {
  held: 'Frozen',
  exempt: 'Frozen (exempt)',
  override: 'Frozen (overridden)',
} as const;

interface Props {
  readonly state: LoadState<IssueView>;
  readonly onRetry: () => void;
}

/** The compact view in the issue's side column: category, "DoD 3/5" and the open required items. */
export function IssueContext({ state, onRetry }: Props) {
  if (state.status === 'loading') return <Loading what="Ballast" shape="issue-context" />;
  if (state.status === 'failed') return <LoadFailure error={state.error} onRetry={onRetry} />;
  const { workType, suggestion, gate, dod, history, problems } = state.data;
  // Closed before Ballast: no Definition of Done applies, so nothing is open or ready to close.
  const tracked = history === null;
  return (
    <div className="context">
      <dl className="context-list">
        <div className="context-row">
          <dt>Category</dt>
          <dd>
            <WorkTypeTag type={workType.type} />
          </dd>
        </div>
        {suggestion !== null && (
          <div className="context-row">
            <dt>Suggested</dt>
            <dd>
              <WorkTypeTag type={suggestion.type} />{' '}
              <span className="subtle">{Math.floor(suggestion.confidence * 100)}% confident</span>
            </dd>
          </div>
        )}
        {gate !== null && (
          <div className="context-row">
            <dt>Error budget</dt>
            <dd>
              <GateLozenge
                state={gate.state}
                label={GATE_BADGE[gate.allowedBy ?? 'held']}
                title={gate.message}
              />
            </dd>
          </div>
        )}
        <div className="context-row">
          <dt>Definition of Done</dt>
          <dd>
            {!tracked ? (
              <span className="badge" title="Done before Ballast first saw this project">
                Closed before Ballast
              </span>
            ) : dod.template === null ? (
              <span className="subtle">None for this issue</span>
            ) : (
              <span className={`badge${dod.complete ? ' badge-success' : ''}`}>
                <span aria-hidden="true">DoD {dod.progress}</span>
                <span className="visually-hidden">
                  {dod.done} of {dod.total} done
                </span>
              </span>
            )}
          </dd>
        </div>
      </dl>
      {tracked && dod.openRequired.length > 0 && (
        <div className="context-open">
          <p className="context-open-title" id="open-required">
            Required and still open
          </p>
          <ul className="context-open-list" aria-labelledby="open-required">
            {dod.openRequired.map((item) => (
              <li key={item.id}>{item.text}</li>
            ))}
          </ul>
        </div>
      )}
      {tracked && dod.template !== null && dod.complete && (
        <p className="status-ready">Ready to close</p>
      )}
      <Problems problems={problems} />
    </div>
  );
}
