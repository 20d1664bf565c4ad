import { useId, useState, type FormEvent } from 'react';
import { OVERRIDE_REASON_MAX, type SprintEvaluation } from '../../../src/contract/planner';
import { formatWhen, formatWho } from '../../shared/format';
import { GATE_STATE_WORDS } from '../../shared/GateLozenge';
import type { Busy } from './planner-state';
import { ReasonField, reasonProblem } from './ReasonField';

interface Props {
  readonly view: SprintEvaluation;
  readonly canOverride: boolean;
  readonly busy: Busy | null;
  readonly viewer: string | undefined;
  readonly onOverride: (reason: string) => Promise<boolean>;
  /** For tests: the text typed so far. */
  readonly initialReason?: string;
  readonly initialProblem?: string;
}

/** What a blank or over-long reason is told before anything is sent (the backend checks again). */
export const overrideReasonProblem = (reason: string): string | undefined =>
  reasonProblem(reason, OVERRIDE_REASON_MAX, 'Enter the reason for the override: it is required.');

/**
 * When the project enforces the split and this plan breaks it, a Product Owner records why it goes
 * ahead anyway; the newest override of the sprint is shown with who, when and why.
 */
export function OverrideForm({
  view,
  canOverride,
  busy,
  viewer,
  onOverride,
  initialReason = '',
  initialProblem,
}: Props) {
  const headingId = useId();
  const fieldId = useId();
  const [reason, setReason] = useState(initialReason);
  const [problem, setProblem] = useState<string | undefined>(initialProblem);
  const last = view.override;
  if (!view.overrideNeeded && last === null) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy !== null) return;
    const found = overrideReasonProblem(reason);
    setProblem(found);
    if (found === undefined)
      void onOverride(reason.trim()).then((stored) => stored && setReason(''));
  };
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Override
      </h2>
      {last !== null && (
        <div className="override-last">
          <p>
            Overridden by {formatWho(last.accountId, viewer, view.people)} on{' '}
            <time dateTime={last.at}>{formatWhen(last.at)}</time>, while the gate was{' '}
            {GATE_STATE_WORDS[last.overridden.gateState]}:
          </p>
          <blockquote className="override-reason">{last.reason}</blockquote>
          {!last.counts && (
            <p className="override-stale" data-override-counts="false">
              This override no longer counts: {last.notCountingBecause}.
            </p>
          )}
        </div>
      )}
      {view.overrideNeeded &&
        (canOverride ? (
          <form className="override-form" onSubmit={submit} noValidate>
            <p className="subtle">
              This project enforces the split. To start the sprint with this plan as it is, record
              why: the override covers exactly these items (a change to them needs a new one) and is
              kept in the project’s audit log with your name and the time.
            </p>
            <ReasonField
              id={fieldId}
              value={reason}
              max={OVERRIDE_REASON_MAX}
              problem={problem}
              onChange={setReason}
            />
            <div className="override-foot">
              <button
                type="submit"
                className="button button-primary"
                aria-disabled={busy !== null}
                aria-busy={busy === 'override'}
              >
                {busy === 'override' ? 'Recording…' : 'Record override'}
              </button>
            </div>
          </form>
        ) : (
          <p className="subtle">
            This project enforces the split. Only people with Jira’s “Manage sprints” permission
            (the Product Owner) can record an override; ask them.
          </p>
        ))}
    </section>
  );
}
