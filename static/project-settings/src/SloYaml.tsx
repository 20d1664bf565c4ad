import { useState } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SloImportProblem, SloListView } from '../../../src/contract/slo';
import { asResolverError } from '../../shared/format';
import type { Call } from './settings-actions';
import { importProblems } from './yaml-problems';
import { YamlEditor } from './YamlEditor';
import { downloadText } from '../../shared/download';

type ImportState =
  | { readonly status: 'idle' }
  | { readonly status: 'busy' }
  /** `version`: the list's version after the import; a later change makes the note stale. */
  | { readonly status: 'imported'; readonly count: number; readonly version: number }
  | { readonly status: 'problems'; readonly problems: readonly SloImportProblem[] }
  /** The file leaves out SLOs the project has: importing deletes them, so it asks first. */
  | { readonly status: 'confirm'; readonly deletes: readonly string[] }
  | { readonly status: 'failed'; readonly error: ResolverError };

const download = (yaml: string, fileName: string): void =>
  downloadText(yaml, fileName, 'application/yaml');

/**
 * The second way to edit the SLOs: the whole set as one OpenSLO v1 file, exported and imported
 * (problems shown at their line). The form and this show the same list.
 */
export function SloYaml({
  list,
  call,
  onImported,
  onReload,
}: {
  list: SloListView;
  call: Call;
  onImported: (view: SloListView) => void;
  onReload: () => void;
}) {
  const [yaml, setYaml] = useState('');
  const [importing, setImporting] = useState<ImportState>({ status: 'idle' });
  const [exportError, setExportError] = useState<string | null>(null);
  const runImport = (confirmDeletes?: readonly string[]) => {
    setImporting({ status: 'busy' });
    call('slo/import', {
      yaml,
      version: list.version,
      ...(confirmDeletes === undefined ? {} : { confirmDeletes }),
    }).then(
      (view) => {
        setImporting({ status: 'imported', count: view.slos.length, version: view.version });
        onImported(view);
      },
      (thrown: unknown) => {
        const error = asResolverError(thrown);
        setImporting(
          error.code === 'BAD_REQUEST'
            ? { status: 'problems', problems: importProblems(error) }
            : error.code === 'CONFLICT' && error.confirmDeletes !== undefined
              ? { status: 'confirm', deletes: error.confirmDeletes }
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
    <div className="slo-yaml">
      <h3 className="group-title">OpenSLO YAML</h3>
      <p className="subtle">
        The same SLOs as one OpenSLO v1 file: download it to keep or review it
        {list.canEdit ? ', or paste a file to replace them all at once' : ''}.
      </p>
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
          {list.canEdit ? 'Edit the current SLOs as YAML' : 'Show as YAML'}
        </button>
      </div>
      {exportError && (
        <p className="message message-error" role="alert">
          {exportError}
        </p>
      )}
      {list.canEdit ? (
        <div className="slo-import">
          <h4 className="group-title">Import OpenSLO YAML</h4>
          <p className="subtle">
            Paste one file with the SLO (and its SLI and Service) documents. It replaces the
            project’s SLOs; before deleting any the file leaves out, it names them and asks.
          </p>
          <YamlEditor
            id="slo-yaml"
            label="OpenSLO YAML"
            value={yaml}
            readOnly={false}
            onChange={(text) => {
              setYaml(text);
              if (importing.status === 'imported' || importing.status === 'confirm')
                setImporting({ status: 'idle' });
            }}
            problems={importing.status === 'problems' ? importing.problems : []}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={yaml.trim() === '' || importing.status === 'busy'}
              aria-busy={importing.status === 'busy'}
              onClick={() => runImport()}
            >
              {importing.status === 'busy' ? 'Importing…' : 'Import'}
            </button>
          </div>
          <div aria-live="polite">
            {importing.status === 'imported' && importing.version === list.version && (
              <p className="message message-success message-inline" role="status">
                Imported: the project now has {importing.count}{' '}
                {importing.count === 1 ? 'SLO' : 'SLOs'}.
              </p>
            )}
          </div>
          {importing.status === 'confirm' && (
            <div className="message message-warning" role="alert">
              <p>
                This file leaves out {importing.deletes.length === 1 ? 'an SLO' : 'SLOs'} the
                project has. Importing it deletes:
              </p>
              <ul className="slo-deletes">
                {importing.deletes.map((name) => (
                  <li key={name}>
                    <strong>{name}</strong>
                  </li>
                ))}
              </ul>
              <p className="subtle">
                Their pushed SLI data stays stored but is no longer used. Nothing has changed yet.
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-danger"
                  onClick={() => runImport(importing.deletes)}
                >
                  Delete {importing.deletes.length}{' '}
                  {importing.deletes.length === 1 ? 'SLO' : 'SLOs'} and import
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setImporting({ status: 'idle' })}
                >
                  Cancel
                </button>
              </div>
            </div>
          )}
          {importing.status === 'failed' && (
            <div className="message message-error" role="alert">
              <p>{importing.error.message}</p>
              {importing.error.code === 'CONFLICT' && (
                <button type="button" className="button" onClick={onReload}>
                  Reload the SLOs
                </button>
              )}
            </div>
          )}
        </div>
      ) : (
        /* Where the frame may not download files, the YAML can still be read and copied. */
        yaml !== '' && (
          <YamlEditor
            id="slo-yaml"
            label="OpenSLO YAML (read-only)"
            value={yaml}
            readOnly={true}
            onChange={() => undefined}
            problems={[]}
          />
        )
      )}
    </div>
  );
}
