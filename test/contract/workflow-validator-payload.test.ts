/**
 * The argument of a function-based `jira:workflowValidator`, three ways against one fixture
 * written from Atlassian's documentation (test/fixtures/forge/workflow-validator.json, WORKFLOW.md):
 * what the sandbox Forge host passes on a real transition has the fixture's shape exactly, and
 * Ballast's validators accept the fixture and nothing that lacks a documented field.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureHost, type FixtureHost } from '../support/fixture-host';
import { validatorEvent } from '../../sandbox/forge/host/validator';
import {
  ADMIN_ACCOUNT_ID,
  setTransitionValidators,
  workflowOf,
  type JiraEmulator,
} from '../../sandbox/jira';
import { validatorEventSchema } from '../../src/entry/validators/validator-event';

const FIXTURE = JSON.parse(
  readFileSync('test/fixtures/forge/workflow-validator.json', 'utf8'),
) as unknown;

/** The value's structure: the same keys at every level, each leaf replaced by its JSON type. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  return value === null ? 'null' : typeof value;
}

const MANIFEST = `
app:
  id: ari:cloud:ecosystem::app/validator-contract
modules:
  jira:workflowValidator:
    - key: recorder
      name: Recorder
      description: Records the argument it is called with
      function: record
  function:
    - { key: record, handler: index.record }
`;

const received: unknown[] = [];
const handlers = {
  record: (args: unknown) => {
    received.push(args);
    return { result: true };
  },
};

let emu: JiraEmulator;
let fixture: FixtureHost;

beforeAll(async () => {
  fixture = await startFixtureHost({ manifest: MANIFEST, handlers, name: 'validator-contract' });
  ({ emu } = fixture);
});
afterAll(() => fixture.close());

describe('the workflow validator argument', () => {
  it('the fixture has the documented fields and only those', () => {
    expect(shapeOf(FIXTURE)).toEqual({
      issue: { key: 'string' },
      transition: { from: { id: 'string' }, to: { id: 'string' } },
    });
  });

  it('the host passes exactly the fixture’s shape on a real transition, with its values', async () => {
    const inReview = emu.state.statuses.find((s) => s.name === 'In Review')!;
    const done = emu.state.statuses.find((s) => s.name === 'Done')!;
    const issue = emu.state.issues.find((i) => i.statusId === inReview.id)!;
    setTransitionValidators(workflowOf(emu.store, emu.store.project('SHOP')!), '31', ['recorder']);
    const moved = await fetch(`${emu.url}/rest/api/3/issue/${issue.key}/transitions`, {
      method: 'POST',
      headers: { 'x-sandbox-account-id': ADMIN_ACCOUNT_ID, 'content-type': 'application/json' },
      body: JSON.stringify({ transition: { id: '31' } }),
    });
    expect(moved.status).toBe(204);
    expect(received).toHaveLength(1);
    expect(shapeOf(received[0])).toEqual(shapeOf(FIXTURE));
    expect(received[0]).toEqual({
      issue: { key: issue.key },
      transition: { from: { id: inReview.id }, to: { id: done.id } },
    });
    // runValidator (tests, benchmarks) builds the same argument.
    expect(
      shapeOf(validatorEvent({ issueKey: 'SHOP-1', fromStatusId: '1', toStatusId: '2' })),
    ).toEqual(shapeOf(FIXTURE));
  });

  it('Ballast’s validators accept the fixture and refuse to judge an argument missing a documented field', () => {
    expect(validatorEventSchema.safeParse(FIXTURE).success).toBe(true);
    const fixture = FIXTURE as { issue: object; transition: { from: object; to: object } };
    for (const broken of [
      { transition: fixture.transition },
      { issue: fixture.issue },
      { issue: fixture.issue, transition: { to: fixture.transition.to } },
      { issue: fixture.issue, transition: { from: fixture.transition.from } },
      { issue: fixture.issue, transition: { from: { id: 10001 }, to: { id: 10002 } } },
    ])
      expect(validatorEventSchema.safeParse(broken).success, JSON.stringify(broken)).toBe(false);
  });
});
