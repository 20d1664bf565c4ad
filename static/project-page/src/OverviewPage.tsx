/** Overview: this sprint's split, the last sprint's predictability, headline delivery and ops figures. */
import type { BasisUnit, OverviewData, SprintRow } from '../../../src/contract/project-page';
import { amount, capacityPercent, count, percent } from './format';
import { TYPE_LABEL } from './balance';
import { EmptyNote, FigureTile, Section } from './parts';
import { GateLozenge } from '../../shared/GateLozenge';
import { GateStatementText } from '../../shared/GateStatementText';

/**
 * The committed split as the planner and the Capacity page show it: each category's work and its
 * share of the sprint's capacity (the backend's capacityShares); unclassified has no target share.
 */
function SplitList({
  sprint,
  shares,
  unit,
}: {
  sprint: SprintRow;
  shares: OverviewData['activeSprintShares'];
  unit: BasisUnit;
}) {
  if (sprint.balance.reason) return <p className="subtle">{sprint.balance.reason}</p>;
  return (
    <>
      <ul className="split-list" aria-label={`${sprint.name}: committed work by category`}>
        {sprint.balance.planned.map((split) => {
          const share = shares?.byType.find((entry) => entry.type === split.type)?.share;
          return (
            <li key={split.type}>
              <span className={`lozenge lozenge-${split.type}`}>{TYPE_LABEL[split.type]}</span>
              <span>
                {amount(split.points, unit)}
                {share === undefined ? '' : ` · ${capacityPercent(share)} of capacity`}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="subtlest">
        {shares?.reason ??
          `Capacity ${amount(sprint.capacity, unit)}, planned ${amount(sprint.planned, unit)} (committed at the start and still in the sprint, at today’s estimates).`}
      </p>
    </>
  );
}

export function OverviewPage({ data }: { data: OverviewData }) {
  const { activeSprint, lastClosedSprint, delivery, toilDebt, incidents } = data;
  return (
    <>
      <Section title="Error budgets">
        {data.gate.slos.length === 0 ? (
          <p className="subtle">
            No SLOs are linked to this project yet: planning runs without an error-budget gate.
          </p>
        ) : (
          <>
            <div className="gate-line">
              <GateLozenge state={data.gate.state} />
              <GateStatementText statement={data.gate.statement} />
            </div>
            <ul className="budget-list" aria-label="Error budget left per SLO">
              {data.gate.slos.map((slo) => (
                <li key={slo.name}>
                  <span>{slo.name}</span>
                  <GateLozenge state={slo.state} />
                  <span className={(slo.budgetRemaining ?? 1) < 0 ? 'text-danger' : undefined}>
                    {slo.budgetRemaining === null
                      ? 'no data'
                      : `${percent(slo.budgetRemaining)} left`}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
      {data.sprintsReason ? <EmptyNote>{data.sprintsReason}</EmptyNote> : null}
      <Section title="This sprint">
        {activeSprint ? (
          <div className="tiles">
            <div className="tile tile-wide">
              <div className="tile-label">{activeSprint.name}: planned split</div>
              <SplitList sprint={activeSprint} shares={data.activeSprintShares} unit={data.unit} />
            </div>
            <FigureTile label="Interrupts (added after start)" figure={activeSprint.interrupts}>
              <p className="subtlest">
                {count(activeSprint.interrupts.count, 'item')}
                {activeSprint.interrupts.bufferUsed !== null
                  ? ` · ${percent(activeSprint.interrupts.bufferUsed)} of the ${amount(activeSprint.interrupts.bufferPoints, data.unit)} buffer`
                  : ''}
              </p>
            </FigureTile>
            <FigureTile label="Scope change since the start" figure={activeSprint.scopeChange}>
              <p className="subtlest">
                +{amount(activeSprint.scopeChange.added, data.unit)} added, −
                {amount(activeSprint.scopeChange.removed, data.unit)} removed
                {(activeSprint.scopeChange.reestimated ?? 0) !== 0 &&
                  ` · committed work re-estimated ${(activeSprint.scopeChange.reestimated ?? 0) > 0 ? '+' : '−'}${amount(Math.abs(activeSprint.scopeChange.reestimated ?? 0), data.unit)}`}
              </p>
            </FigureTile>
          </div>
        ) : (
          <p className="subtle">No active sprint on the board.</p>
        )}
      </Section>
      <Section title="Delivery">
        <div className="tiles">
          <FigureTile label="Velocity (last 3 sprints)" figure={data.velocity} />
          <FigureTile
            label={lastClosedSprint ? `Predictability, ${lastClosedSprint.name}` : 'Predictability'}
            figure={
              lastClosedSprint?.predictability ?? {
                value: null,
                unit: 'ratio',
                sampleSize: 0,
                reason: 'No closed sprint yet.',
              }
            }
          >
            <p className="subtlest">
              {lastClosedSprint && lastClosedSprint.predictability.committedCompleted !== null
                ? `${amount(lastClosedSprint.predictability.committedCompleted, data.unit)} of ${amount(lastClosedSprint.committed, data.unit)} committed done; beside it, ${amount(lastClosedSprint.predictability.addedCompleted, data.unit)} added and done. `
                : ''}
              Baseline {percent(data.predictabilityBaseline)} of the commitment
            </p>
          </FigureTile>
          <FigureTile label="Lead time" figure={delivery.leadTime} band={delivery.leadTime.band}>
            {delivery.leadTime.note ? <p className="subtlest">{delivery.leadTime.note}</p> : null}
          </FigureTile>
          <FigureTile
            label="Deployment frequency"
            figure={delivery.deploymentFrequency}
            band={delivery.deploymentFrequency.band}
          />
          <FigureTile
            label="Change failure rate"
            figure={delivery.changeFailureRate}
            band={delivery.changeFailureRate.band}
          />
          <FigureTile
            label="Time to restore"
            figure={delivery.timeToRestore}
            band={delivery.timeToRestore.band}
          />
        </div>
      </Section>
      <Section title="Operations">
        <div className="tiles">
          <FigureTile label="Toil share (cap 50%)" figure={toilDebt.toilShare} />
          <FigureTile label="Debt ratio (guideline 10–20%)" figure={toilDebt.debtRatio} />
          <FigureTile label="MTTR" figure={incidents.mttr}>
            <p className="subtlest">
              {count(incidents.count, 'incident')}, {incidents.open} open
            </p>
          </FigureTile>
        </div>
      </Section>
    </>
  );
}
