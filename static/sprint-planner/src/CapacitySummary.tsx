import { useId, type ReactNode } from 'react';
import type { LastClosedSprintView, SprintPlanEvaluation } from '../../../src/contract/planner';
import { formatAmount } from './amounts';

/** Bar geometry only: an amount as a width on a track as long as the larger of capacity and use. */
const width = (amount: number, scale: number): string =>
  `${scale <= 0 ? 0 : Math.min(100, (amount / scale) * 100)}%`;

/** Capacity used against what is available after the buffer, and the buffer itself. */
export function CapacitySummary({
  evaluation,
  lastClosed = null,
  children,
}: {
  evaluation: SprintPlanEvaluation;
  lastClosed?: LastClosedSprintView | null;
  /** Figures shown under the capacity line (the sprint's scope change). */
  children?: ReactNode;
}) {
  const headingId = useId();
  const { basis, capacity, plannable, available, used, remaining, buffer } = evaluation;
  const amount = (value: number) => formatAmount(value, basis);
  if (capacity.amount === null)
    return (
      <section className="section" aria-labelledby={headingId}>
        <h2 id={headingId} className="section-title">
          Capacity
        </h2>
        <p className="empty">{capacity.explanation}</p>
        <p className="subtlest">
          A project admin can set a fixed capacity in the Ballast project settings.
        </p>
        {children}
      </section>
    );
  const scale = Math.max(capacity.amount, used);
  const over = remaining < 0;
  const summary = `${amount(used)} planned of ${amount(available)} available`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Capacity
      </h2>
      <p className="capacity-line">
        <strong>{amount(used)}</strong> planned of <strong>{amount(available)}</strong> available
        {' · '}
        <span className={over ? 'status-over' : 'status-within'}>
          {over ? `${amount(-remaining)} over` : `${amount(remaining)} left`}
        </span>
      </p>
      <div
        className="capacity-track"
        role="img"
        aria-label={`${summary}; ${amount(buffer.reserved)} buffer reserved`}
      >
        <div
          className="capacity-buffer"
          style={{ left: width(plannable, scale), width: width(buffer.reserved, scale) }}
        />
        <div
          className={`capacity-fill${over ? ' capacity-over' : ''}`}
          style={{ width: width(used, scale) }}
        />
        <div className="capacity-limit" style={{ left: width(available, scale) }} />
      </div>
      {buffer.overflow > 0 && (
        <p className="subtle" data-buffer-overflow={buffer.overflow}>
          Available: {amount(plannable)} after the buffer, less the {amount(buffer.overflow)} the
          items added after the start use beyond it.
        </p>
      )}
      <p className="subtlest">
        Capacity {amount(capacity.amount)} ({capacity.explanation}) · buffer{' '}
        {amount(buffer.reserved)} kept for unplanned work
        {buffer.unplannedKeys.length > 0 &&
          ` · ${amount(buffer.used)} of it used by ${buffer.unplannedKeys.length} items added after the start${buffer.spent ? ' (spent)' : ''}`}
      </p>
      {children}
      {lastClosed && (
        <p className="subtlest" data-last-closed={lastClosed.name}>
          {lastClosed.predictability === null
            ? `${lastClosed.name}: predictability unknown (${lastClosed.reason ?? 'no data'}).`
            : `${lastClosed.name}: predictability ${Math.round(lastClosed.predictability * 100)}% — ${amount(lastClosed.committedCompleted)} of ${amount(lastClosed.committed)} committed done${lastClosed.meetsBaseline ? '' : ', below the 80% baseline'}; beside it, ${amount(lastClosed.addedCompleted)} added after the start and done.`}
        </p>
      )}
      {buffer.spent && (
        <p className="buffer-spent" role="note" data-overflow={buffer.overflowKeys.join(' ')}>
          <span className="status-over">Buffer spent:</span> the items added after the start use{' '}
          {amount(buffer.used)} of the {amount(buffer.reserved)} kept for unplanned work;{' '}
          {buffer.overflowKeys.join(', ')} {buffer.overflowKeys.length === 1 ? 'does' : 'do'} not
          fit. Move something out, or agree with the team what waits.
        </p>
      )}
    </section>
  );
}
