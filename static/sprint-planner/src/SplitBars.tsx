import { useId } from 'react';
import type { SprintPlanEvaluation } from '../../../src/contract/planner';
import { WorkTypeTag } from '../../shared/WorkTypeTag';
import { formatAmount, formatShare } from './amounts';

type Allocation = SprintPlanEvaluation['byType'][number];

const STATUS_TEXT: Readonly<Record<Allocation['status'], string>> = {
  within: 'Within target',
  over: 'Over target',
  under: 'Under target',
  unknown: 'Not checked',
};

/** Bar geometry only: a share of capacity as a width on a 0–100% track. */
const pct = (share: number): string => `${Math.min(100, Math.max(0, share))}%`;

function SplitBar({ row, basis }: { row: Allocation; basis: SprintPlanEvaluation['basis'] }) {
  const { target } = row;
  const label = `${row.type}: ${formatShare(row.share)} of capacity planned, target ${target.targetShare}% (${target.minShare}–${target.maxShare}%)`;
  return (
    <li className={`split-row split-${row.status}`} data-work-type={row.type}>
      <div className="split-label">
        <WorkTypeTag type={row.type} />
        <span className="split-amount">
          {formatAmount(row.counted, basis)} · {formatShare(row.share)}
        </span>
        <span className={`split-status status-${row.status}`}>{STATUS_TEXT[row.status]}</span>
      </div>
      <div className="split-track" role="img" aria-label={label}>
        <div
          className="split-band"
          style={{ left: pct(target.minShare), width: pct(target.maxShare - target.minShare) }}
        />
        <div className={`split-fill fill-${row.type}`} style={{ width: pct(row.share ?? 0) }} />
        <div className="split-target" style={{ left: pct(target.targetShare) }} />
      </div>
      <p className="split-target-text subtlest">
        Target {target.targetShare}% (band {target.minShare}–{target.maxShare}%:{' '}
        {formatAmount(row.min, basis)}–{formatAmount(row.max, basis)}) · {row.itemCount}{' '}
        {row.itemCount === 1 ? 'item' : 'items'}
        {row.exempt > 0 && ` · ${formatAmount(row.exempt, basis)} exempt`}
      </p>
    </li>
  );
}

/** One bar per category: planned share of capacity against the target and its tolerance band. */
export function SplitBars({ evaluation }: { evaluation: SprintPlanEvaluation }) {
  const headingId = useId();
  const { unclassified, basis } = evaluation;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Split by category
      </h2>
      <ul className="split-list">
        {evaluation.byType.map((row) => (
          <SplitBar key={row.type} row={row} basis={basis} />
        ))}
      </ul>
      {unclassified.itemCount > 0 && (
        <p className="split-unclassified">
          <WorkTypeTag type="unclassified" /> {unclassified.itemCount}{' '}
          {unclassified.itemCount === 1 ? 'item' : 'items'},{' '}
          {formatAmount(unclassified.planned, basis)} ({formatShare(unclassified.share)}): they use
          capacity but count toward no type. Tag them in the issue panel.
        </p>
      )}
      <p className="legend subtlest" aria-hidden="true">
        <span className="legend-band" /> target band <span className="legend-target" /> target
      </p>
    </section>
  );
}
