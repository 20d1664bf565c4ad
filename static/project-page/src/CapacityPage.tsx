/**
 * Capacity: investment balance per sprint (points by type, and shares of capacity against the
 * policy's targets), buffer use, interrupts, carry-over, buffer advice.
 */
import type { CapacityData } from '../../../src/contract/project-page';
import { BALANCE_LEGEND, segmentsOf } from './balance';
import { BarChart } from './bar-chart';
import { CapacityTargets } from './CapacityTargets';
import { amount, count, formatFigure, percent, UNIT_NAME } from './format';
import { EmptyNote, Section } from './parts';

export function CapacityPage({ data }: { data: CapacityData }) {
  if (data.sprintsReason) return <EmptyNote>{data.sprintsReason}</EmptyNote>;
  const { sprints, buffer, unit } = data;
  const points = (value: number) => amount(value, unit);
  return (
    <>
      <Section title="Investment balance">
        <BarChart
          title={`Planned ${UNIT_NAME[unit]} by category, per sprint`}
          groups={sprints.map((s) => ({
            label: s.name,
            segments: s.balance.reason ? null : segmentsOf(s.balance.planned),
          }))}
          legend={BALANCE_LEGEND}
          format={points}
          caption="Planned = committed when the sprint started and still in it, at its estimates now (the planner’s figure); committed = the estimates when it started; work removed since and re-estimates are in the scope change column. Unclassified work is shown as such, never folded into feature."
        />
        <CapacityTargets data={data} />
        <BarChart
          title={`Completed ${UNIT_NAME[unit]} by category, per sprint`}
          groups={sprints.map((s) => ({
            label: s.name,
            segments: s.balance.reason ? null : segmentsOf(s.balance.completed),
          }))}
          legend={BALANCE_LEGEND}
          format={points}
        />
      </Section>
      <Section title="Capacity, scope change, buffer and carry-over">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Sprint</th>
              <th scope="col">Capacity</th>
              <th scope="col">Committed</th>
              <th scope="col">Scope change</th>
              <th scope="col">Added after start</th>
              <th scope="col">Buffer</th>
              <th scope="col">Buffer used</th>
              <th scope="col">Carry-over</th>
            </tr>
          </thead>
          <tbody>
            {sprints.map((s) => (
              <tr key={s.sprintId}>
                <th scope="row">
                  {s.name}
                  {s.state === 'active' ? (
                    <span className="lozenge lozenge-active">Active</span>
                  ) : null}
                </th>
                <td>{amount(s.capacity, unit)}</td>
                <td>{amount(s.committed, unit)}</td>
                <td>
                  {s.scopeChange.value === null
                    ? s.scopeChange.reason
                    : `+${amount(s.scopeChange.added, unit)} / −${amount(s.scopeChange.removed, unit)} (${percent(s.scopeChange.churnShare)} churn)${(s.scopeChange.reestimated ?? 0) === 0 ? '' : ` · re-estimated ${(s.scopeChange.reestimated ?? 0) > 0 ? '+' : '−'}${amount(Math.abs(s.scopeChange.reestimated ?? 0), unit)}`}`}
                </td>
                <td>
                  {s.interrupts.value === null
                    ? s.interrupts.reason
                    : `${count(s.interrupts.count, 'item')}, ${formatFigure(s.interrupts)}`}
                </td>
                <td>
                  {s.interrupts.bufferPoints === null ? '—' : points(s.interrupts.bufferPoints)}
                </td>
                <td className={s.interrupts.overBuffer ? 'text-danger' : undefined}>
                  {s.interrupts.bufferUsed === null
                    ? 'capacity unknown'
                    : `${percent(s.interrupts.bufferUsed)}${s.interrupts.overBuffer ? ' (over)' : ''}`}
                </td>
                <td>
                  {s.carryOver.value === null
                    ? s.carryOver.reason
                    : `${count(s.carryOver.value, 'item')}, ${points(s.carryOver.points ?? 0)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title="Buffer recommendation">
        <div className="tiles">
          <div className="tile">
            <div className="tile-label">Recommended buffer</div>
            <div className="tile-value">
              {buffer.recommendedPercent === null ? '—' : `${buffer.recommendedPercent}%`}
              {buffer.change && buffer.change !== 'keep' ? (
                <span className="lozenge lozenge-advice">{buffer.change}</span>
              ) : null}
            </div>
            <p className="subtlest">
              Policy today: {buffer.policyPercent === null ? '—' : `${buffer.policyPercent}%`}
            </p>
          </div>
          <p className="tile-text">{buffer.explanation}</p>
        </div>
      </Section>
    </>
  );
}
