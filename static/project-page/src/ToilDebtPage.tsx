/** Toil & debt: shares of completed work against the 50% toil cap and the 10–20% debt guideline. */
import type { ToilDebtData } from '../../../src/contract/project-page';
import { BarChart } from './bar-chart';
import { percent } from './format';
import { EmptyNote, FigureTile, Section } from './parts';

const POSITION: Record<'below' | 'within' | 'above', string> = {
  below: 'below the guideline: debt is accumulating',
  within: 'within the guideline',
  above: 'above the guideline: feature work may starve',
};

export function ToilDebtPage({ data }: { data: ToilDebtData }) {
  if (data.sprintsReason) return <EmptyNote>{data.sprintsReason}</EmptyNote>;
  const { toilShare, debtRatio } = data.toilDebt;
  const closed = data.sprints.filter((s) => s.state === 'closed');
  return (
    <>
      <Section title="Across the recent sprints">
        <div className="tiles">
          <FigureTile label="Toil share of completed points" figure={toilShare}>
            <p className={toilShare.overCap ? 'text-danger' : 'subtlest'}>
              {toilShare.overCap ? 'Over' : 'Under'} the {percent(toilShare.cap)} cap (Google SRE
              book, ch. 5)
            </p>
          </FigureTile>
          <FigureTile label="Debt ratio of completed points" figure={debtRatio}>
            <p className={debtRatio.position === 'within' ? 'subtlest' : 'text-warning'}>
              {debtRatio.position ? POSITION[debtRatio.position] : ''}
            </p>
          </FigureTile>
        </div>
      </Section>
      <Section title="Per sprint">
        <BarChart
          title="Toil share per sprint"
          groups={closed.map((s) => ({
            label: s.name,
            segments:
              s.toilShare.value === null
                ? null
                : [
                    {
                      key: 'toil',
                      label: 'Toil share',
                      value: s.toilShare.value,
                      tone: 'chart-fill-toil',
                    },
                  ],
          }))}
          max={1}
          format={(v) => percent(v)}
          reference={{ value: toilShare.cap, label: 'Toil cap', limit: true }}
        />
        <BarChart
          title="Debt ratio per sprint"
          groups={closed.map((s) => ({
            label: s.name,
            segments:
              s.debtRatio.value === null
                ? null
                : [
                    {
                      key: 'debt',
                      label: 'Debt ratio',
                      value: s.debtRatio.value,
                      tone: 'chart-fill-debt',
                    },
                  ],
          }))}
          max={closed.some((s) => (s.debtRatio.value ?? 0) > 0.4) ? 1 : 0.4}
          format={(v) => percent(v)}
          band={{ from: debtRatio.guideline.min, to: debtRatio.guideline.max, label: 'Guideline' }}
        />
      </Section>
    </>
  );
}
