/**
 * "Your Ballast data" (issue #24 item 4), for project admins only: what is stored for the project,
 * how long it is kept, an export as one JSON file, and deleting it after typing the project key.
 * Jira admins also see which projects use Ballast. Every figure comes from the backend
 * (projectData/* resolvers); this only shows it.
 */
import { useCallback, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type {
  DeleteProjectDataView,
  ProjectDataView,
  ProjectsUsingBallastView,
} from '../../../src/contract/project-data';
import { downloadText } from '../../shared/download';
import { asResolverError, formatWhen } from '../../shared/format';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { SectionFailure } from './SectionFailure';
import type { Call } from './settings-actions';

type Step<T> =
  | { readonly step: 'idle' }
  | { readonly step: 'busy' }
  | { readonly step: 'done'; readonly result: T }
  | { readonly step: 'failed'; readonly error: ResolverError };

/** "3 documents"; a no-break space keeps the figure with its unit in narrow columns. */
const countOf = (n: number, one: string, many: string) =>
  `${n.toLocaleString()}\u00a0${n === 1 ? one : many}`;

function StoredSummary({ view }: { view: ProjectDataView }) {
  return (
    <>
      {view.previousInstallation && (
        <div className="message message-info" role="note" aria-label="Previous installation">
          <p className="message-title">
            Data from a previous installation found, from{' '}
            {formatWhen(view.previousInstallation.dataFrom)}
          </p>
          <p>
            Ballast was installed again on {formatWhen(view.previousInstallation.installedAt)}, and
            the settings, SLOs and audit log stored before then were restored with it. They are in
            use as they were; export or delete them below.
          </p>
        </div>
      )}
      <p>
        {view.documents + view.records === 0
          ? `Nothing is stored for ${view.projectKey} in Ballast’s storage.`
          : `Stored for ${view.projectKey}: ${countOf(view.documents, 'document', 'documents')} and ${countOf(view.records, 'record', 'records')} in Ballast’s Forge storage${view.firstStoredAt ? `, since ${formatWhen(view.firstStoredAt)}` : ''}.`}
      </p>
      <h3 className="group-title">How long it is kept</h3>
      <table className="table" aria-label="Retention">
        <thead>
          <tr>
            <th scope="col">Data</th>
            <th scope="col">Kept</th>
            <th scope="col">Counted from</th>
          </tr>
        </thead>
        <tbody>
          {view.retention.map((row) => (
            <tr key={row.what}>
              <td>{row.what}</td>
              <td>{countOf(row.days, 'day', 'days')}</td>
              <td>{row.from}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="subtle">
        Settings, SLOs and overrides are kept until deleted here. A daily job removes what is older.
      </p>
    </>
  );
}

function ExportButton({ call, projectKey }: { call: Call; projectKey: string }) {
  const [state, setState] = useState<Step<string>>({ step: 'idle' });
  const run = () => {
    setState({ step: 'busy' });
    call('projectData/export', {}).then(
      (file) => {
        const name = `ballast-${projectKey.toLowerCase()}-${file.exportedAt.slice(0, 10)}.json`;
        downloadText(JSON.stringify(file, null, 2), name, 'application/json');
        setState({
          step: 'done',
          result: `${name}: ${countOf(file.documents.length, 'document', 'documents')}, ${countOf(file.records.length, 'record', 'records')} and ${countOf(file.auditLog.length, 'audit entry', 'audit entries')}; SLI data and the project page’s figures are counted in it, not copied.`,
        });
      },
      (thrown: unknown) => setState({ step: 'failed', error: asResolverError(thrown) }),
    );
  };
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={state.step === 'busy'}
        aria-busy={state.step === 'busy'}
        onClick={run}
      >
        {state.step === 'busy' ? 'Exporting…' : 'Export as JSON'}
      </button>
      {state.step === 'done' && (
        <div className="message message-success" role="status">
          <p>Downloaded {state.result}</p>
        </div>
      )}
      {state.step === 'failed' && (
        <div className="message message-error" role="alert">
          <p>{state.error.message}</p>
        </div>
      )}
    </>
  );
}

function DeleteResult({ result }: { result: DeleteProjectDataView }) {
  return (
    <div className="message message-success" role="status">
      <p>
        {result.complete
          ? `Deleted: ${countOf(result.deletedDocuments, 'document', 'documents')} and ${countOf(result.deletedRecords, 'record', 'records')}, and Ballast’s values on ${countOf(result.deletedIssueProperties, 'issue', 'issues')}.`
          : `Deleted ${countOf(result.deletedRecords, 'record', 'records')} so far; there was more than one request can do. Delete again to finish.`}
      </p>
      {result.complete && <p>Reload the page to see the other sections with their defaults.</p>}
    </div>
  );
}

function DeletePanel({
  call,
  projectKey,
  onDeleted,
}: {
  call: Call;
  projectKey: string;
  onDeleted: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<Step<DeleteProjectDataView>>({ step: 'idle' });
  const run = () => {
    setState({ step: 'busy' });
    call('projectData/delete', { confirm: typed }).then(
      (result) => {
        setState({ step: 'done', result });
        if (result.complete) setOpen(false);
        onDeleted();
      },
      (thrown: unknown) => setState({ step: 'failed', error: asResolverError(thrown) }),
    );
  };
  if (!open)
    return (
      <>
        <button type="button" className="button button-danger" onClick={() => setOpen(true)}>
          Delete Ballast data…
        </button>
        {state.step === 'done' && <DeleteResult result={state.result} />}
      </>
    );
  return (
    <div className="message message-warning" role="alertdialog" aria-labelledby="delete-title">
      <p className="message-title" id="delete-title">
        Delete all of Ballast’s data for {projectKey}?
      </p>
      <p>
        The settings, SLOs with their SLI data, audit log, overrides, sprint snapshots, the project
        page’s figures, and the category and Definition of Done ticks Ballast keeps on each issue
        are deleted and cannot be restored. Export first to keep a copy. Deployments and incidents
        pushed for the whole site stay.
      </p>
      <label className="field-label" htmlFor="delete-confirm">
        Type {projectKey} to confirm
      </label>
      <input
        id="delete-confirm"
        className="input input-key"
        value={typed}
        autoComplete="off"
        onChange={(e) => setTyped(e.target.value)}
      />
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={typed.trim().toUpperCase() !== projectKey || state.step === 'busy'}
          aria-busy={state.step === 'busy'}
          onClick={run}
        >
          {state.step === 'busy' ? 'Deleting…' : 'Delete permanently'}
        </button>
        <button type="button" className="button button-subtle" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      {state.step === 'done' && <DeleteResult result={state.result} />}
      {state.step === 'failed' && (
        <div className="message message-error" role="alert">
          <p>{state.error.message}</p>
        </div>
      )}
    </div>
  );
}

function ProjectsUsingBallast({ call }: { call: Call }) {
  const [state, setState] = useState<Step<ProjectsUsingBallastView>>({ step: 'idle' });
  const load = () => {
    setState({ step: 'busy' });
    call('projectData/projects', {}).then(
      (result) => setState({ step: 'done', result }),
      (thrown: unknown) => setState({ step: 'failed', error: asResolverError(thrown) }),
    );
  };
  return (
    <>
      <h3 className="group-title">Projects using Ballast</h3>
      <p className="subtle">
        As a Jira administrator you can see every project Ballast stores data for.
      </p>
      {state.step === 'done' ? (
        <table className="table" aria-label="Projects using Ballast">
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">First stored</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {state.result.projects.map((p) => (
              <tr key={p.projectKey}>
                <td>{p.projectKey}</td>
                <td>{p.firstStoredAt ? formatWhen(p.firstStoredAt) : 'project page only'}</td>
                <td>{p.lastStoredAt ? formatWhen(p.lastStoredAt) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <button type="button" className="button" disabled={state.step === 'busy'} onClick={load}>
          {state.step === 'busy' ? 'Listing…' : 'List the projects'}
        </button>
      )}
      {state.step === 'failed' && (
        <div className="message message-error" role="alert">
          <p>{state.error.message}</p>
        </div>
      )}
    </>
  );
}

export function DataSection({ call }: { call: Call }) {
  const load = useCallback(() => call('projectData/get', {}), [call]);
  const { state, retry, refresh } = useResolver(load);
  // Bumped by a delete, so a list of projects shown before is read again rather than left stale.
  const [generation, setGeneration] = useState(0);
  if (state.status === 'loading') return <Loading what="Ballast’s data" shape="section" />;
  if (state.status === 'failed')
    return <SectionFailure what="Ballast’s data" error={state.error} onRetry={retry} />;
  const view = state.data;
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Ballast keeps this project’s data in Forge storage, on Atlassian’s platform in your site’s
        data residency region; nothing is sent elsewhere.
      </p>
      <StoredSummary view={view} />
      <h3 className="group-title">Export and delete</h3>
      <div className="button-row">
        <ExportButton call={call} projectKey={view.projectKey} />
      </div>
      <DeletePanel
        call={call}
        projectKey={view.projectKey}
        onDeleted={() => {
          setGeneration((n) => n + 1);
          refresh();
        }}
      />
      {view.jiraAdmin && <ProjectsUsingBallast key={generation} call={call} />}
    </div>
  );
}
