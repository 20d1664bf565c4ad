/**
 * One exemption rule (issue #18): the project's `capacity.exemption`, compared without regard to
 * case, decides in the error-budget gate validator (through its Forge entry point), the issue panel
 * and the sprint planner alike. The admin types the rules as a person would (`highest`,
 * `SECURITY`); Jira's priority is `Highest` and the items are labelled `Security`. With SHOP FROZEN
 * by an outage, such items may start, the panel says they are exempt (not overridden), and the
 * planner counts them as exempt from the freeze's feature cap; rules the project dropped no longer
 * exempt anything, wherever the question is asked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  STORY_POINTS_FIELD,
  type JiraEmulator,
} from '../../sandbox/jira';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { freezeCheckout } from '../support/checkout-outage';
import { issuePanelData } from '../support/resolver-calls';
import { ACTIVE_SPRINT, dataOf, plannerCaller, settingsCaller } from './planner-support';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let closeListener: () => Promise<void>;

async function saveExemption(priorities: string[], labels: string[]): Promise<void> {
  const invoke = settingsCaller(sandbox.host, ADMIN_ACCOUNT_ID);
  const current = await invoke<{ version: number }>('settings/get', {});
  await invoke('settings/save', {
    config: { capacity: { exemption: { priorities, labels } } },
    version: current.version,
  });
}

/** Open, untagged, unlabelled, parentless Stories (feature by the Story rule) in a To Do status. */
function freshStories(): string[] {
  const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
  const fresh = new Set(jira.state.statuses.filter((s) => s.category === 'new').map((s) => s.id));
  return jira.state.issues
    .filter(
      (i) =>
        i.issueTypeId === story.id &&
        fresh.has(i.statusId) &&
        !i.properties.ballast &&
        !i.parentId &&
        i.labels.length === 0 &&
        i.sprintIds.length === 0,
    )
    .map((i) => i.key);
}

const issue = (key: string) => jira.state.issues.find((i) => i.key === key)!;

/** The gate validator's answer, through the module's entry point as Jira calls it. */
async function validatorAllows(key: string): Promise<boolean> {
  const inProgress = jira.state.statuses.find((s) => s.category === 'indeterminate')!;
  const answer = await sandbox.host.runValidator('ballast-gate-validator', {
    issueKey: key,
    fromStatusId: issue(key).statusId,
    toStatusId: inProgress.id,
  });
  return answer.result === true;
}

const panelGate = async (key: string) =>
  (await issuePanelData(sandbox.host, 'issue/get', MEMBER_ACCOUNT_ID, { issueKey: key })).gate;

let byPriority: string;
let byLabel: string;
let plain: string;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  await freezeCheckout(sandbox, listener.url);
  await saveExemption(['highest'], ['SECURITY']);
  [byPriority, byLabel, plain] = freshStories() as [string, string, string];
  const highest = jira.state.priorities.find((p) => p.name === 'Highest')!;
  const medium = jira.state.priorities.find((p) => p.name === 'Medium')!;
  issue(byPriority).priorityId = highest.id;
  issue(byLabel).priorityId = medium.id;
  issue(byLabel).labels.push('Security');
  issue(plain).priorityId = medium.id;
}, 60_000);
afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe("the project's exemption rule while FROZEN", () => {
  it('lets priority Highest and label Security start through the validator; others not', async () => {
    expect(await validatorAllows(byPriority)).toBe(true);
    expect(await validatorAllows(byLabel)).toBe(true);
    expect(await validatorAllows(plain)).toBe(false);
  });

  it('tells the person in the panel the item is exempt, and by what', async () => {
    expect(await panelGate(byPriority)).toMatchObject({
      mayStart: true,
      allowedBy: 'exempt',
      message: `${byPriority} has exempt priority Highest.`,
    });
    expect(await panelGate(byLabel)).toMatchObject({
      mayStart: true,
      allowedBy: 'exempt',
      message: `${byLabel} has exempt label Security.`,
    });
    const held = await panelGate(plain);
    expect(held).toMatchObject({ mayStart: false, allowedBy: null });
    // The way out names the project's own rules.
    expect(held!.wayOut).toContain('mark the item highest or label it SECURITY');
  });

  it('counts a Security-labelled feature of the sprint as exempt in the planner', async () => {
    const call = plannerCaller(sandbox.host);
    const evaluate = async () =>
      dataOf(await call('planner/evaluate', { sprintId: ACTIVE_SPRINT }, MEMBER_ACCOUNT_ID));
    const first = await evaluate();
    // The banner names the project's rules, as the validator applies them.
    expect(first.gate.statement.effect).toContain(
      'No feature work starts, except exempt items (priority highest, label SECURITY)',
    );
    const before = first.evaluation.byType.find((t) => t.type === 'feature')!;
    expect(before.exempt).toBe(0);
    // A feature Story of the sprint with an estimate, labelled as a person types it.
    const story = jira.state.issueTypes.find((t) => t.name === 'Story')!;
    const inSprint = jira.state.issues.find(
      (i) =>
        i.issueTypeId === story.id &&
        i.sprintIds.at(-1) === ACTIVE_SPRINT &&
        i.labels.length === 0 &&
        !i.parentId &&
        typeof i.custom[STORY_POINTS_FIELD] === 'number' &&
        (i.properties.ballast as { workType?: string } | undefined)?.workType !== 'debt',
    )!;
    inSprint.labels.push('Security');
    const points = inSprint.custom[STORY_POINTS_FIELD] as number;
    const after = (await evaluate()).evaluation.byType.find((t) => t.type === 'feature')!;
    expect(after.exempt).toBe(points);
    // FROZEN caps feature at 0 except exempt items: the exempt points leave the counted share.
    expect(after.counted).toBe(before.counted - points);
  });

  it('stops exempting by a rule the project dropped, in the validator and the panel', async () => {
    await saveExemption(['P0'], ['security']);
    expect(await validatorAllows(byPriority)).toBe(false);
    expect(await panelGate(byPriority)).toMatchObject({ mayStart: false, allowedBy: null });
    // The label rule, typed in lower case now, still exempts the Security-labelled item.
    expect(await validatorAllows(byLabel)).toBe(true);
  });
});
