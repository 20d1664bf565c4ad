import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import {
  GATE_OVERRIDE_REASON_MAX,
  type GateOverrideView,
  type GateOverridesView,
} from '../../../src/contract/gate';
import { asResolverError, formatWhen, formatWho } from '../../shared/format';
import { LoadFailure, Loading } from '../../shared/LoadStates';
import type { Call } from './planner-actions';
import { ReasonField, reasonProblem } from './ReasonField';

/** Durations offered for an override; the backend accepts any whole number of hours up to maxHours. */
export const OVERRIDE_DURATIONS = [
  { hours: 4, label: '4 hours' },
  { hours: 24, label: '1 day' },
  { hours: 72, label: '3 days' },
  { hours: 168, label: '7 days' },
] as const;

/** What a blank or over-long reason is told before anything is sent (the backend checks again). */
export const freezeReasonProblem = (reason: string): string | undefined =>
  reasonProblem(
    reason,
    GATE_OVERRIDE_REASON_MAX,
    'Enter why feature work may start despite the freeze: it is required.',
  );

interface PanelProps {
  readonly view: GateOverridesView;
  readonly viewer: string | undefined;
  readonly busy: boolean;
  /** The backend's refusal of the last change, shown at the form. */
  readonly problem?: string | undefined;
  readonly onRecord: (reason: string, hours: number) => Promise<boolean>;
  readonly onEnd: (id: string) => void;
  /** For tests: the text typed so far. */
  readonly initialReason?: string;
}

function Entry({
  entry,
  viewer,
  people,
}: {
  entry: GateOverrideView;
  viewer: string | undefined;
  people: GateOverridesView['people'];
}) {
  return (
    <>
      {formatWho(entry.accountId, viewer, people)} on{' '}
      <time dateTime={entry.at}>{formatWhen(entry.at)}</time>, until{' '}
      <time dateTime={entry.until}>{formatWhen(entry.until)}</time>
      {entry.endedAt !== null && (
        <>
          {' '}
          (ended by {formatWho(entry.endedBy ?? '', viewer, people)} on{' '}
          <time dateTime={entry.endedAt}>{formatWhen(entry.endedAt)}</time>)
        </>
      )}
      : <q className="override-reason-inline">{entry.reason}</q>
    </>
  );
}

/**
 * While the project is FROZEN: the override in force (who, until when, why) with "End now" for
 * project admins, or the form to record one (reason and duration), and the earlier overrides.
 */
export function FreezeOverridePanel({
  view,
  viewer,
  busy,
  problem,
  onRecord,
  onEnd,
  initialReason = '',
}: PanelProps) {
  const headingId = useId();
  const fieldId = useId();
  const durationId = useId();
  const [reason, setReason] = useState(initialReason);
  const [hours, setHours] = useState<number>(OVERRIDE_DURATIONS[1].hours);
  const [local, setLocal] = useState<string | undefined>(undefined);
  const shown = local ?? problem;
  const earlier = view.history.filter((e) => e.id !== view.active?.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found = freezeReasonProblem(reason);
    setLocal(found);
    if (found === undefined) void onRecord(reason.trim(), hours).then((ok) => ok && setReason(''));
  };
  return (
    <section className="section freeze-override" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Freeze override
      </h2>
      {view.active !== null ? (
        <div className="override-last" data-override-active={view.active.id}>
          <p>
            Feature work may start until{' '}
            <time dateTime={view.active.until}>{formatWhen(view.active.until)}</time>, under an
            override recorded by {formatWho(view.active.accountId, viewer, view.people)} on{' '}
            <time dateTime={view.active.at}>{formatWhen(view.active.at)}</time>:
          </p>
          <blockquote className="override-reason">{view.active.reason}</blockquote>
          {view.canRecord && (
            <button
              type="button"
              className="button"
              aria-disabled={busy}
              aria-busy={busy}
              onClick={() => !busy && onEnd(view.active!.id)}
            >
              End the override now
            </button>
          )}
        </div>
      ) : view.canRecord ? (
        <form className="override-form" onSubmit={submit} noValidate>
          <p className="subtle">
            The freeze is the error-budget policy your team agreed. An override lets feature work
            start again for a limited time; it is kept with your name, the time and the reason.
          </p>
          <ReasonField
            id={fieldId}
            value={reason}
            max={GATE_OVERRIDE_REASON_MAX}
            problem={shown}
            onChange={setReason}
          />
          <div className="override-foot">
            <span className="field inline-field">
              <label htmlFor={durationId} className="field-label">
                For
              </label>
              <select
                id={durationId}
                className="select"
                value={hours}
                onChange={(event) => setHours(Number(event.target.value))}
              >
                {OVERRIDE_DURATIONS.filter((d) => d.hours <= view.maxHours).map((d) => (
                  <option key={d.hours} value={d.hours}>
                    {d.label}
                  </option>
                ))}
              </select>
            </span>
            <button
              type="submit"
              className="button button-primary"
              aria-disabled={busy}
              aria-busy={busy}
            >
              {busy ? 'Recording…' : 'Allow feature work'}
            </button>
          </div>
        </form>
      ) : (
        <p className="subtle">
          Only administrators of project {view.projectKey} can override the freeze, because it
          suspends the policy the team agreed; ask one of them.
        </p>
      )}
      {view.active !== null && problem !== undefined && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {earlier.length > 0 && (
        <details className="override-history">
          <summary>Earlier overrides ({earlier.length})</summary>
          <ul>
            {earlier.map((entry) => (
              <li key={entry.id}>
                <Entry entry={entry} viewer={viewer} people={view.people} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

type Loaded =
  | { readonly status: 'loading' }
  | { readonly status: 'failed'; readonly error: ResolverError }
  | { readonly status: 'ready'; readonly view: GateOverridesView };

/**
 * Loads the project's overrides (`gate/overrides`) and records or ends one; after a change the
 * sprint is evaluated again (`onChanged`) so the gate banner says what applies now.
 */
export function FreezeOverride({
  call,
  viewer,
  onChanged,
}: {
  call: Call;
  viewer: string | undefined;
  onChanged: () => void;
}) {
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const load = useCallback(() => {
    setLoaded({ status: 'loading' });
    call('gate/overrides', {})
      .then((view) => setLoaded({ status: 'ready', view }))
      .catch((thrown: unknown) => setLoaded({ status: 'failed', error: asResolverError(thrown) }));
  }, [call]);
  useEffect(load, [load]);
  const change = async (run: () => Promise<GateOverridesView>): Promise<boolean> => {
    setBusy(true);
    setProblem(undefined);
    try {
      setLoaded({ status: 'ready', view: await run() });
      onChanged();
      return true;
    } catch (thrown) {
      setProblem(asResolverError(thrown).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  if (loaded.status === 'loading') return <Loading what="the freeze overrides" shape="section" />;
  if (loaded.status === 'failed')
    return <LoadFailure error={loaded.error} what="the freeze overrides" onRetry={load} />;
  return (
    <FreezeOverridePanel
      view={loaded.view}
      viewer={viewer}
      busy={busy}
      problem={problem}
      onRecord={(reason, hours) => change(() => call('gate/recordOverride', { reason, hours }))}
      onEnd={(id) => void change(() => call('gate/endOverride', { id }))}
    />
  );
}
