/**
 * The issue panel's work-type suggestion and gate line end to end: the app's real handlers on the
 * sandbox Forge host against the seeded SHOP project. The expected numbers are counted here from
 * the emulator's state, not taken from the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import { MEMBER_ACCOUNT_ID, type JiraEmulator } from '../../sandbox/jira';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { issuePanelData } from '../support/resolver-calls';

const MODEL_KEY = 'suggestion-model:SHOP';

const call = (box: AppSandbox, key: string, payload: { issueKey: string }) =>
  issuePanelData(box.host, key, MEMBER_ACCOUNT_ID, payload);

const view = (box: AppSandbox, issueKey: string) => call(box, 'issue/get', { issueKey });

/** Issues a person or a rule tagged, as the seed stored them on the `ballast` property. */
function taggedCount(jira: JiraEmulator): number {
  return jira.state.issues.filter((issue) => {
    const stored = issue.properties.ballast as
      { workType?: string; workTypeSource?: { kind?: string } } | undefined;
    const kind = stored?.workTypeSource?.kind;
    return stored?.workType !== 'unclassified' && (kind === 'manual' || kind === 'rule');
  }).length;
}

/** Whether a person chose the issue's type (rules, the app's own jobs and the seed's rule tags aside). */
function byHand(issue: { properties: Record<string, unknown> }): boolean {
  const stored = issue.properties.ballast as { workTypeSource?: { kind?: string } } | undefined;
  return stored?.workTypeSource?.kind === 'manual';
}

/**
 * Parentless, unlabelled issues of a type that no person tagged: only the issue type decides
 * (Story → feature, Bug → reliability by the default rules; a Task stays unclassified).
 */
function untagged(jira: JiraEmulator, typeName: string): string[] {
  const type = jira.state.issueTypes.find((t) => t.name === typeName)!;
  return jira.state.issues
    .filter((i) => i.issueTypeId === type.id && !byHand(i) && !i.parentId && i.labels.length === 0)
    .map((i) => i.key);
}

function storedModel(box: AppSandbox): { examples: number; trainedAt: string } | undefined {
  return box.host.kvs.store.entries({ kind: 'kv' }).find((e) => e.key === MODEL_KEY)?.item.value as
    { examples: number; trainedAt: string } | undefined;
}

describe('work-type suggestion in the issue panel', () => {
  let box: AppSandbox;
  /** Unclassified Tasks of the seed (five): no rule, parent or person decides their type. */
  let tasks: string[];
  beforeAll(async () => {
    box = await startAppSandbox();
    tasks = untagged(box.jira, 'Task');
  });
  afterAll(() => box.close());

  it('suggests a type for unclassified Tasks, learned from every tagged item of the seed', async () => {
    const tagged = taggedCount(box.jira);
    expect(tagged).toBeGreaterThanOrEqual(30); // the minimum for a suggestion
    expect(storedModel(box)).toBeUndefined();
    const views = [];
    expect(tasks.length).toBeGreaterThanOrEqual(5);
    for (const issueKey of tasks) {
      views.push(await view(box, issueKey));
    }
    for (const v of views) expect(v.workType.type).toBe('unclassified');
    const suggested = views.filter((v) => v.suggestion !== null);
    expect(suggested.length).toBeGreaterThan(0);
    for (const { suggestion } of suggested) {
      expect(suggestion!.basedOn).toBe(tagged);
      expect(suggestion!.confidence).toBeGreaterThan(0);
      expect(suggestion!.confidence).toBeLessThanOrEqual(1);
      expect(['feature', 'debt', 'toil', 'reliability']).toContain(suggestion!.type);
    }
    // Trained once on the first panel load, then stored for the others.
    expect(storedModel(box)?.examples).toBe(tagged);
    // Shown, never applied: the item is still unclassified and has no Ballast property.
    const [first] = suggested;
    const stored = box.jira.state.issues.find((i) => i.key === first!.issueKey)?.properties
      .ballast as { workType?: string } | undefined;
    expect(stored?.workType ?? 'unclassified').toBe('unclassified');
  });

  it('gives no suggestion for an item a rule or a person tagged', async () => {
    const bug = await view(box, untagged(box.jira, 'Bug')[0]!);
    expect(bug.workType).toMatchObject({ type: 'reliability', source: 'rule' });
    expect(bug.suggestion).toBeNull();
    const manual = await call(box, 'issue/setWorkType', {
      issueKey: tasks[4]!,
      workType: 'toil',
    } as { issueKey: string });
    expect(manual.workType.source).toBe('manual');
    expect(manual.suggestion).toBeNull();
  });

  it('offers the suggestion again when a manual choice is cleared back to unclassified', async () => {
    const issueKey = tasks[3]!;
    await call(box, 'issue/setWorkType', { issueKey, workType: 'debt' } as { issueKey: string });
    const cleared = await call(box, 'issue/setWorkType', { issueKey, workType: null } as {
      issueKey: string;
    });
    const fresh = await view(box, issueKey);
    expect(cleared.workType.type).toBe('unclassified');
    expect(cleared.suggestion).toEqual(fresh.suggestion);
  });

  it('learns the items tagged since from the hourly job', async () => {
    const before = storedModel(box)!;
    const expected = taggedCount(box.jira); // now includes the items tagged by hand above
    expect(expected).toBeGreaterThan(before.examples);
    // A scheduled trigger answers { statusCode: 204 } (events-reference/scheduled-trigger).
    expect(await box.host.runScheduled('ballast-suggestion-model')).toEqual({ statusCode: 204 });
    expect(storedModel(box)?.examples).toBe(expected);
    const next = await view(box, tasks[0]!);
    expect(next.suggestion?.basedOn ?? expected).toBe(expected);
  });

  it('shows no gate line while the project has no frozen SLO', async () => {
    const story = await view(box, untagged(box.jira, 'Story')[0]!);
    expect(story.workType.type).toBe('feature');
    expect(story.gate).toBeNull();
  });
});

describe('gate line on a FROZEN project', () => {
  let box: AppSandbox;
  beforeAll(async () => {
    box = await startAppSandbox();
    await seedApp(box.host, { variant: 'frozen' });
  }, APP_SEED_TIMEOUT_MS);
  afterAll(() => box.close());

  it('shows feature work the freeze, the SLO behind it and the way out', async () => {
    const story = await view(box, untagged(box.jira, 'Story')[0]!);
    expect(story.workType.type).toBe('feature');
    expect(story.gate).toMatchObject({ state: 'FROZEN', mayStart: false });
    expect(story.gate!.slos).toContain('checkout-availability');
    expect(story.gate!.message).toBe('Feature work cannot start while the gate is frozen.');
    // The policy's rule with the figures, the same statement the planner and the project page show.
    expect(story.gate!.statement.sentences[0]).toMatch(
      /^The error budget of checkout-availability reached 0% \(policy: freeze at or below 0%\)\. Planning unfreezes when the budget is back at or above 5% for 24 hours — now -?\d+(\.\d)?%\.$/,
    );
    expect(story.gate!.override).toBeNull();
    expect(story.gate!.wayOut).toMatch(
      /ask a project admin to record a time-boxed override with a reason\.$/,
    );
  });

  it('answers a change to feature with the gate line, so the panel shows it at once', async () => {
    const issueKey = untagged(box.jira, 'Task')[0]!;
    expect((await view(box, issueKey)).gate).toBeNull();
    const changed = await call(box, 'issue/setWorkType', { issueKey, workType: 'feature' } as {
      issueKey: string;
    });
    expect(changed.workType).toMatchObject({ type: 'feature', source: 'manual' });
    expect(changed.gate).toMatchObject({ state: 'FROZEN' });
    expect(changed.suggestion).toBeNull();
  });

  it('shows no gate line for reliability work', async () => {
    const bug = await view(box, untagged(box.jira, 'Bug')[0]!);
    expect(bug.workType.type).toBe('reliability');
    expect(bug.gate).toBeNull();
  });

  it('says an exempt feature item may still start', async () => {
    const highest = box.jira.state.priorities.find((p) => p.name === 'Highest')!;
    const storyType = box.jira.state.issueTypes.find((t) => t.name === 'Story')!;
    // A Story of Highest priority that nobody tagged: feature by the Story rule, exempt by priority.
    const exempt = box.jira.state.issues.find(
      (i) => i.issueTypeId === storyType.id && i.priorityId === highest.id && !byHand(i),
    );
    if (!exempt) throw new Error('the seed has no untagged Highest-priority Story');
    const v = await view(box, exempt.key);
    expect(v.workType.type).toBe('feature');
    expect(v.gate).toMatchObject({ state: 'FROZEN', mayStart: true, wayOut: null });
  });
});
