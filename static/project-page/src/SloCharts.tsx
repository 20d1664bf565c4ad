/**
 * The two charts of an SLO: the error budget left over the window (burn-down, a point a day) and
 * the SLI in the backend's buckets with the objective as a reference line. Both plot the
 * backend's values as they are; only the axis range is chosen here.
 */
import type { SloRow } from '../../../src/contract/project-page';
import { percentTicks } from './chart-labels';
import { percent, shortDate, shortDateTime, sliText, windowWords } from './format';
import { gateTone } from '../../shared/gate-tone';
import { LineChart } from './line-chart';

export function BurndownChart({ slo }: { slo: SloRow }) {
  if (slo.burndown.every((p) => p.budgetRemaining === null)) return null;
  // Overspent budgets run far below −100%: the chart stops there, the table keeps the value.
  const floor = Math.min(
    0,
    slo.thresholds.freezeAtOrBelow,
    ...slo.burndown.map((p) => Math.max(-1, p.budgetRemaining ?? 0)),
  );
  return (
    <LineChart
      title={`${slo.name}: error budget left over the window`}
      points={slo.burndown.map((p) => ({
        at: p.at,
        label: shortDate(p.at),
        value: p.budgetRemaining,
      }))}
      domain={[floor, 1]}
      format={(v) => percent(v)}
      timeFormat={shortDate}
      references={[
        // The policy's thresholds (the owning project's errorBudget), in their states' colours.
        {
          value: slo.thresholds.atRiskBelow,
          label: 'At risk below',
          legend: `At risk below ${percent(slo.thresholds.atRiskBelow)}`,
          tone: gateTone('AT_RISK'),
        },
        {
          value: slo.thresholds.freezeAtOrBelow,
          label: 'Frozen at or below',
          legend: `Frozen at or below ${percent(slo.thresholds.freezeAtOrBelow)}`,
          tone: gateTone('FROZEN'),
        },
      ]}
      columns={['Day', 'Budget left']}
    />
  );
}

export function SliChart({ slo }: { slo: SloRow }) {
  const { step, points } = slo.sliHistory;
  if (step === null || points.every((p) => p.sli === null)) return null;
  const daily = step.endsWith('d');
  const values = points.flatMap((p) => (p.sli === null ? [] : [p.sli]));
  // The axis reaches down to the lowest SLI, and at least as far below the objective as the
  // objective is below 100%, so the objective line never sits on the axis edge.
  const target = slo.target;
  const low = Math.min(...values, target === null ? 1 : target - (1 - target));
  const words = windowWords(step);
  return (
    <LineChart
      title={`${slo.name}: SLI per ${words} over the window`}
      points={points.map((p) => ({
        at: p.from,
        label: daily ? shortDate(p.from) : shortDateTime(p.from),
        value: p.sli,
      }))}
      domain={[Math.max(0, low), 1]}
      format={sliText}
      tickFormat={percentTicks}
      timeFormat={shortDate}
      references={target === null ? [] : [{ value: target, label: 'Objective', limit: true }]}
      columns={['Period starting', 'SLI']}
      caption={`Each point is the SLI over the ${words} from its time; gaps are periods without data.`}
    />
  );
}
