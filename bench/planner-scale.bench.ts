/**
 * The sprint planner at scale (issue #10): `planner/evaluate` for a sprint of 500 items, without
 * and with the rebalance proposal over a backlog of 5,000 items, through the real resolvers on the
 * sandbox (the emulator's large seed shaped by bench/planner-state.ts), with 100 ms of latency on
 * every Jira call. Held against the resolver's 25 s (Forge invocation limit); the rebalance engine
 * alone is in bench/capacity.bench.ts.
 */
import { loadavg } from 'node:os';
import { MEMBER_ACCOUNT_ID, NO_FAULTS } from '../sandbox/jira';
import type { SprintEvaluation } from '../src/contract/planner';
import { withAppHost } from './app-host';
import { time, type BenchResult, type BenchSuite } from './harness';
import { describePeak, measurePeakMemory } from './memory-sampler';
import { shapePlannerState } from './planner-state';

const ANCHOR = new Date('2026-11-20T12:00:00Z');
const LATENCY_MS = 100;
const FUTURE_SPRINT = 50;
const ACTIVE_SPRINT = 49;
const SPRINT_ITEMS = 500;
const BACKLOG_ITEMS = 5_000;

const NOTES = `
State: the large seed (10,000 issues) with sprint 50 holding exactly 500 items and exactly 5,000 open items in no
sprint (bench/planner-state.ts moves issues between them and copies backlog items as needed). The proposal's time
is mostly the backlog read: 5,000 items at Jira's 100 a page are 50 pages, and nextPageToken makes them sequential,
so 100 ms per call alone is 5 s; the emulator re-runs the JQL over 10,000 issues for every page, which a real Jira
does not. What changed: the planner now reads the sprint, its items, the velocity sprints, the gate and the backlog
at the same time (src/app/planner/sprint-snapshot.ts), so the proposal waits for the backlog alone — 11.9 s
before, measured under a load average of about 10, 7.5 s after at about 3.4; and it reads at most the 5,000
highest-ranked backlog items, so a larger backlog costs no more.
`;

const suite: BenchSuite = {
  title: 'Sprint planner at scale (100 ms Jira latency)',
  notes: NOTES,
  async run() {
    return withAppHost(
      async ({ jira, host }) => {
        shapePlannerState(jira, {
          projectKey: 'SHOP',
          sprintId: FUTURE_SPRINT,
          overflowSprintId: ACTIVE_SPRINT,
          sprintItems: SPRINT_ITEMS,
          backlogItems: BACKLOG_ITEMS,
        });
        const evaluate = async (withProposal: boolean): Promise<SprintEvaluation> => {
          const answer = (await host.invokeResolver({
            moduleKey: 'ballast-planner-sprint',
            functionKey: 'planner/evaluate',
            payload: { sprintId: FUTURE_SPRINT, withProposal },
            accountId: MEMBER_ACCOUNT_ID,
            extension: {
              type: 'jira:sprintAction',
              project: { key: 'SHOP' },
              board: { id: 1 },
              sprint: { id: FUTURE_SPRINT },
            },
          })) as { ok: true; data: SprintEvaluation } | { ok: false; error: { message: string } };
          if (!answer.ok) throw new Error(`planner/evaluate failed: ${answer.error.message}`);
          return answer.data;
        };
        jira.faults.update({ ...NO_FAULTS, latencyMs: LATENCY_MS });
        const measure = async (withProposal: boolean, name: string): Promise<BenchResult> => {
          const load = loadavg()[0]!.toFixed(1);
          jira.stats.reset();
          const { value: view, peak } = await measurePeakMemory(() => evaluate(withProposal));
          const calls = jira.stats.snapshot();
          const timing = await time(() => evaluate(withProposal), { runs: 5, warmup: 0 });
          return {
            name,
            aim: 'inside a resolver’s 25 s (Forge), a few seconds for a person waiting',
            timing,
            extra: {
              'load average (1 min) before': load,
              'Jira calls': calls.total,
              routes: Object.entries(calls.byRoute)
                .map(([r, n]) => `${r} ${n}`)
                .join(', '),
              ...(view.proposal
                ? {
                    proposal: `${view.proposal.moves.length} moves, compliant: ${view.proposal.compliant}`,
                  }
                : {}),
              memory: describePeak(peak),
            },
          };
        };
        return [
          await measure(
            false,
            `planner/evaluate: sprint of ${SPRINT_ITEMS} items (split, gate, velocity), as a member`,
          ),
          await measure(
            true,
            `planner/evaluate with the rebalance proposal: sprint of ${SPRINT_ITEMS} items, backlog of ${BACKLOG_ITEMS.toLocaleString('en')}`,
          ),
        ];
      },
      { anchor: ANCHOR, size: 'large' },
    );
  },
};

export default suite;
