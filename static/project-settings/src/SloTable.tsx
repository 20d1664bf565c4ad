import type { SloListView, SloSummary } from '../../../src/contract/slo';
import { formatWhen } from '../../shared/format';
import { GateLozenge } from '../../shared/GateLozenge';

const WINDOW_LABEL: Record<string, string> = {
  '28d': 'rolling 28 days',
  '30d': 'rolling 30 days',
  month: 'calendar month',
  quarter: 'calendar quarter',
};

function windowText(window: string): string {
  return (
    WINDOW_LABEL[window] ?? (/^\d+d$/.test(window) ? `rolling ${window.slice(0, -1)} days` : window)
  );
}

/** The project's SLOs with their stored state; Edit and Delete when the viewer may change them. */
export function SloTable({
  list,
  onEdit,
  onDelete,
  busy = false,
}: {
  list: SloListView;
  onEdit?: (slo: SloSummary) => void;
  onDelete?: (slo: SloSummary) => void;
  busy?: boolean;
}) {
  const actions = list.canEdit && onEdit !== undefined && onDelete !== undefined;
  if (list.slos.length === 0)
    return (
      <p className="empty">
        No SLOs yet.{' '}
        {list.canEdit
          ? 'Add one with the form, or import an OpenSLO file below.'
          : 'A project administrator adds them here or imports them as an OpenSLO file.'}
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
          {actions && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {list.slos.map((slo) => (
          <tr key={slo.name}>
            <th scope="row">
              {slo.displayName ?? slo.name}
              {slo.displayName && <div className="subtlest">{slo.name}</div>}
              {slo.objective !== null && <div className="subtlest">Latency: {slo.objective}</div>}
            </th>
            <td>{slo.service}</td>
            <td>{Math.round(slo.target * 100000) / 1000}%</td>
            <td>{windowText(slo.window)}</td>
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
            {actions && (
              <td className="row-actions">
                {slo.definition === null ? (
                  <span className="subtle" title="Change it in its OpenSLO file and import that">
                    edit via OpenSLO
                  </span>
                ) : (
                  <button
                    type="button"
                    className="button button-subtle button-small"
                    disabled={busy}
                    aria-label={`Edit SLO ${slo.name}`}
                    onClick={() => onEdit(slo)}
                  >
                    Edit
                  </button>
                )}
                <button
                  type="button"
                  className="button button-subtle button-small"
                  disabled={busy}
                  aria-label={`Delete SLO ${slo.name}`}
                  onClick={() => onDelete(slo)}
                >
                  Delete
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
