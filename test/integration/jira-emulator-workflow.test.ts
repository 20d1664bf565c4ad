/**
 * The emulator's workflows as Jira runs them: GET …/transitions lists only what leads from the
 * issue's status, POST of anything else is Jira's 400, the validators an admin added to a
 * transition (and only those) are asked, team-managed projects ask none, and the workflow editor's
 * admin routes change and persist which validators a transition carries.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createJiraEmulator,
  DOD_VALIDATOR_KEY,
  GATE_VALIDATOR_KEY,
  JiraStore,
  parseState,
  TEAM_MANAGED_WORKFLOW_ID,
  type JiraEmulator,
  type TransitionRequest,
} from '../../sandbox/jira';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira/seed/people';

const ANCHOR = new Date('2026-03-10T12:00:00Z');
let emu: JiraEmulator;

beforeEach(async () => {
  emu = await createJiraEmulator({ seed: { anchor: ANCHOR }, now: () => ANCHOR });
});
afterEach(async () => {
  await emu.close();
});

interface Listed {
  id: string;
  name: string;
  isGlobal: boolean;
  to: { id: string; name: string; statusCategory: { key: string } };
}

async function call(
  method: string,
  path: string,
  body?: unknown,
  accountId = MEMBER_ACCOUNT_ID,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: { 'x-sandbox-account-id': accountId, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

const statusId = (name: string) => emu.state.statuses.find((s) => s.name === name)!.id;
/** The n-th SHOP issue currently in the named status. */
const issueIn = (name: string, n = 0) =>
  emu.state.issues.filter((i) => i.key.startsWith('SHOP-') && i.statusId === statusId(name))[n]!
    .key;
const statusOf = (key: string) =>
  emu.state.statuses.find((s) => s.id === emu.store.issue(key)!.statusId)!.name;
const listed = async (key: string, query = '') =>
  (
    (await call('GET', `/rest/api/3/issue/${key}/transitions${query}`)).body as {
      transitions: Listed[];
    }
  ).transitions;
const move = (key: string, transitionId: string) =>
  call('POST', `/rest/api/3/issue/${key}/transitions`, { transition: { id: transitionId } });

describe('GET …/transitions: only what leads from the current status', () => {
  it.each([
    ['To Do', [['11', 'Start progress', 'In Progress', 'indeterminate']]],
    [
      'In Progress',
      [
        ['21', 'Request review', 'In Review', 'indeterminate'],
        ['41', 'Stop progress', 'To Do', 'new'],
      ],
    ],
    [
      'In Review',
      [
        ['31', 'Complete work', 'Done', 'done'],
        ['51', 'Request changes', 'In Progress', 'indeterminate'],
      ],
    ],
    ['Done', [['61', 'Reopen', 'To Do', 'new']]],
  ])('from %s', async (from, expected) => {
    const transitions = await listed(issueIn(from));
    expect(transitions.map((t) => [t.id, t.name, t.to.name, t.to.statusCategory.key])).toEqual(
      expected,
    );
    expect(transitions.every((t) => !t.isGlobal)).toBe(true);
  });

  it('narrows to one transition with transitionId, and to none when it is not available', async () => {
    const key = issueIn('In Review');
    expect((await listed(key, '?transitionId=31')).map((t) => t.id)).toEqual(['31']);
    expect(await listed(key, '?transitionId=11')).toEqual([]);
  });
});

describe('POST …/transitions', () => {
  it('refuses a transition that does not lead from the current status with Jira’s 400, changing nothing', async () => {
    const key = issueIn('To Do');
    const requested: TransitionRequest[] = [];
    emu.events.on('transition:requested', (r) => requested.push(r));
    for (const id of ['31', '21', '99']) {
      expect(await move(key, id)).toEqual({
        status: 400,
        body: { errorMessages: [`Transition id '${id}' is not valid for this issue.`], errors: {} },
      });
    }
    expect(statusOf(key)).toBe('To Do');
    expect(requested).toEqual([]);
  });

  it('walks the graph To Do → In Progress → In Review → Done', async () => {
    const key = issueIn('To Do');
    for (const [id, status] of [
      ['11', 'In Progress'],
      ['21', 'In Review'],
      ['31', 'Done'],
    ] as const) {
      expect((await move(key, id)).status).toBe(204);
      expect(statusOf(key)).toBe(status);
    }
    expect(emu.store.issue(key)!.resolutiondate).toBe('2026-03-10T12:00:00.000Z');
  });

  it('tells the validators which app validators the admin added to that transition', async () => {
    const requests: TransitionRequest[] = [];
    emu.events.addValidator((request) => {
      requests.push(request);
      return { result: true };
    });
    const key = issueIn('To Do');
    for (const id of ['11', '21', '51', '21', '31']) await move(key, id);
    expect(requests.map((r) => [r.transition.name, r.validators])).toEqual([
      ['Start progress', [GATE_VALIDATOR_KEY]],
      ['Request review', []],
      ['Request changes', [GATE_VALIDATOR_KEY]],
      ['Request review', []],
      ['Complete work', [DOD_VALIDATOR_KEY]],
    ]);
  });

  it('a refusing validator stops the transition with its message; removed, it no longer does', async () => {
    const key = issueIn('In Review');
    const remove = emu.events.addValidator((request) =>
      request.validators.includes(DOD_VALIDATOR_KEY)
        ? { result: false, errorMessage: 'Definition of Done: 2 required items are open.' }
        : { result: true },
    );
    expect(await move(key, '31')).toEqual({
      status: 400,
      body: { errorMessages: ['Definition of Done: 2 required items are open.'], errors: {} },
    });
    expect(statusOf(key)).toBe('In Review');
    // The admin removes the DoD validator from "Complete work": the same check no longer blocks.
    const removed = await call('PUT', '/__sandbox/workflows/SHOP/transitions/31/validators', {
      validators: [],
    });
    expect(removed).toMatchObject({ status: 200, body: { id: '31', validators: [] } });
    expect((await move(key, '31')).status).toBe(204);
    expect(statusOf(key)).toBe('Done');
    remove();
  });

  it('asks no validator in a team-managed project, whose workflow is all global transitions', async () => {
    const project = emu.store.project('SHOP')!;
    project.simplified = true;
    project.workflowId = TEAM_MANAGED_WORKFLOW_ID;
    let consulted = 0;
    emu.events.addValidator(() => {
      consulted += 1;
      return { result: false, errorMessage: 'never shown' };
    });
    const key = issueIn('To Do');
    const transitions = await listed(key);
    expect(transitions.map((t) => [t.to.name, t.isGlobal])).toEqual([
      ['In Progress', true],
      ['In Review', true],
      ['Done', true],
    ]);
    expect((await move(key, '41')).status).toBe(204);
    expect(consulted).toBe(0);
  });
});

describe('the workflow editor’s admin routes', () => {
  it('shows the project’s workflow with each transition’s statuses and validators', async () => {
    const reply = await call('GET', '/__sandbox/workflows/SHOP');
    expect(reply.status).toBe(200);
    const { workflow } = reply.body as {
      workflow: {
        name: string;
        transitions: {
          id: string;
          from: { name: string }[];
          to: { name: string };
          validators: string[];
        }[];
      };
    };
    expect(workflow.name).toBe('Software workflow');
    expect(
      workflow.transitions.map((t) => [t.id, t.from.map((f) => f.name), t.to.name, t.validators]),
    ).toEqual([
      ['11', ['To Do'], 'In Progress', [GATE_VALIDATOR_KEY]],
      ['21', ['In Progress'], 'In Review', []],
      ['31', ['In Review'], 'Done', [DOD_VALIDATOR_KEY]],
      ['41', ['In Progress'], 'To Do', []],
      ['51', ['In Review'], 'In Progress', [GATE_VALIDATOR_KEY]],
      ['61', ['Done'], 'To Do', []],
    ]);
  });

  it('adds and removes validators, keeps them in the saved state, and refuses bad edits', async () => {
    const put = (id: string, body: unknown) =>
      call('PUT', `/__sandbox/workflows/SHOP/transitions/${id}/validators`, body, ADMIN_ACCOUNT_ID);
    expect((await put('21', { validators: [GATE_VALIDATOR_KEY, DOD_VALIDATOR_KEY] })).status).toBe(
      200,
    );
    const saved = new JiraStore(JSON.parse(JSON.stringify(emu.state)) as typeof emu.state);
    expect(saved.state.workflows[0]!.transitions.find((t) => t.id === '21')!.validators).toEqual([
      GATE_VALIDATOR_KEY,
      DOD_VALIDATOR_KEY,
    ]);
    expect(await put('99', { validators: [] })).toMatchObject({ status: 400 });
    expect(await put('21', { validators: ['a b'] })).toMatchObject({ status: 400 });
    expect(await put('21', { validators: [DOD_VALIDATOR_KEY, DOD_VALIDATOR_KEY] })).toMatchObject({
      status: 400,
    });
    expect(await put('21', { nope: true })).toMatchObject({ status: 400 });
    expect((await call('GET', '/__sandbox/workflows/NOPE')).status).toBe(404);
  });
});

describe('a state saved by version 1 (global transitions, no validator configuration)', () => {
  it('loads as version 2: SHOP on the software workflow with Ballast’s validators, issues unchanged', () => {
    const current: Partial<typeof emu.state> = structuredClone(emu.state);
    delete current.workflows;
    const v1 = {
      ...current,
      version: 1,
      transitions: [{ id: '41', name: 'Done', toStatusId: '10002' }],
      projects: emu.state.projects.map((p) => {
        const old: Partial<typeof p> = { ...p };
        delete old.workflowId;
        return old;
      }),
    };
    const loaded = parseState(JSON.stringify(v1), 'v1.json');
    expect(loaded.version).toBe(2);
    expect('transitions' in loaded).toBe(false);
    expect(loaded.projects.map((p) => p.workflowId)).toEqual(['software-workflow']);
    expect(loaded.workflows).toEqual(emu.state.workflows);
    expect(loaded.issues).toEqual(emu.state.issues);
    expect(() => parseState(JSON.stringify({ version: 3 }), 'v3.json')).toThrow(
      /state version 3 is not 2; delete it to reseed/,
    );
  });
});
