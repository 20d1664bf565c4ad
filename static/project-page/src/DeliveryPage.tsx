/** Delivery: the DORA four keys with bands and their trend (DoraKeys), velocity, predictability against the 80% baseline. */
import type { DeliveryData } from '../../../src/contract/project-page';
import { BarChart } from './bar-chart';
import { amount, percent, UNIT_NAME } from './format';
import { DoraKeys } from './DoraKeys';
import { FreezeReleases } from './FreezeReleases';
import { EmptyNote, FigureTile, Section } from './parts';

/** 0–120% shows the 80% baseline clearly; a sprint above 120% widens the axis to a round value. */
/** 0–120% unless a sprint went beyond it; then the axis grows to a nice value above the data. */
const predictabilityMax = (values: readonly number[]): { max?: number } =>
  Math.max(0, ...values) > 1.2 ? {} : { max: 1.2 };

export function DeliveryPage({ data }: { data: DeliveryData }) {
  const { delivery } = data;
  const closed = data.sprints.filter((s) => s.state === 'closed');
  return (
    <>
      <DoraKeys delivery={delivery} />
      {delivery.hasDeploymentData && delivery.freezeReleases && (
        <FreezeReleases releases={delivery.freezeReleases} people={data.people} />
      )}
      {data.sprintsReason ? (
        <EmptyNote>{data.sprintsReason}</EmptyNote>
      ) : (
        <>
          <Section title="Velocity">
            <div className="tiles">
              <FigureTile
                label="Velocity (mean of the last 3 closed sprints)"
                figure={data.velocity}
              />
            </div>
            <BarChart
              title={`Completed ${UNIT_NAME[data.unit]} per closed sprint`}
              groups={closed.map((s) => ({
                label: s.name,
                segments: [
                  {
                    key: 'done',
                    label: 'Completed',
                    value: s.completed,
                    tone: 'chart-fill-feature',
                  },
                ],
              }))}
              format={(v) => amount(v, data.unit)}
              {...(data.velocity.value === null
                ? {}
                : { reference: { value: data.velocity.value, label: 'Velocity' } })}
            />
          </Section>
          <Section title="Predictability">
            <BarChart
              title="Committed work completed ÷ committed at sprint start"
              groups={closed.map((s) => ({
                label: s.name,
                segments:
                  s.predictability.value === null
                    ? null
                    : [
                        {
                          key: 'p',
                          label: 'Predictability',
                          value: s.predictability.value,
                          // Below the baseline in the danger colour, at or above it in green.
                          tone: s.predictability.meetsBaseline
                            ? 'chart-fill-reliability-ok'
                            : 'chart-fill-reliability',
                        },
                      ],
              }))}
              {...predictabilityMax(closed.map((s) => s.predictability.value ?? 0))}
              format={(v) => percent(v)}
              reference={{ value: data.predictabilityBaseline, label: 'Baseline' }}
              caption={`${closed.filter((s) => s.predictability.meetsBaseline).length} of ${closed.length} closed sprints met the ${percent(data.predictabilityBaseline)} baseline. Work added after the start and completed is listed beside it, never counted in it.`}
            />
            <table className="table" aria-label="Predictability per closed sprint">
              <thead>
                <tr>
                  <th scope="col">Sprint</th>
                  <th scope="col">Committed</th>
                  <th scope="col">Committed and completed</th>
                  <th scope="col">Predictability</th>
                  <th scope="col">Added and completed (beside)</th>
                </tr>
              </thead>
              <tbody>
                {closed.map((s) => (
                  <tr key={s.sprintId}>
                    <th scope="row">{s.name}</th>
                    <td>{amount(s.committed, data.unit)}</td>
                    <td>{amount(s.predictability.committedCompleted, data.unit)}</td>
                    <td
                      className={
                        s.predictability.meetsBaseline === false ? 'text-danger' : undefined
                      }
                    >
                      {s.predictability.value === null
                        ? s.predictability.reason
                        : percent(s.predictability.value)}
                    </td>
                    <td>{amount(s.predictability.addedCompleted, data.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Section>
        </>
      )}
    </>
  );
}
