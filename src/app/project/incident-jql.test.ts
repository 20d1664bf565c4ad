import { describe, expect, it } from 'vitest';
import type { JiraPort, JqlClauseTree, ParsedJql } from '../../ports/jira';
import { checkIncidentJql, INCIDENT_JQL_MAX_LENGTH, incidentSearchJql } from './incident-jql';

const value = (name: string, operator: string, v: string): JqlClauseTree => ({
  field: { name },
  operator,
  operand: { value: v },
});
const SHOP = value('project', '=', 'SHOP');
const INCIDENT = value('issuetype', '=', 'Incident');
const OPS = value('project', '=', 'OPS');
const NEWEST_FIRST = { fields: [{ field: { name: 'created' }, direction: 'desc' }] };

/** A Jira whose parser answers the two queries (alone, composed) with these results. */
function jiraParsing(alone: Partial<ParsedJql>, whole: Partial<ParsedJql>) {
  const asked: string[][] = [];
  const jira = {
    parseJql: (queries: readonly string[]) => {
      asked.push([...queries]);
      return Promise.resolve([
        { query: queries[0]!, ...alone },
        { query: queries[1]!, ...whole },
      ]);
    },
  } as unknown as JiraPort;
  return { jira, asked };
}

describe('checking the incident JQL by its structure', () => {
  it('accepts a complete query, and parses exactly the search the recompute runs', async () => {
    const { jira, asked } = jiraParsing(
      { structure: { where: INCIDENT } },
      {
        structure: { where: { operator: 'and', clauses: [SHOP, INCIDENT] }, orderBy: NEWEST_FIRST },
      },
    );
    expect(await checkIncidentJql(jira, 'SHOP', 'issuetype = Incident')).toEqual({ ok: true });
    expect(asked).toEqual([
      ['issuetype = Incident', incidentSearchJql('SHOP', 'issuetype = Incident')],
    ]);
    expect(incidentSearchJql('SHOP', 'x = 1')).toBe(
      'project = SHOP AND (x = 1) ORDER BY created DESC',
    );
  });

  it('refuses what Jira refuses, with Jira’s message', async () => {
    const { jira } = jiraParsing(
      { errors: ["Error in the JQL Query: Expecting ')' but got the end of the query."] },
      { structure: { where: SHOP } },
    );
    const check = await checkIncidentJql(jira, 'SHOP', '(a = b');
    expect(check).toEqual({
      ok: false,
      problem:
        "Jira refused it: Error in the JQL Query: Expecting ')' but got the end of the query.",
    });
  });

  it.each<[string, Partial<ParsedJql>, string]>([
    ['no condition', { structure: {} }, 'it must have a condition'],
    ['ORDER BY', { structure: { where: INCIDENT, orderBy: NEWEST_FIRST } }, 'ORDER BY'],
    ['no syntax tree', {}, 'Jira returned no syntax tree'],
  ])('refuses a query with %s', async (_, alone, problem) => {
    const { jira } = jiraParsing(alone, { structure: { where: SHOP } });
    const check = await checkIncidentJql(jira, 'SHOP', 'q');
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toContain(problem);
  });

  it.each<[string, JqlClauseTree]>([
    [
      'an OR at the top',
      { operator: 'or', clauses: [{ operator: 'and', clauses: [SHOP, INCIDENT] }, OPS] },
    ],
    [
      'NOT around the project',
      { operator: 'and', clauses: [{ operator: 'not', clauses: [SHOP] }, INCIDENT] },
    ],
    ['another project', { operator: 'and', clauses: [OPS, INCIDENT] }],
    ['project != SHOP', { operator: 'and', clauses: [value('project', '!=', 'SHOP'), INCIDENT] }],
  ])('refuses a search whose tree is not bounded to the project: %s', async (_, where) => {
    const { jira } = jiraParsing(
      { structure: { where: INCIDENT } },
      { structure: { where, orderBy: NEWEST_FIRST } },
    );
    expect(await checkIncidentJql(jira, 'SHOP', 'q')).toEqual({
      ok: false,
      problem: 'it would not keep the search inside project SHOP',
    });
  });

  it('accepts the project restriction inside nested ANDs', async () => {
    const where = { operator: 'and', clauses: [INCIDENT, { operator: 'and', clauses: [SHOP] }] };
    const { jira } = jiraParsing(
      { structure: { where: INCIDENT } },
      { structure: { where, orderBy: NEWEST_FIRST } },
    );
    expect(await checkIncidentJql(jira, 'SHOP', 'q')).toEqual({ ok: true });
  });

  it(`refuses more than ${INCIDENT_JQL_MAX_LENGTH} characters without asking Jira`, async () => {
    const { jira, asked } = jiraParsing({}, {});
    const check = await checkIncidentJql(jira, 'SHOP', 'x'.repeat(INCIDENT_JQL_MAX_LENGTH + 1));
    expect(check).toEqual({
      ok: false,
      problem: 'it is 2,001 characters long; at most 2,000 are allowed',
    });
    expect(asked).toEqual([]);
  });
});
