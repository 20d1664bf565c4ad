/**
 * Per-action cost of the issue-level features on the sandbox (issue #10), with 100 ms of latency
 * added to every Jira call: opening the issue panel, ticking a DoD item, and the two workflow
 * validators (DoD and error-budget gate), each with the Jira calls it made (aims: one read for the
 * panel, one read and one write for a tick, ≤ 2 calls per validation).
 */
import { MEMBER_ACCOUNT_ID, NO_FAULTS } from '../sandbox/jira';
import type { IssueView } from '../src/contract/issue-panel';
import { withAppHost } from './app-host';
import { time, type BenchResult, type BenchSuite } from './harness';

const ANCHOR = new Date('2026-11-20T12:00:00Z');
const LATENCY_MS = 100;

const suite: BenchSuite = {
  title: 'Issue actions and validators (100 ms Jira latency)',
  async run() {
    return withAppHost(
      async ({ jira, host }) => {
        const bug = jira.state.issueTypes.find((t) => t.name === 'Bug')!;
        const open = new Set(
          jira.state.statuses.filter((s) => s.category !== 'done').map((s) => s.id),
        );
        const issue = jira.state.issues.find(
          (i) => i.issueTypeId === bug.id && open.has(i.statusId) && !i.parentId,
        )!;
        const done = jira.state.statuses.find((s) => s.category === 'done')!;
        const inProgress = jira.state.statuses.find((s) => s.category === 'indeterminate')!;
        const panel = async (functionKey: string, payload: Record<string, unknown>) => {
          const answer = (await host.invokeResolver({
            moduleKey: 'ballast-issue-panel',
            functionKey,
            payload: { issueKey: issue.key, ...payload },
            accountId: MEMBER_ACCOUNT_ID,
            extension: { project: { key: 'SHOP' }, issue: { key: issue.key } },
          })) as { ok: boolean; data: IssueView };
          if (!answer.ok) throw new Error(`${functionKey} failed`);
          return answer.data;
        };
        const item = (await panel('issue/get', {})).dod.items.find((i) => i.kind === 'manual')!;
        let done_ = false;
        const tick = () => {
          done_ = !done_;
          return panel('issue/tickDodItem', { itemId: item.id, done: done_ });
        };
        const validate = (moduleKey: string, toStatusId: string) => () =>
          host.runValidator(moduleKey, {
            issueKey: issue.key,
            fromStatusId: issue.statusId,
            toStatusId,
          });
        /** Jira calls one run of `fn` makes. */
        const callsOf = async (fn: () => Promise<unknown>): Promise<number> => {
          jira.stats.reset();
          await fn();
          return jira.stats.snapshot().total;
        };
        jira.faults.update({ ...NO_FAULTS, latencyMs: LATENCY_MS });
        const measure = async (
          name: string,
          aim: string,
          fn: () => Promise<unknown>,
        ): Promise<BenchResult> => {
          const calls = await callsOf(fn);
          return {
            name,
            aim,
            timing: await time(fn, { runs: 7, warmup: 1 }),
            extra: { 'Jira calls': calls },
          };
        };
        return [
          await measure('open the issue panel (issue/get)', 'one Jira read; well under 25 s', () =>
            panel('issue/get', {}),
          ),
          await measure('tick a manual DoD item (issue/tickDodItem)', 'one read, one write', tick),
          await measure(
            'Definition of Done validator, move to Done',
            '≤ 2 Jira calls (issue #7)',
            validate('ballast-dod-validator', done.id),
          ),
          await measure(
            'error-budget gate validator, start work',
            '≤ 2 Jira calls (issue #7)',
            validate('ballast-gate-validator', inProgress.id),
          ),
        ];
      },
      { anchor: ANCHOR },
    );
  },
};

export default suite;
