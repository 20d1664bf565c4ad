import { useId } from 'react';
import type { ClosedBeforeBallastView } from '../../../src/contract/issue-panel';
import { formatWhen } from '../../shared/format';

interface Props {
  readonly history: ClosedBeforeBallastView;
  /** For tests; the viewer's own time zone otherwise. */
  readonly timeZone?: string;
}

/**
 * In place of the checklist for an item that was Done before Ballast first saw the project: no
 * Definition of Done applies to it, so nothing is shown as open and nothing asks to be ticked.
 */
export function ClosedBeforeBallast({ history, timeZone }: Props) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-title">
          Definition of Done
        </h2>
        <span className="badge">Closed before Ballast</span>
      </div>
      <p className="empty">
        Resolved on {formatWhen(history.resolvedAt, timeZone)}, before Ballast first saw this
        project on {formatWhen(history.firstSeenAt, timeZone)}. No Definition of Done applies to it,
        and it is left out of the Definition of Done figures. Re-opened, it gets its checklist
        again.
      </p>
    </section>
  );
}
