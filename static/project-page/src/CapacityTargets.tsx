/**
 * The investment balance against the capacity policy: one small chart per category, each
 * sprint's committed share of capacity as a bar, the policy's target as a dashed line and the
 * tolerance as a band around it — the same comparison the sprint planner makes while planning.
 * Shares and targets come from the backend (project/capacity: capacityShares, targets).
 */
import type { CapacityData } from '../../../src/contract/project-page';
import { BarChart } from './bar-chart';
import { TYPE_LABEL, TYPE_TONE } from './balance';
import { percent } from './format';
import { EmptyNote } from './parts';

export function CapacityTargets({ data }: { data: CapacityData }) {
  const { targets, capacityShares } = data;
  const unknown = capacityShares.filter((row) => row.reason !== null);
  if (unknown.length === capacityShares.length)
    return (
      <EmptyNote>
        No sprint’s commitment can be measured against the capacity policy yet:{' '}
        {unknown[0]?.reason ?? 'there are no sprints.'} A fixed capacity in Project settings →
        Ballast → Capacity policy gives every sprint one.
      </EmptyNote>
    );
  return (
    <>
      <div className="chart-multiples">
        {targets.byType.map(({ type, share: target, min, max }) => (
          <BarChart
            key={type}
            title={`${TYPE_LABEL[type]}: committed share of capacity`}
            groups={capacityShares.map((row) => {
              const share = row.byType.find((entry) => entry.type === type)?.share;
              return {
                label: row.name,
                segments:
                  row.reason !== null || share === undefined
                    ? null
                    : [{ key: type, label: TYPE_LABEL[type], value: share, tone: TYPE_TONE[type] }],
              };
            })}
            format={(v) => percent(v)}
            reference={{ value: target, label: 'Target' }}
            band={{ from: min, to: max, label: 'Tolerance' }}
            slot={40}
            height={110}
          />
        ))}
      </div>
      <p className="chart-caption chart-multiples-caption subtle">
        Committed work of each category ÷ the sprint’s capacity (the planner’s shares), against
        today’s capacity policy (targets ± {percent(targets.tolerance)}, {percent(targets.buffer)}{' '}
        kept as buffer).
        {unknown.length > 0 ? ` No bar: ${unknown[0]!.reason}` : ''}
      </p>
    </>
  );
}
