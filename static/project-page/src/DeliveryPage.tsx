/** Delivery: the DORA four keys with bands and their trend (DoraKeys), velocity, predictability against the 80% baseline. */
import type { DeliveryData } from '../../../src/contract/project-page';
import { BarChart } from './bar-chart';
import { formatValue, percent } from './format';
import { DoraKeys } from './DoraKeys';
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
              title="Completed points per closed sprint"
              groups={closed.map((s) => ({
                label: s.name,
                segments: [
                  {
                    key: 'done',
                    label: 'Completed',
                    value: s.completedPoints,
                    tone: 'chart-fill-feature',
                  },
                ],
              }))}
              format={(v) => formatValue(v, 'points')}
              {...(data.velocity.value === null
                ? {}
                : { reference: { value: data.velocity.value, label: 'Velocity' } })}
            />
          </Section>
          <Section title="Predictability">
            <BarChart
              title="Completed ÷ committed at sprint start"
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
              caption={`${closed.filter((s) => s.predictability.meetsBaseline).length} of ${closed.length} closed sprints met the ${percent(data.predictabilityBaseline)} baseline.`}
            />
          </Section>
        </>
      )}
    </>
  );
}
