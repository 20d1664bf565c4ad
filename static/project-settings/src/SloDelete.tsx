import type { ResolverError } from '../../../src/contract/envelope';
import type { SloSummary } from '../../../src/contract/slo';
import { formatWhen } from '../../shared/format';

/**
 * Asks before deleting an SLO and says what happens to its SLI data: it stays stored but unused
 * (pushes naming the SLO are refused, the gate no longer counts it) until an SLO of that name
 * exists again.
 */
export function SloDelete({
  slo,
  busy,
  error,
  onDelete,
  onCancel,
  onReload,
}: {
  slo: SloSummary;
  busy: boolean;
  error: ResolverError | null;
  onDelete: () => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const label = slo.displayName ?? slo.name;
  return (
    <div
      className="message message-warning slo-delete"
      role="alertdialog"
      aria-labelledby="slo-delete-title"
      aria-describedby="slo-delete-data"
    >
      <p id="slo-delete-title" className="message-title">
        Delete the SLO {label}?
      </p>
      <p id="slo-delete-data">
        {slo.dataUntil === null ? (
          <>It has no SLI data yet. The error-budget gate stops counting it at once.</>
        ) : (
          <>
            Its SLI data (up to {formatWhen(slo.dataUntil)}) stays stored but is no longer used:
            pushes for <code>{slo.name}</code> are refused and the error-budget gate stops counting
            it. Adding an SLO named <code>{slo.name}</code> again uses that data again.
          </>
        )}{' '}
        Download the OpenSLO YAML first to keep its definition.
      </p>
      {error && (
        <div className="message message-error" role="alert">
          <p>{error.message}</p>
          {error.code === 'CONFLICT' && (
            <button type="button" className="button" onClick={onReload}>
              Reload the SLOs
            </button>
          )}
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-danger"
          disabled={busy}
          aria-busy={busy}
          onClick={onDelete}
        >
          {busy ? 'Deleting…' : 'Delete SLO'}
        </button>
        <button type="button" className="button button-subtle" onClick={onCancel}>
          Keep it
        </button>
      </div>
    </div>
  );
}
