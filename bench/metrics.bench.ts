import { projectMetrics } from '../src/domain/metrics';
import { aProjectHistory } from '../src/domain/metrics/testing/generators';
import { changeFailureRate } from '../src/domain/metrics/change-failure-rate';
import { investmentBalance } from '../src/domain/metrics/investment-balance';
import { leadTimeForChanges } from '../src/domain/metrics/lead-time';
import { groupItemsBySprint } from '../src/domain/metrics/sprint-items';
import { time, type BenchSuite } from './harness';

const suite: BenchSuite = {
  title: 'Delivery and SRE metrics',
  async run() {
    const history = aProjectHistory({ sprints: 50, issues: 20_000 });
    const input = {
      ...history,
      postmortemActions: history.actions,
      actionSlaDays: 56,
      period: { from: history.from, to: history.to },
      now: history.to,
    };
    const data = `${history.deployments.length.toLocaleString('en')} deployments, ${history.incidents.length} incidents, ${history.actions.length.toLocaleString('en')} postmortem actions`;
    return [
      {
        name: 'all project metrics: 50 sprints, 20,000 issues',
        aim: 'well under 1 s (issue #5)',
        timing: await time(() => projectMetrics(input)),
        extra: { data },
      },
      {
        name: 'investment balance for each of 50 sprints (20,000 items)',
        aim: 'a fraction of the total',
        timing: await time(() => {
          const bySprint = groupItemsBySprint(history.items);
          return history.sprints.map((sprint) =>
            investmentBalance(sprint, bySprint.get(sprint.id) ?? []),
          );
        }),
      },
      {
        name: 'lead time for changes: 20,000 changes, 2,000 deployments',
        aim: 'a fraction of the total',
        timing: await time(() => leadTimeForChanges(history.changes, history.deployments)),
      },
      {
        name: 'change failure rate: 2,000 deployments, 400 incidents',
        aim: 'a fraction of the total',
        timing: await time(() => changeFailureRate(history.deployments, history.incidents)),
      },
    ];
  },
};
export default suite;
