/** Overview: this sprint's split, the last sprint's predictability, headline delivery and ops figures. */
import type { OverviewData, SprintRow } from '../../../src/contract/project-page';
import { count, formatValue, percent } from './format';
import { TYPE_LABEL } from './balance';
import { EmptyNote, FigureTile, Section } from './parts';
import { GateLozenge } from '../../shared/GateLozenge';

function SplitList({ sprint }: { sprint: SprintRow }) {
  if (sprint.balance.reason) return <p className="subtle">{sprint.balance.reason}</p>;
  return (
    <ul className="split-list" aria-label={`${sprint.name}: committed points by category`}>
      {sprint.balance.planned.map((split) => (
        <li key={split.type}>
          <span className={`lozenge lozenge-${split.type}`}>{TYPE_LABEL[split.type]}</span>
          <span>
            {formatValue(split.points, 'points')} · {percent(split.share)}
          </span>
        </li>
      ))}
    </ul>
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
            <p className="gate-line">
              <GateLozenge state={data.gate.state} />
              <span>
                {data.gate.state === 'HEALTHY'
                  ? 'Every linked SLO has budget left.'
                  : data.gate.slos.every((slo) => slo.state === 'NO_DATA')
                    ? 'No SLI data has been rolled up yet for the linked SLOs: push SLI data to see their budgets.'
                    : data.gate.reasons.join(' · ')}
              </span>
            </p>
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
              <div className="tile-label">{activeSprint.name}: committed split</div>
              <SplitList sprint={activeSprint} />
            </div>
            <FigureTile label="Interrupts (added after start)" figure={activeSprint.interrupts}>
              <p className="subtlest">
                {count(activeSprint.interrupts.count, 'item')}
                {activeSprint.interrupts.bufferUsed !== null
                  ? ` · ${percent(activeSprint.interrupts.bufferUsed)} of the buffer`
                  : ''}
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
