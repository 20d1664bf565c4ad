import { useCallback, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { PushSettingsView, RotatedSecretView } from '../../../src/contract/slo';
import { asResolverError, formatWhen } from '../../shared/format';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { CopyButton } from './CopyButton';
import {
  curlExample,
  deployExample,
  gateCheckExample,
  secretFileExample,
  sliSyncExample,
} from './push-examples';
import { SectionFailure } from './SectionFailure';
import type { Call } from './settings-actions';

const URL_ROWS = [
  { key: 'sli', label: 'SLI data', detail: 'ballast sli sync, or any signed POST of SLI batches' },
  { key: 'deployments', label: 'Deployments', detail: 'ballast deploy record, from CI/CD' },
  { key: 'incidents', label: 'Incidents', detail: 'ballast incident record' },
  { key: 'gateCheck', label: 'Release gate', detail: 'ballast gate check, from CI/CD (read-only)' },
] as const;

function Snippet({ title, text }: { title: string; text: string }) {
  return (
    <figure className="snippet">
      <figcaption className="snippet-head">
        <span className="field-label">{title}</span>
        <CopyButton text={text} label={`Copy ${title.toLowerCase()}`} />
      </figcaption>
      <pre className="code-block" tabIndex={0} aria-label={title}>
        <code>{text}</code>
      </pre>
    </figure>
  );
}

export function PushUrls({ view }: { view: PushSettingsView }) {
  return (
    <dl className="push-urls">
      {URL_ROWS.map((row) => {
        const url = view.urls[row.key];
        return (
          <div key={row.key} className="push-url">
            <dt>
              <span className="field-label">{row.label}</span>
              <span className="subtlest"> · {row.detail}</span>
            </dt>
            <dd>
              {url ? (
                <>
                  <code className="url">{url}</code>
                  <CopyButton text={url} label={`Copy the ${row.label} URL`} />
                </>
              ) : (
                <span className="subtle">
                  Not available until the app is deployed and installed.
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

export function NewSecret({ view, projectKey }: { view: RotatedSecretView; projectKey: string }) {
  const sli = view.urls.sli ?? '<SLI web trigger URL>';
  return (
    <div className="new-secret message message-success" role="status" aria-live="polite">
      <p className="message-title">New secret — copy it now, Ballast will not show it again</p>
      <div className="secret-row">
        <code className="secret" aria-label="New push secret">
          {view.secret}
        </code>
        <CopyButton text={view.secret} label="Copy the secret" />
      </div>
      {view.previousSecretValidUntil && (
        <p>
          The previous secret keeps working until {formatWhen(view.previousSecretValidUntil)}, so
          running jobs have time to switch.
        </p>
      )}
      <Snippet title="Save the secret to a private file" text={secretFileExample(view.secret)} />
      <Snippet
        title="Check it with curl (signed GET: where each SLO’s data ends)"
        text={curlExample(sli)}
      />
      <Snippet title="Push SLIs from Prometheus" text={sliSyncExample(sli)} />
      {view.urls.deployments && (
        <Snippet
          title="Record a deployment from CI/CD"
          text={deployExample(view.urls.deployments)}
        />
      )}
      {view.urls.gateCheck && (
        <Snippet
          title="Ask the release gate before a deploy (exit 8 while frozen)"
          text={gateCheckExample(view.urls.gateCheck, projectKey)}
        />
      )}
    </div>
  );
}

type Rotation =
  | { readonly step: 'idle' }
  | { readonly step: 'confirm' }
  | { readonly step: 'busy' }
  | { readonly step: 'done'; readonly view: RotatedSecretView }
  | { readonly step: 'failed'; readonly error: ResolverError };

export function PushSection({ call, projectKey }: { call: Call; projectKey: string }) {
  const load = useCallback(() => call('push/get', {}), [call]);
  const { state, retry } = useResolver(load);
  const [rotation, setRotation] = useState<Rotation>({ step: 'idle' });
  if (state.status === 'loading') return <Loading what="the push API settings" shape="section" />;
  if (state.status === 'failed')
    return <SectionFailure what="the push API settings" error={state.error} onRetry={retry} />;
  const view = rotation.step === 'done' ? rotation.view : state.data;
  const rotate = () => {
    setRotation({ step: 'busy' });
    call('push/rotateSecret', {}).then(
      (answer) => setRotation({ step: 'done', view: answer }),
      (thrown: unknown) => setRotation({ step: 'failed', error: asResolverError(thrown) }),
    );
  };
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Ballast takes SLI data, deployments and incidents from outside Jira through these signed web
        triggers. Each request carries a timestamp and an HMAC-SHA256 signature made with the
        project’s push secret (see the <code>ballast</code> CLI’s README).
      </p>
      <PushUrls view={view} />
      <h3 className="group-title">Signing secret</h3>
      <p>
        {view.secretRotatedAt
          ? `Current secret made ${formatWhen(view.secretRotatedAt)}.`
          : 'No secret yet: pushes are refused until a project administrator makes one.'}
      </p>
      {!view.canEdit ? (
        <p className="subtle">Only project administrators can make or rotate the secret.</p>
      ) : rotation.step === 'confirm' ? (
        <div className="message message-warning" role="alertdialog" aria-labelledby="rotate-title">
          <p className="message-title" id="rotate-title">
            {view.secretRotatedAt ? 'Rotate the push secret?' : 'Make the push secret?'}
          </p>
          <p>
            {view.secretRotatedAt
              ? 'A new secret is made and shown once. The current one keeps working for a day; update every job that pushes to Ballast before then.'
              : 'The secret is shown once; store it where your jobs read it.'}
          </p>
          <div className="button-row">
            <button type="button" className="button button-primary" onClick={rotate} autoFocus>
              {view.secretRotatedAt ? 'Rotate now' : 'Make the secret'}
            </button>
            <button
              type="button"
              className="button button-subtle"
              onClick={() => setRotation({ step: 'idle' })}
            >
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={rotation.step === 'busy'}
          aria-busy={rotation.step === 'busy'}
          onClick={() => setRotation({ step: 'confirm' })}
        >
          {rotation.step === 'busy'
            ? 'Rotating…'
            : view.secretRotatedAt
              ? 'Rotate secret…'
              : 'Make a secret…'}
        </button>
      )}
      {rotation.step === 'failed' && (
        <div className="message message-error" role="alert">
          <p>{rotation.error.message}</p>
        </div>
      )}
      {rotation.step === 'done' && <NewSecret view={rotation.view} projectKey={projectKey} />}
    </div>
  );
}
