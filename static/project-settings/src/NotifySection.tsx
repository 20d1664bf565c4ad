/**
 * Project settings → Notifications (issue #22 item 3): which transitions Ballast tells people
 * about, by Jira email about the project's notices issue and, optionally, a Slack or Teams incoming
 * webhook; "Send a test"; and what the last delivery on each channel did. Its own resolvers
 * (`notify/*`), like the push API section, so it saves apart from the configuration form.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type {
  DeliveryResult,
  NoticeEvent,
  NotifySettingsView,
  RecentNotice,
} from '../../../src/contract/notify';
import { asResolverError, formatWhen } from '../../shared/format';
import { useLicence } from '../../shared/licence';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { draftOf, saveRequestOf, type NotifyDraft } from './notify-draft';
import { SectionFailure } from './SectionFailure';
import type { Call } from './settings-actions';

const EVENT_LABELS: Readonly<Record<NoticeEvent, string>> = {
  gate: 'The error-budget gate changes state (healthy, at risk, frozen, no data)',
  alert: 'A burn-rate alert starts (page or ticket severity)',
  buffer: 'The active sprint’s buffer is spent',
  postmortem: 'Ballast opens a postmortem',
};

const STATE_WORDS: Readonly<Record<RecentNotice['state'], string>> = {
  pending: 'waiting to be sent',
  retrying: 'failed, retrying',
  delivered: 'delivered',
  failed: 'failed',
};

type Busy = 'idle' | 'saving' | 'testing';

/** The site the page runs on; the bridge is loaded only when saving, so Node tests render without it. */
async function siteUrl(): Promise<string | undefined> {
  try {
    const { view } = await import('@forge/bridge');
    return ((await view.getContext()) as { siteUrl?: string }).siteUrl;
  } catch {
    return undefined;
  }
}

export function DeliveryLine({ label, result }: { label: string; result: DeliveryResult | null }) {
  if (result === null)
    return (
      <p className="delivery" data-ok="none">
        <strong>{label}:</strong> <span className="subtle">nothing sent yet.</span>
      </p>
    );
  return (
    <p className="delivery" data-ok={String(result.ok)}>
      <strong>{label}:</strong>{' '}
      <span className={result.ok ? 'delivery-ok' : 'delivery-failed'}>
        {result.ok ? 'Delivered' : 'Failed'}
      </span>{' '}
      {formatWhen(result.at)} — {result.message} <span className="subtle">({result.title})</span>
      {result.retryAt !== null && (
        <span className="subtle"> Next attempt {formatWhen(result.retryAt)}.</span>
      )}
    </p>
  );
}

export function NotifyForm({
  view,
  draft,
  onDraft,
  busy,
  error,
  done,
  onSave,
  onTest,
}: {
  view: NotifySettingsView;
  draft: NotifyDraft;
  onDraft: (draft: NotifyDraft) => void;
  busy: Busy;
  error: ResolverError | null;
  done: string | null;
  onSave: () => void;
  onTest: () => void;
}) {
  // While the licence is inactive an admin reads the settings as a member does (the banner says why).
  const { readOnly: licenceReadOnly } = useLicence();
  const canEdit = view.canEdit && !licenceReadOnly;
  const set = (patch: Partial<NotifyDraft>) => onDraft({ ...draft, ...patch });
  const invalid = (field: string) => (error?.field?.startsWith(field) ? true : undefined);
  const names = draft.accountIds
    .split(/\n|,/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map(
      (id) =>
        view.people[id] ??
        (view.canEdit ? `unknown to Jira (${id})` : 'a person Jira does not name'),
    );
  return (
    <div className="section-content notify">
      <p className="section-intro subtle">
        Ballast tells people once per change, never at every refresh, with the figures and a link to
        the page. Jira emails them about the project’s notices issue; people subscribe by watching
        that issue. A Slack or Teams webhook is optional.
      </p>
      <fieldset className="form-fieldset" disabled={!canEdit || busy !== 'idle'}>
        <legend className="group-title">What to tell</legend>
        {(Object.keys(EVENT_LABELS) as NoticeEvent[]).map((event) => (
          <label key={event} className="check-inline notify-event">
            <input
              type="checkbox"
              className="checkbox"
              checked={draft.events[event]}
              onChange={(e) => set({ events: { ...draft.events, [event]: e.target.checked } })}
            />
            {EVENT_LABELS[event]}
          </label>
        ))}
      </fieldset>
      <fieldset className="form-fieldset" disabled={!canEdit || busy !== 'idle'}>
        <legend className="group-title">Jira email</legend>
        <label className="check-inline">
          <input
            type="checkbox"
            className="checkbox"
            checked={draft.jiraEnabled}
            onChange={(e) => set({ jiraEnabled: e.target.checked })}
          />
          Email the notices through Jira
        </label>
        <div className="form-row">
          <label className="field-label" htmlFor="notify-issue">
            Notices issue
          </label>
          <input
            id="notify-issue"
            className="input"
            value={draft.issueKey}
            placeholder={`${view.projectKey}-123, or leave empty`}
            aria-invalid={invalid('jira.issueKey')}
            onChange={(e) => set({ issueKey: e.target.value })}
          />
          {draft.issueKey.trim() === '' && (
            <label className="check-inline">
              <input
                type="checkbox"
                className="checkbox"
                checked={draft.createIssue}
                onChange={(e) => set({ createIssue: e.target.checked })}
              />
              Create a “Ballast notices” issue when I save
            </label>
          )}
        </div>
        <label className="check-inline">
          <input
            type="checkbox"
            className="checkbox"
            checked={draft.watchers}
            onChange={(e) => set({ watchers: e.target.checked })}
          />
          Email the issue’s watchers
        </label>
        {view.canEdit ? (
          <div className="form-row">
            <label className="field-label" htmlFor="notify-people">
              Also these people (Atlassian account ids, one a line)
            </label>
            <textarea
              id="notify-people"
              className="input"
              rows={3}
              value={draft.accountIds}
              aria-invalid={invalid('jira.accountIds')}
              onChange={(e) => set({ accountIds: e.target.value })}
            />
            {names.length > 0 && <p className="subtlest">{names.join(', ')}</p>}
          </div>
        ) : (
          // People by name only: ids are for the admin's input, never shown to read.
          <p className="notify-people">
            <span className="field-label">Also these people: </span>
            {names.length === 0 ? 'nobody' : names.join(', ')}
          </p>
        )}
        <div className="form-row">
          <label className="field-label" htmlFor="notify-groups">
            And these Jira groups (names, separated by commas)
          </label>
          <input
            id="notify-groups"
            className="input"
            value={draft.groups}
            placeholder="sre-oncall"
            aria-invalid={invalid('jira.groups')}
            onChange={(e) => set({ groups: e.target.value })}
          />
        </div>
      </fieldset>
      <fieldset className="form-fieldset" disabled={!canEdit || busy !== 'idle'}>
        <legend className="group-title">Chat webhook (optional)</legend>
        <div className="form-row">
          <label className="field-label" htmlFor="notify-webhook-kind">
            Service
          </label>
          <select
            id="notify-webhook-kind"
            className="input"
            value={draft.webhookKind}
            onChange={(e) => set({ webhookKind: e.target.value as NotifyDraft['webhookKind'] })}
          >
            <option value="none">None</option>
            <option value="slack">Slack incoming webhook</option>
            <option value="teams">Microsoft Teams webhook (Workflows)</option>
          </select>
        </div>
        {draft.webhookKind !== 'none' && (
          <div className="form-row form-row-wide">
            <label className="field-label" htmlFor="notify-webhook-url">
              Webhook URL
            </label>
            <input
              id="notify-webhook-url"
              className="input"
              value={draft.webhookUrl}
              placeholder={
                view.webhook?.kind === draft.webhookKind
                  ? `${view.webhook.masked} (saved; paste a new one to replace it)`
                  : draft.webhookKind === 'slack'
                    ? 'https://hooks.slack.com/services/…'
                    : 'https://….logic.azure.com/workflows/…'
              }
              aria-invalid={invalid('webhook.url')}
              aria-describedby="notify-webhook-help"
              onChange={(e) => set({ webhookUrl: e.target.value })}
            />
            <p id="notify-webhook-help" className="subtlest">
              The URL is a credential: Ballast keeps it in Forge secret storage and never shows it
              again. Webhooks need egress the app declares only when your Jira admin turns it on
              (README, “Slack and Teams”); without it every delivery fails and is reported below.
            </p>
          </div>
        )}
      </fieldset>
      {error !== null && (
        <div className="message message-error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      {done !== null && (
        <div className="message message-success" role="status">
          <p>{done}</p>
        </div>
      )}
      {canEdit ? (
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={onSave}
            aria-busy={busy === 'saving'}
            disabled={busy !== 'idle'}
          >
            {busy === 'saving' ? 'Saving…' : 'Save notifications'}
          </button>
          <button
            type="button"
            className="button"
            onClick={onTest}
            aria-busy={busy === 'testing'}
            disabled={busy !== 'idle' || view.version === 0}
          >
            {busy === 'testing' ? 'Sending…' : 'Send a test'}
          </button>
        </div>
      ) : (
        <p className="subtle">Only project administrators can change where notices go.</p>
      )}
      <h3 className="group-title">Last delivery</h3>
      <DeliveryLine label="Jira email" result={view.last.jira} />
      <DeliveryLine label="Webhook" result={view.last.webhook} />
      {view.recent.length > 0 && (
        <>
          <h3 className="group-title">Recent notices</h3>
          <table className="table notify-recent">
            <thead>
              <tr>
                <th scope="col">Notice</th>
                <th scope="col">When</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {view.recent.map((n) => (
                <tr key={n.id} data-state={n.state}>
                  <td>{n.title}</td>
                  <td>{formatWhen(n.at)}</td>
                  <td>
                    {STATE_WORDS[n.state]}
                    {n.state !== 'delivered' &&
                      [n.jira, n.webhook]
                        .filter((r): r is DeliveryResult => r !== null && !r.ok)
                        .map((r) => (
                          <span key={r.message} className="subtlest">
                            {' '}
                            {r.message}
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

export function NotifySection({ call }: { call: Call }) {
  const load = useCallback(() => call('notify/get', {}), [call]);
  const { state, retry } = useResolver(load);
  const [current, setCurrent] = useState<NotifySettingsView | null>(null);
  const [draft, setDraft] = useState<NotifyDraft | null>(null);
  const [busy, setBusy] = useState<Busy>('idle');
  const [error, setError] = useState<ResolverError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    if (state.status === 'ready') {
      setCurrent(state.data);
      setDraft(draftOf(state.data));
    }
  }, [state]);
  if (state.status === 'loading')
    return <Loading what="the notification settings" shape="section" />;
  if (state.status === 'failed')
    return <SectionFailure what="the notification settings" error={state.error} onRetry={retry} />;
  const view = current ?? state.data;
  const shown = draft ?? draftOf(view);
  const run = (kind: Busy, action: () => Promise<NotifySettingsView>, message: string) => {
    setBusy(kind);
    setError(null);
    setDone(null);
    action().then(
      (answer) => {
        setCurrent(answer);
        if (kind === 'saving') setDraft(draftOf(answer));
        setDone(message);
        setBusy('idle');
      },
      (thrown: unknown) => {
        setError(asResolverError(thrown));
        setBusy('idle');
      },
    );
  };
  return (
    <NotifyForm
      view={view}
      draft={shown}
      onDraft={setDraft}
      busy={busy}
      error={error}
      done={done}
      onSave={() =>
        run(
          'saving',
          async () => call('notify/save', saveRequestOf(shown, view, await siteUrl())),
          'Saved. Ballast tells people from the next change on.',
        )
      }
      onTest={() => {
        run(
          'testing',
          () => call('notify/test', {}),
          'Test queued: its result shows under Last delivery in a few seconds.',
        );
        // The consumer delivers it in the background; read the outcome once it has had time.
        setTimeout(() => {
          call('notify/get', {}).then(setCurrent, () => undefined);
        }, 4000);
      }}
    />
  );
}
