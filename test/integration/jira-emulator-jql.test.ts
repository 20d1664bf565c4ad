/**
 * Unit tests of the emulator's JQL subset (tokenizer, parser, compiler) over a small hand-made
 * site, so every expectation is exact. (They live here because the Vitest config collects tests
 * from src/ and test/ only.)
 */
import { describe, expect, it } from 'vitest';
import { compileJql } from '../../sandbox/jira/jql/compile';
import type { JqlContext } from '../../sandbox/jira/jql/fields';
import { JqlError, tokenize } from '../../sandbox/jira/jql/lexer';
import { parseJql } from '../../sandbox/jira/jql/parser';
import { DEFAULT_PROPERTY_ALIASES } from '../../sandbox/jira/seed/people';
import { STORY_POINTS_FIELD } from '../../sandbox/jira/state/catalog';
import { SOFTWARE_WORKFLOW_ID } from '../../sandbox/jira/state/default-workflows';
import { createEmptyState, JiraStore } from '../../sandbox/jira/state/store';
import type { IssueRecord, SprintRecord } from '../../sandbox/jira/state/types';

const NOW = new Date('2026-03-10T12:00:00Z');

function sprint(id: number, state: SprintRecord['state']): SprintRecord {
  return {
    id,
    name: `Sprint ${id}`,
    state,
    boardId: 1,
    goal: '',
    startDate: null,
    endDate: null,
    completeDate: null,
    createdDate: NOW.toISOString(),
  };
}

/** An issue with overridable defaults: a Story in To Do, created a day before NOW. */
function issue(n: number, overrides: Partial<IssueRecord> = {}): IssueRecord {
  return {
    id: String(10000 + n),
    key: `SHOP-${n}`,
    projectId: '10000',
    issueTypeId: '10001',
    summary: `Issue ${n}`,
    description: null,
    statusId: '10000',
    priorityId: '3',
    labels: [],
    assigneeAccountId: null,
    reporterAccountId: 'acc-a',
    created: '2026-03-09T12:00:00.000Z',
    updated: '2026-03-09T12:00:00.000Z',
    resolutiondate: null,
    parentId: null,
    sprintIds: [],
    rank: `0|${String(100 - n).padStart(6, '0')}`,
    custom: {},
    properties: {},
    changelog: [],
    comments: [],
    ...overrides,
  };
}

function site(): JiraStore {
  const state = createEmptyState();
  state.projects.push({
    id: '10000',
    key: 'SHOP',
    name: 'Shop Platform',
    leadAccountId: 'acc-a',
    simplified: false,
    workflowId: SOFTWARE_WORKFLOW_ID,
    roles: {},
  });
  state.projects.push({
    id: '10001',
    key: 'OPS',
    name: 'Operations',
    leadAccountId: 'acc-a',
    simplified: false,
    workflowId: SOFTWARE_WORKFLOW_ID,
    roles: {},
  });
  state.sprints.push(sprint(1, 'closed'), sprint(2, 'active'), sprint(3, 'future'));
  state.issues.push(
    issue(1, {
      sprintIds: [1, 2],
      labels: ['toil', 'ops'],
      statusId: '3',
      properties: { ballast: { workType: 'toil', dodComplete: 0 } },
    }),
    issue(2, {
      sprintIds: [2],
      issueTypeId: '10003',
      priorityId: '1',
      custom: { [STORY_POINTS_FIELD]: 5 },
      properties: { ballast: { workType: 'reliability', dodComplete: 1 } },
    }),
    issue(3, {
      sprintIds: [1],
      statusId: '10002',
      created: '2026-01-01T10:00:00.000Z',
      resolutiondate: '2026-01-20T10:00:00.000Z',
    }),
    issue(4, {
      sprintIds: [3],
      parentId: '10005',
      labels: ['tech-debt'],
      custom: { [STORY_POINTS_FIELD]: 2 },
    }),
    issue(5, { issueTypeId: '10000', summary: 'Checkout epic' }),
    issue(6, { projectId: '10001', key: 'OPS-1', assigneeAccountId: 'acc-b' }),
  );
  return new JiraStore(state);
}

const store = site();
const ctx: JqlContext = {
  store,
  now: NOW,
  callerAccountId: 'acc-b',
  aliases: DEFAULT_PROPERTY_ALIASES,
  visibleProjectIds: new Set(['10000', '10001']),
};

const keys = (jql: string): string[] => {
  const compiled = compileJql(jql, ctx);
  return store.state.issues
    .filter(compiled.matches)
    .sort(compiled.compare)
    .map((i) => i.key);
};

const errorOf = (jql: string): string => {
  try {
    compileJql(jql, ctx);
  } catch (error) {
    if (error instanceof JqlError) return error.message;
    throw error;
  }
  return 'no error';
};

describe('tokenize', () => {
  it('splits words, quoted strings, operators and parentheses with 1-based positions', () => {
    expect(
      tokenize('status != "In Progress" AND labels IN (a,b)').map((t) => [t.kind, t.text, t.pos]),
    ).toEqual([
      ['word', 'status', 1],
      ['op', '!=', 8],
      ['string', 'In Progress', 11],
      ['word', 'AND', 25],
      ['word', 'labels', 29],
      ['word', 'IN', 36],
      ['lparen', '(', 39],
      ['word', 'a', 40],
      ['comma', ',', 41],
      ['word', 'b', 42],
      ['rparen', ')', 43],
      ['eof', '', 44],
    ]);
  });

  it('reads a relative date as one word', () => {
    expect(tokenize('created >= -30d')[2]).toEqual({ kind: 'word', text: '-30d', pos: 12 });
  });

  it('refuses an unclosed string, naming where it starts', () => {
    expect(() => tokenize('summary ~ "open')).toThrow(
      'The quoted string starting with " is not closed (line 1, character 11)',
    );
  });
});

describe('parseJql', () => {
  it('binds AND tighter than OR', () => {
    expect(parseJql('a = 1 OR b = 2 AND c = 3').where).toMatchObject({
      kind: 'or',
      right: { kind: 'and' },
    });
  });

  it('reads ORDER BY with directions', () => {
    expect(parseJql('project = SHOP ORDER BY rank ASC, created DESC').orderBy).toEqual([
      { field: 'rank', pos: 25, direction: 'ASC' },
      { field: 'created', pos: 35, direction: 'DESC' },
    ]);
  });

  it.each([
    [
      'project = SHOP AND',
      'Error in the JQL Query: Expecting a field name but got the end of the query. (line 1, character 19)',
    ],
    [
      '(project = SHOP',
      "Error in the JQL Query: Expecting ')' but got the end of the query. (line 1, character 16)",
    ],
    [
      'status WAS Done',
      "The operator 'WAS' is not supported by the sandbox's JQL subset (line 1, character 8)",
    ],
    [
      'project SHOP',
      "Error in the JQL Query: Expecting an operator such as =, !=, <, >, ~, IN, NOT IN, IS or IS NOT but got 'SHOP'. (line 1, character 9)",
    ],
    [
      'project = SHOP ORDER created',
      "Error in the JQL Query: Expecting 'BY' but got 'created'. (line 1, character 22)",
    ],
  ])('refuses %j: %s', (jql, message) => {
    expect(() => parseJql(jql)).toThrow(message);
  });
});

describe('compileJql matches', () => {
  it.each([
    ['project = SHOP', ['SHOP-1', 'SHOP-2', 'SHOP-3', 'SHOP-4', 'SHOP-5']],
    ['project in (OPS)', ['OPS-1']],
    ['sprint = 1', ['SHOP-1', 'SHOP-3']],
    ['sprint in (2, 3)', ['SHOP-1', 'SHOP-2', 'SHOP-4']],
    ['sprint in openSprints()', ['SHOP-1', 'SHOP-2', 'SHOP-4']],
    ['sprint in closedSprints()', ['SHOP-1', 'SHOP-3']],
    ['sprint is EMPTY', ['SHOP-5', 'OPS-1']],
    ['sprint = "Sprint 3"', ['SHOP-4']],
    ['status = "In Progress"', ['SHOP-1']],
    ['statusCategory = Done', ['SHOP-3']],
    ['statusCategory != Done AND project = SHOP', ['SHOP-1', 'SHOP-2', 'SHOP-4', 'SHOP-5']],
    ['issuetype = Bug', ['SHOP-2']],
    ['type in (Epic, Bug)', ['SHOP-2', 'SHOP-5']],
    ['labels = toil', ['SHOP-1']],
    ['labels in (ops, tech-debt)', ['SHOP-1', 'SHOP-4']],
    ['labels is EMPTY AND project = SHOP', ['SHOP-2', 'SHOP-3', 'SHOP-5']],
    ['labels != toil', ['SHOP-4']],
    ['key = SHOP-2', ['SHOP-2']],
    ['key in (SHOP-1, OPS-1)', ['SHOP-1', 'OPS-1']],
    ['parent = SHOP-5', ['SHOP-4']],
    ['priority = Highest', ['SHOP-2']],
    ['ballastCategory = toil', ['SHOP-1']],
    ['ballastCategory is EMPTY AND project = SHOP', ['SHOP-3', 'SHOP-4', 'SHOP-5']],
    ['dodComplete = 0', ['SHOP-1']],
    ['issue.property[ballast].workType = reliability', ['SHOP-2']],
    ['created < 2026-02-01', ['SHOP-3']],
    ['created >= -30d AND project = OPS', ['OPS-1']],
    ['created >= startOfDay(-1) AND project = OPS', ['OPS-1']],
    ['resolved >= "2026/01/20" AND resolved <= "2026-01-20 10:00"', ['SHOP-3']],
    ['resolved is not EMPTY', ['SHOP-3']],
    ['resolution = Unresolved AND project = SHOP', ['SHOP-1', 'SHOP-2', 'SHOP-4', 'SHOP-5']],
    ['resolution != Unresolved', ['SHOP-3']],
    ['resolution = Done', ['SHOP-3']],
    ['issuetype in standardIssueTypes() AND project = OPS', ['OPS-1']],
    ['issuetype in subTaskIssueTypes()', []],
    ['customfield_10016 >= 3', ['SHOP-2']],
    ['"Story point estimate" is EMPTY AND project = SHOP', ['SHOP-1', 'SHOP-3', 'SHOP-5']],
    ['assignee = currentUser()', ['OPS-1']],
    ['summary ~ checkout', ['SHOP-5']],
    ['NOT project = SHOP', ['OPS-1']],
    ['project = SHOP AND NOT (labels = toil OR issuetype = Epic)', ['SHOP-2', 'SHOP-3', 'SHOP-4']],
    ['project = SHOP AND labels not in (toil)', ['SHOP-4']],
  ])('%s', (jql, expected) => {
    expect(keys(jql).sort()).toEqual([...expected].sort());
  });
});

describe('compileJql orders', () => {
  it.each([
    ['project = SHOP ORDER BY rank', ['SHOP-5', 'SHOP-4', 'SHOP-3', 'SHOP-2', 'SHOP-1']],
    ['project = SHOP ORDER BY key DESC', ['SHOP-5', 'SHOP-4', 'SHOP-3', 'SHOP-2', 'SHOP-1']],
    [
      'project = SHOP AND sprint is not EMPTY ORDER BY created ASC, key DESC',
      ['SHOP-3', 'SHOP-4', 'SHOP-2', 'SHOP-1'],
    ],
    [
      'project = SHOP ORDER BY priority DESC, key',
      ['SHOP-2', 'SHOP-1', 'SHOP-3', 'SHOP-4', 'SHOP-5'],
    ],
  ])('%s', (jql, expected) => {
    expect(keys(jql)).toEqual(expected);
  });

  it('has no condition for an ORDER BY alone (the search route refuses it as unbounded)', () => {
    expect(compileJql('ORDER BY rank', ctx).bounded).toBe(false);
  });
});

describe('compileJql refuses what it cannot answer', () => {
  it.each([
    [
      'component = Web',
      "Field 'component' is not supported by the sandbox's JQL subset. (line 1, character 1)",
    ],
    [
      'project = NOPE',
      "The value 'NOPE' does not exist for the field 'project'. (line 1, character 11)",
    ],
    [
      'status = Blocked',
      "The value 'Blocked' does not exist for the field 'status'. (line 1, character 10)",
    ],
    ['sprint = 99', "The value '99' does not exist for the field 'sprint'. (line 1, character 10)"],
    [
      'sprint in nextSprints()',
      "The function 'nextSprints' is not supported for the field 'sprint'. (line 1, character 11)",
    ],
    [
      'key = SHOP-999',
      "An issue with key 'SHOP-999' does not exist for field 'key'. (line 1, character 7)",
    ],
    [
      'status > Done',
      "The operator '>' is not supported by the 'status' field. (line 1, character 8)",
    ],
    ['created > yesterday', "Date value 'yesterday' for field 'created' is invalid."],
    [
      'project = SHOP ORDER BY votes',
      "The sandbox cannot order by 'votes': use rank, created, updated, resolved, key or priority. (line 1, character 25)",
    ],
  ])('%s', (jql, message) => {
    expect(errorOf(jql)).toContain(message);
  });

  it('treats projects the caller cannot browse as not existing, as Jira does', () => {
    const limited = { ...ctx, visibleProjectIds: new Set(['10000']) };
    expect(() => compileJql('project = OPS', limited)).toThrow(
      "The value 'OPS' does not exist for the field 'project'.",
    );
  });
});
