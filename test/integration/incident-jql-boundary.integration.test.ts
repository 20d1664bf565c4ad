/**
 * The project boundary for the admin-supplied incident JQL (issue #19, item 1). The recompute reads
 * incidents as the app, which may browse every project; a SHOP admin's JQL must never bring another
 * project's issues onto SHOP's page. A second project OPS (5 incidents, browsable by the admin, so
 * her JQL naming it is valid) and a SHOP postmortem (a Task labelled "postmortem", the default
 * convention) with an action in SHOP, one in OPS and its incident, all linked by "Relates", are added.
 * Each attack is either refused at save — BAD_REQUEST naming `incidentJql`, nothing stored — or,
 * when it is valid JQL, saved and then recomputed by the real background consumer, after which
 * SHOP's members see no OPS key or summary anywhere in the incidents section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  addProjectLike,
  type JiraEmulator,
} from '../../sandbox/jira';
import { ForgeDocumentStore } from '../../src/adapters/forge/kvs/document-store';
import { INCIDENT_JQL_MAX_LENGTH } from '../../src/app/project/incident-jql';
import type { Envelope } from '../../src/contract/envelope';
import type {
  CapacityData,
  IncidentsData,
  OverviewData,
  SnapshotAnswer,
} from '../../src/contract/project-page';
import type { SettingsView } from '../../src/contract/settings';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { kvsSnapshot } from '../support/resolver-calls';

const INCIDENT_TYPE = '10005';
const RELATES = '10003';
const OPS_BOARD = 2;
const OPS_SPRINT = 'OPS secret sprint';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let opsKeys: string[];
let opsSummaries: string[];
let shopIncidentCount: number;
let shopActionKey: string;

function settings(key: string, payload: unknown = {}) {
  return sandbox.host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { project: { key: 'SHOP' } },
  }) as Promise<Envelope<SettingsView>>;
}

function page<T>(key: string, accountId = MEMBER_ACCOUNT_ID) {
  return sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-page',
    functionKey: key,
    payload: {},
    accountId,
    extension: { type: 'jira:projectPage', project: { key: 'SHOP', id: '10000' } },
  }) as Promise<Envelope<SnapshotAnswer<T>>>;
}

function ready<T>(envelope: Envelope<SnapshotAnswer<T>>): T {
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  if (envelope.data.status !== 'ready') throw new Error('no snapshot');
  return envelope.data.data;
}

async function saveIncidentJql(
  incidentJql: string,
  more: Record<string, unknown> = {},
): Promise<Envelope<SettingsView>> {
  const view = await settings('settings/get');
  if (!view.ok) throw new Error(view.error.message);
  return settings('settings/save', {
    config: { ...view.data.config, incidentJql, ...more },
    version: view.data.version,
  });
}

async function recompute(): Promise<void> {
  const outcomes = await sandbox.host.deliverEvent('ballast-metrics-refresh', {
    projectKey: 'SHOP',
  });
  expect(outcomes.every((o) => o.ok)).toBe(true);
}

/** The section without its `jql` and `reason`, which echo the admin's own text (shown in settings too). */
function expectNoOpsData(incidents: IncidentsData): void {
  const text = JSON.stringify({ ...incidents, jql: '', reason: '' });
  for (const key of opsKeys) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
  for (const summary of opsSummaries) expect(text).not.toContain(summary);
  expect(text).not.toContain('Ops Platform');
}

beforeAll(async () => {
  sandbox = await startAppSandbox();
  ({ jira } = sandbox);
  opsKeys = addProjectLike(jira.store, 'SHOP', {
    key: 'OPS',
    name: 'Ops Platform',
    roles: { [ADMIN_ACCOUNT_ID]: 'Administrators' },
    issueCount: 5,
  });
  const ops = jira.state.issues.filter((i) => opsKeys.includes(i.key));
  for (const issue of ops) {
    issue.issueTypeId = INCIDENT_TYPE;
    issue.resolutiondate ??= issue.updated;
  }
  opsSummaries = ops.map((i) => i.summary);
  // SEC: a project only Nina (no SHOP access) may browse; the SHOP admin cannot see it.
  addProjectLike(jira.store, 'SHOP', {
    key: 'SEC',
    name: 'Secret Platform',
    roles: { [OUTSIDER_ACCOUNT_ID]: 'Administrators' },
    issueCount: 2,
  });
  const shopIncidents = jira.state.issues.filter(
    (i) => i.projectId === '10000' && i.issueTypeId === INCIDENT_TYPE,
  );
  shopIncidentCount = shopIncidents.length;
  // OPS's own Scrum board, with a closed sprint holding an OPS issue.
  const opsProject = jira.store.project('OPS')!;
  jira.state.boards.push({
    id: OPS_BOARD,
    name: 'OPS board',
    type: 'scrum',
    projectId: opsProject.id,
    estimationFieldId: 'customfield_10016',
  });
  const sprintId = Math.max(...jira.state.sprints.map((sp) => sp.id)) + 1;
  jira.state.sprints.push({
    id: sprintId,
    name: OPS_SPRINT,
    state: 'closed',
    boardId: OPS_BOARD,
    goal: 'Ops Platform secret goal',
    startDate: '2026-11-02T09:00:00.000Z',
    endDate: '2026-11-16T09:00:00.000Z',
    completeDate: '2026-11-16T09:00:00.000Z',
    createdDate: '2026-11-01T09:00:00.000Z',
  });
  ops[1]!.sprintIds = [sprintId];
  // A SHOP postmortem with an action in SHOP and one in OPS (its data must not show), linked to
  // its incident too: the incident is not counted as an action.
  const shopTasks = jira.state.issues.filter(
    (i) =>
      i.projectId === '10000' &&
      i.issueTypeId === '10002' &&
      i.labels.length === 0 &&
      i.resolutiondate === null,
  );
  const postmortem = shopTasks[0]!;
  postmortem.labels = ['postmortem'];
  shopActionKey = shopTasks[1]!.key;
  for (const [inward, outward] of [
    [shopIncidents[0]!.id, postmortem.id],
    [postmortem.id, ops[0]!.id],
    [postmortem.id, shopTasks[1]!.id],
  ] as const) {
    jira.state.links.push({
      id: String(jira.store.nextCounter('link')),
      typeId: RELATES,
      inwardIssueId: inward,
      outwardIssueId: outward,
    });
  }
  jira.searchIndex.catchUp();
}, 60_000);
afterAll(() => sandbox.close());

describe('incident JQL that would widen the search is refused at save', () => {
  it.each([
    ['the reported payload', 'issuetype = Incident) OR (project = OPS'],
    ['nested parentheses', 'issuetype = Incident)) OR ((project = OPS'],
    ['an unclosed parenthesis', '(issuetype = Incident OR project = OPS'],
    ['ORDER BY', 'issuetype = Incident ORDER BY created ASC'],
    ['ORDER BY alone', 'ORDER BY created DESC'],
    ['a quote closing early', 'issuetype = Incident" OR project = OPS OR summary ~ "x'],
    ['an escape outside quotes', 'issuetype = Incident \\) OR (project = OPS'],
    ['a function cut open', 'issuetype in standardIssueTypes() OR project in (OPS'],
    ['an unknown field', 'issuetype = Incident) OR (universe = 42'],
  ])('%s: %s', async (_, jql) => {
    const before = kvsSnapshot(sandbox.host);
    const answer = await saveIncidentJql(jql);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ code: 'BAD_REQUEST', field: 'incidentJql' });
    expect(answer.error.message).toMatch(/field "incidentJql"/);
    expect(kvsSnapshot(sandbox.host)).toBe(before);
  });

  it(`over ${INCIDENT_JQL_MAX_LENGTH} characters, naming the limit`, async () => {
    const long = `issuetype = Incident AND summary !~ "${'x'.repeat(INCIDENT_JQL_MAX_LENGTH)}"`;
    const answer = await saveIncidentJql(long);
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ code: 'BAD_REQUEST', field: 'incidentJql' });
    expect(answer.error.message).toContain('at most 2,000');
  });
});

describe('valid incident JQL naming another project never brings its issues to the page', () => {
  it.each([
    ['project in (…)', 'project in (SHOP, OPS) AND issuetype = Incident'],
    ['project = OPS', 'project = OPS'],
    ['OR at the top', 'issuetype = Incident OR project = OPS'],
    ['issuekey in (…)', () => `issuetype = Incident OR issuekey in (${opsKeys[0]})`],
    ['parent in (…)', () => `issuetype = Incident OR parent in (${opsKeys[1]})`],
    ['functions', 'issuetype in standardIssueTypes() AND project != SHOP'],
    [
      'a quoted string with parentheses',
      'issuetype = Incident OR summary ~ "x) OR (project = OPS"',
    ],
    ['an escaped quote', 'issuetype = Incident OR summary ~ "a \\" ) OR (project = OPS"'],
    ['NOT', 'NOT project = SHOP'],
  ])(
    '%s',
    async (_, jqlOrFn) => {
      const jql = typeof jqlOrFn === 'function' ? jqlOrFn() : jqlOrFn;
      const saved = await saveIncidentJql(jql);
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
      await recompute();
      const incidents = ready(await page<IncidentsData>('project/incidents'));
      expect(incidents.reason).toBeNull();
      expectNoOpsData(incidents);
      expect(incidents.count).toBeLessThanOrEqual(shopIncidentCount);
      for (const row of incidents.recent) expect(row.key).toMatch(/^SHOP-/);
    },
    60_000,
  );

  it('counts only the postmortem actions in SHOP, though the postmortem links an OPS action', async () => {
    expect((await saveIncidentJql('issuetype = Incident')).ok).toBe(true);
    await recompute();
    const incidents = ready(await page<IncidentsData>('project/incidents'));
    expect(incidents.count).toBe(shopIncidentCount);
    expect(incidents.postmortems.count).toBe(1);
    expect(incidents.postmortemActions.total).toBe(1);
    expect(incidents.postmortemActions.openActions.map((a) => a.key)).toEqual([shopActionKey]);
    expectNoOpsData(incidents);
  }, 60_000);
});

describe('an incident JQL stored before save checked it', () => {
  it('is reported as invalid on the page, shows no incidents, and the other sections are computed', async () => {
    const attack = 'issuetype = Incident) OR (project = OPS';
    const view = await settings('settings/get');
    if (!view.ok) throw new Error(view.error.message);
    await sandbox.host.runtime.runInvocation({ moduleKey: 'incident-jql-test' }, () =>
      new ForgeDocumentStore().put(
        'project-config',
        'SHOP',
        { ...view.data.config, incidentJql: attack },
        view.data.version,
        { accountId: ADMIN_ACCOUNT_ID, at: new Date() },
      ),
    );
    await recompute();
    const incidents = ready(await page<IncidentsData>('project/incidents'));
    expect(incidents.reason).toMatch(/The incident JQL .* is invalid/);
    expect(incidents.count).toBe(0);
    expect(incidents.recent).toEqual([]);
    expectNoOpsData(incidents);
    expect(ready(await page<OverviewData>('project/overview'))).toBeDefined();
    expect(ready(await page<CapacityData>('project/capacity'))).toBeDefined();
  }, 60_000);
});

describe("another project's board", () => {
  it('is refused at save, naming the field, nothing stored', async () => {
    const view = await settings('settings/get');
    if (!view.ok) throw new Error(view.error.message);
    const before = kvsSnapshot(sandbox.host);
    const answer = await settings('settings/save', {
      config: {
        ...view.data.config,
        incidentJql: 'issuetype = Incident',
        board: { boardId: OPS_BOARD, estimationFieldId: null },
      },
      version: view.data.version,
    });
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error).toMatchObject({ code: 'BAD_REQUEST', field: 'board' });
    expect(answer.error.message).toContain(`board ${OPS_BOARD} is a board of another project`);
    expect(kvsSnapshot(sandbox.host)).toBe(before);
  });

  it('stored before save checked it: the page says it cannot be used and shows none of its sprints', async () => {
    const view = await settings('settings/get');
    if (!view.ok) throw new Error(view.error.message);
    await sandbox.host.runtime.runInvocation({ moduleKey: 'incident-jql-test' }, () =>
      new ForgeDocumentStore().put(
        'project-config',
        'SHOP',
        {
          ...view.data.config,
          incidentJql: 'issuetype = Incident',
          board: { boardId: OPS_BOARD, estimationFieldId: null },
        },
        view.data.version,
        { accountId: ADMIN_ACCOUNT_ID, at: new Date() },
      ),
    );
    await recompute();
    const sections = [
      ready(await page<OverviewData>('project/overview')),
      ready(await page<CapacityData>('project/capacity')),
      ready(await page<IncidentsData>('project/incidents')),
    ];
    const text = JSON.stringify(sections);
    expect(text).toMatch(/The chosen board cannot be used/);
    expect(text).not.toContain(OPS_SPRINT);
    expect(text).not.toContain('Ops Platform');
  }, 60_000);
});

describe('what the background job computes from the admin’s settings, by who may see what', () => {
  it('JQL naming a project the admin cannot browse is saved (Jira only warns) and the job, as the app, still reads none of it', async () => {
    const saved = await saveIncidentJql('issuetype = Incident OR project = SEC', { board: null });
    expect(saved.ok, JSON.stringify(saved)).toBe(true);
    await recompute();
    const incidents = ready(await page<IncidentsData>('project/incidents'));
    const secKeys = jira.state.issues.filter((i) => i.key.startsWith('SEC-')).map((i) => i.key);
    expect(secKeys.length).toBeGreaterThan(0);
    const text = JSON.stringify({ ...incidents, jql: '', reason: '' });
    for (const key of secKeys) expect(text).not.toMatch(new RegExp(`\\b${key}\\b`));
    expect(text).not.toContain('Secret Platform');
    expect(incidents.count).toBe(shopIncidentCount);
  }, 60_000);

  it("a user who may browse the other project but not SHOP gets none of SHOP's snapshot", async () => {
    expect((await saveIncidentJql('issuetype = Incident', { board: null })).ok).toBe(true);
    await recompute();
    for (const key of ['project/overview', 'project/incidents', 'project/capacity']) {
      const answer = await page<unknown>(key, OUTSIDER_ACCOUNT_ID);
      expect(answer.ok, key).toBe(false);
      if (!answer.ok) expect(['FORBIDDEN', 'NOT_FOUND']).toContain(answer.error.code);
    }
  }, 60_000);
});
