import { useCallback, useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SloImportProblem, SloListView } from '../../../src/contract/slo';
import { asResolverError, formatWhen } from '../../shared/format';
import { useResolver } from '../../shared/use-resolver';
import { GateLozenge } from './GateLozenge';
import type { Call } from './settings-actions';
import { SectionFailure } from './SectionFailure';
import { importProblems } from './yaml-problems';
import { YamlEditor } from './YamlEditor';

const WINDOW_LABEL: Record<string, string> = {
  '28d': 'rolling 28 days',
  '30d': 'rolling 30 days',
  month: 'calendar month',
  quarter: 'calendar quarter',
};

export function SloTable({ list }: { list: SloListView }) {
  if (list.slos.length === 0)
    return (
      <p className="empty">
        No SLOs yet.{' '}
        {list.canEdit
          ? 'Import an OpenSLO file below to define them.'
          : 'A project administrator imports them as an OpenSLO file.'}
      </p>
    );
  return (
    <table className="table">
      <caption className="visually-hidden">SLOs of the project</caption>
      <thead>
        <tr>
          <th scope="col">SLO</th>
          <th scope="col">Service</th>
          <th scope="col">Target</th>
          <th scope="col">Window</th>
          <th scope="col">State</th>
          <th scope="col">Data until</th>
        </tr>
      </thead>
      <tbody>
        {list.slos.map((slo) => (
          <tr key={slo.name}>
            <th scope="row">
              {slo.displayName ?? slo.name}
              {slo.displayName && <div className="subtlest">{slo.name}</div>}
            </th>
            <td>{slo.service}</td>
            <td>{Math.round(slo.target * 100000) / 1000}%</td>
            <td>{WINDOW_LABEL[slo.window] ?? slo.window}</td>
            <td>
              <GateLozenge state={slo.state} />
            </td>
            <td>
              {slo.dataUntil ? (
                formatWhen(slo.dataUntil)
              ) : (
                <span className="subtle">no data yet</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type ImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  | { readonly status: 'imported'; readonly count: number }
  | { readonly status: 'problems'; readonly problems: readonly SloImportProblem[] }
  | { readonly status: 'failed'; readonly error: ResolverError };

function download(yaml: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([yaml], { type: 'application/yaml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function SlosSection({ call }: { call: Call }) {
  const load = useCallback(() => call('slo/list', {}), [call]);
  const { state, retry, refresh } = useResolver(load);
  const [yaml, setYaml] = useState('');
  const [importing, setImporting] = useState<ImportState>({ status: 'idle' });
  const [exportError, setExportError] = useState<string | null>(null);
  if (state.status === 'loading')
    return (
      <p className="state" role="status" aria-busy="true">
        <span className="spinner" aria-hidden="true" /> Loading the SLOs…
      </p>
    );
  if (state.status === 'failed')
    return <SectionFailure what="the SLOs" error={state.error} onRetry={retry} />;
  const list = state.data;
  const runImport = () => {
    setImporting({ status: 'busy' });
    call('slo/import', { yaml, version: list.version }).then(
      (view) => {
        setImporting({ status: 'imported', count: view.slos.length });
        refresh();
      },
      (thrown: unknown) => {
        const error = asResolverError(thrown);
        setImporting(
          error.code === 'BAD_REQUEST'
            ? { status: 'problems', problems: importProblems(error) }
            : { status: 'failed', error },
        );
      },
    );
  };
  const exportYaml = (then: (yaml: string) => void) => {
    setExportError(null);
    call('slo/export', {}).then(
      (answer) => then(answer.yaml),
      (thrown: unknown) => setExportError(asResolverError(thrown).message),
    );
  };
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Service level objectives linked to this project’s error-budget gate (the worst state of
        these SLOs). They are defined as OpenSLO v1 YAML; SLI data arrives through the Push API.
      </p>
      <SloTable list={list} />
      <div className="button-row">
        <button
          type="button"
          className="button"
          disabled={list.slos.length === 0}
          onClick={() =>
            exportYaml((text) =>
              download(text, `${list.projectKey.toLowerCase()}-slos.openslo.yaml`),
            )
          }
        >
          Download OpenSLO YAML
        </button>
        <button
          type="button"
          className="button button-subtle"
          disabled={list.slos.length === 0}
          onClick={() => exportYaml(setYaml)}
        >
          {list.canEdit ? 'Edit the current SLOs below' : 'Show as YAML'}
        </button>
      </div>
      {exportError && (
        <p className="message message-error" role="alert">
          {exportError}
        </p>
      )}
      {list.canEdit ? (
        <div className="slo-import">
          <h3 className="group-title">Import OpenSLO YAML</h3>
          <p className="subtle">
            Paste one file with the SLO (and its SLI and Service) documents. It replaces the
            project’s SLOs.
          </p>
          <YamlEditor
            id="slo-yaml"
            label="OpenSLO YAML"
            value={yaml}
            readOnly={false}
            onChange={(text) => {
              setYaml(text);
              if (importing.status === 'imported') setImporting({ status: 'idle' });
            }}
            problems={importing.status === 'problems' ? importing.problems : []}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={yaml.trim() === '' || importing.status === 'busy'}
              aria-busy={importing.status === 'busy'}
              onClick={runImport}
            >
              {importing.status === 'busy' ? 'Importing…' : 'Import'}
            </button>
          </div>
          <div aria-live="polite">
            {importing.status === 'imported' && (
              <p className="message message-success message-inline" role="status">
                Imported: the project now has {importing.count}{' '}
                {importing.count === 1 ? 'SLO' : 'SLOs'}.
              </p>
            )}
          </div>
          {importing.status === 'failed' && (
            <div className="message message-error" role="alert">
              <p>{importing.error.message}</p>
              {importing.error.code === 'CONFLICT' && (
                <button type="button" className="button" onClick={retry}>
                  Reload the SLOs
                </button>
              )}
            </div>
          )}
        </div>
      ) : (
        <>
          <p className="subtle">Only project administrators can import SLOs.</p>
          {/* Where the frame may not download files, the YAML can still be read and copied. */}
          {yaml !== '' && (
            <YamlEditor
              id="slo-yaml"
              label="OpenSLO YAML (read-only)"
              value={yaml}
              readOnly={true}
              onChange={() => undefined}
              problems={[]}
            />
          )}
        </>
      )}
    </div>
  );
}
