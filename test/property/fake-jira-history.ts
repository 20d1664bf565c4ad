/**
 * A generated Jira project for the figures' property test: sprints (closed, one active, one
 * future) and issues with Sprint-field and status histories, served through the JiraPort calls the
 * planner and the project page make (sprints, fields, searches by sprint, changelogs). Histories
 * follow Jira's rules: an item moves into a sprint that has not closed, or to the backlog; at a
 * sprint's close its open items are carried over to the next sprint, the Sprint field keeping the
 * closed sprint ("8, 9"), as "Complete sprint" does (support.atlassian.com/jira-software-cloud/docs/complete-a-sprint/).
 */
import fc from 'fast-check';
import type { JiraIssue, JiraPort, JiraSprint } from '../../src/ports/jira';
import { idReads } from '../support/fake-id-reads';

export const POINTS_FIELD = 'customfield_10016';
export const SPRINT_FIELD = 'customfield_10020';
const HOUR = 3_600_000;
const SPRINT_HOURS = 14 * 24;
export const T0 = Date.parse('2026-01-05T09:00:00.000Z');

export interface GeneratedIssue {
  readonly issueType: 'Story' | 'Bug' | 'Task';
  readonly labels: readonly string[];
  readonly points: number | null;
  readonly originalHours: number | null;
  readonly createdHour: number;
  /** Moves: at an hour, into a sprint index (0-based) or to the backlog (null). */
  readonly moves: readonly { readonly hour: number; readonly sprint: number | null }[];
  /** Status changes: at an hour, to done or back to to-do. */
  readonly statuses: readonly { readonly hour: number; readonly done: boolean }[];
  /**
   * Estimate edits at an hour, of the story points or the original estimate (hours), recorded in
   * the changelog as Jira writes them (test/fixtures/jira/changelog-bulkfetch.json: story points in
   * the strings, the original estimate's seconds in ids and strings); the value now is the last.
   */
  readonly estimateEdits: readonly {
    readonly hour: number;
    readonly field: 'points' | 'original';
    readonly value: number | null;
  }[];
}

export interface GeneratedProject {
  readonly closedSprints: number;
  readonly issues: readonly GeneratedIssue[];
  /** How far into the active sprint "now" is, in hours. */
  readonly nowIntoActive: number;
}

const hourArb = (maxHour: number) => fc.integer({ min: 0, max: maxHour }).map((h) => h + 0.29);

export const projectArb: fc.Arbitrary<GeneratedProject> = fc
  .integer({ min: 1, max: 5 })
  .chain((closedSprints) => {
    const horizon = (closedSprints + 1) * SPRINT_HOURS; // the active sprint's end
    return fc.record({
      closedSprints: fc.constant(closedSprints),
      nowIntoActive: fc.integer({ min: 1, max: SPRINT_HOURS - 2 }).map((h) => h + 0.5),
      issues: fc.array(
        fc.record({
          issueType: fc.constantFrom('Story', 'Bug', 'Task'),
          labels: fc.subarray(['toil', 'tech-debt', 'sre']),
          points: fc.option(fc.constantFrom(1, 2, 3, 5, 8, 13), { nil: null, freq: 6 }),
          originalHours: fc.option(fc.constantFrom(2, 4, 8, 16), { nil: null, freq: 5 }),
          createdHour: fc.integer({ min: -200, max: horizon }).map((h) => h + 0.11),
          moves: fc.array(
            fc.record({
              hour: hourArb(horizon),
              sprint: fc.option(fc.integer({ min: 0, max: closedSprints + 1 }), { nil: null }),
            }),
            { maxLength: 4 },
          ),
          statuses: fc.array(fc.record({ hour: hourArb(horizon), done: fc.boolean() }), {
            maxLength: 3,
          }),
          estimateEdits: fc.array(
            fc.record({
              hour: hourArb(horizon),
              field: fc.constantFrom<'points' | 'original'>('points', 'original'),
              value: fc.option(fc.constantFrom(1, 2, 3, 5, 8), { nil: null, freq: 6 }),
            }),
            { maxLength: 3 },
          ),
        }),
        { minLength: 1, maxLength: 30 },
      ),
    });
  });

interface HistoryEntry {
  created: string;
  // As Jira's ChangeDetails: field, fieldId, from, to and, for number fields, fromString/toString.
  items: ({ fieldId: string } & Record<string, string | null>)[];
}

const iso = (hour: number) => new Date(T0 + hour * HOUR).toISOString();

/** The generated project as Jira state: sprints, issues now, their changelogs, and "now". */
export function buildJira(project: GeneratedProject) {
  const total = project.closedSprints + 2; // closed…, active, future
  const startHour = (index: number) => index * SPRINT_HOURS;
  const closeHour = (index: number) => startHour(index) + SPRINT_HOURS - 1;
  const activeIndex = project.closedSprints;
  const nowHour = startHour(activeIndex) + project.nowIntoActive;
  const sprints: JiraSprint[] = Array.from({ length: total }, (_, index) => ({
    id: index + 1,
    name: `Sprint ${index + 1}`,
    state: index < activeIndex ? 'closed' : index === activeIndex ? 'active' : 'future',
    ...(index <= activeIndex ? { startDate: iso(startHour(index)) } : {}),
    ...(index < activeIndex
      ? { completeDate: iso(closeHour(index)), endDate: iso(closeHour(index)) }
      : {}),
    originBoardId: 1,
  }));
  const closed = (index: number, hour: number) => index < activeIndex && hour >= closeHour(index);

  const issues: JiraIssue[] = [];
  const logs = new Map<string, HistoryEntry[]>();
  project.issues.forEach((spec, n) => {
    const id = String(10_000 + n);
    const created = Math.min(spec.createdHour, nowHour - 1);
    const events = [
      ...spec.moves
        .filter((m) => m.hour > created && m.hour < nowHour)
        .map((m) => ({ hour: m.hour, kind: 'move' as const, sprint: m.sprint })),
      ...spec.statuses
        .filter((s) => s.hour > created && s.hour < nowHour)
        .map((s) => ({ hour: s.hour, kind: 'status' as const, done: s.done })),
      ...Array.from({ length: activeIndex }, (_, index) => ({
        hour: closeHour(index),
        kind: 'close' as const,
        sprint: index,
      })).filter((c) => c.hour > created),
    ].sort((a, b) => a.hour - b.hour);
    let member = new Set<number>();
    let done = false;
    const history: HistoryEntry[] = [];
    const ids = (set: Set<number>) =>
      [...set]
        .sort((a, b) => a - b)
        .map((i) => String(i + 1))
        .join(', ') || null;
    const setMembers = (hour: number, next: Set<number>) => {
      const from = ids(member);
      const to = ids(next);
      member = next;
      if (from !== to)
        history.push({
          created: iso(hour),
          items: [{ field: 'Sprint', fieldId: SPRINT_FIELD, from, to }],
        });
    };
    for (const event of events) {
      if (event.kind === 'status') {
        if (event.done === done) continue;
        history.push({
          created: iso(event.hour),
          items: [
            {
              field: 'status',
              fieldId: 'status',
              from: done ? '3' : '1',
              to: event.done ? '3' : '1',
            },
          ],
        });
        done = event.done;
      } else if (event.kind === 'close') {
        // Complete sprint: open items of the closing sprint go to the next one.
        if (member.has(event.sprint) && !done) {
          const next = new Set(member);
          next.add(event.sprint + 1);
          setMembers(event.hour, next);
        }
      } else {
        if (event.sprint !== null && closed(event.sprint, event.hour)) continue;
        const next = new Set([...member].filter((i) => closed(i, event.hour)));
        if (event.sprint !== null) next.add(event.sprint);
        setMembers(event.hour, next);
      }
    }
    // Estimates: the generated value was set at creation; each later edit is in the changelog.
    let points = spec.points;
    let originalSeconds = spec.originalHours === null ? null : spec.originalHours * 3600;
    const text = (value: number | null) => (value === null ? null : String(value));
    for (const edit of [...spec.estimateEdits]
      .filter((e) => e.hour > created && e.hour < nowHour)
      .sort((a, b) => a.hour - b.hour)) {
      if (edit.field === 'points') {
        if (edit.value === points) continue;
        history.push({
          created: iso(edit.hour),
          items: [
            {
              field: 'Story point estimate',
              fieldId: POINTS_FIELD,
              from: null,
              to: null,
              fromString: text(points),
              toString: text(edit.value),
            },
          ],
        });
        points = edit.value;
      } else {
        const seconds = edit.value === null ? null : edit.value * 3600;
        if (seconds === originalSeconds) continue;
        history.push({
          created: iso(edit.hour),
          items: [
            {
              field: 'timeoriginalestimate',
              fieldId: 'timeoriginalestimate',
              from: text(originalSeconds),
              to: text(seconds),
              fromString: text(originalSeconds),
              toString: text(seconds),
            },
          ],
        });
        originalSeconds = seconds;
      }
    }
    logs.set(
      id,
      history.sort((a, b) => Date.parse(a.created) - Date.parse(b.created)),
    );
    issues.push({
      id,
      key: `GEN-${n + 1}`,
      fields: {
        summary: `Generated item ${n + 1}`,
        project: { id: '10000', key: 'GEN' },
        issuetype: { name: spec.issueType },
        labels: [...spec.labels],
        components: [],
        created: iso(created),
        status: done
          ? { id: '3', name: 'Done', statusCategory: { key: 'done' } }
          : { id: '1', name: 'To Do', statusCategory: { key: 'new' } },
        [POINTS_FIELD]: points,
        timeoriginalestimate: originalSeconds,
        [SPRINT_FIELD]: [...member].map((i) => ({ id: i + 1, name: `Sprint ${i + 1}` })),
      },
    });
  });

  const inSprint = (issue: JiraIssue, sprintId: number) =>
    (issue.fields[SPRINT_FIELD] as { id: number }[]).some((s) => s.id === sprintId);
  const jira = {
    listSprints: (_board: number, states: readonly string[]) =>
      Promise.resolve(sprints.filter((s) => states.includes(s.state))),
    getSprint: (id: number) => Promise.resolve(sprints.find((s) => s.id === id)!),
    // The board is the project's own (the recompute checks it: src/app/project/board-binding.ts).
    getBoard: (id: number) =>
      Promise.resolve({ id, name: 'GEN board', type: 'scrum', location: { projectKey: 'GEN' } }),
    // The default incident JQL, parsed as Jira would: alone, and inside the recompute's search
    // (an AND with the project; src/app/project/incident-jql.ts). No incidents are generated.
    parseJql: (queries: readonly string[]) => {
      const incident = {
        field: { name: 'issuetype' },
        operator: '=',
        operand: { value: 'Incident' },
      };
      const project = { field: { name: 'project' }, operator: '=', operand: { value: 'GEN' } };
      const newestFirst = { fields: [{ field: { name: 'created' }, direction: 'desc' }] };
      return Promise.resolve([
        { query: queries[0]!, structure: { where: incident } },
        {
          query: queries[1]!,
          structure: {
            where: { operator: 'and', clauses: [project, incident] },
            orderBy: newestFirst,
          },
        },
      ]);
    },
    getBoardConfiguration: () =>
      Promise.resolve({
        estimation: { field: { fieldId: POINTS_FIELD } },
        ranking: { rankCustomFieldId: 10019 },
      }),
    listFields: () =>
      Promise.resolve([
        {
          id: SPRINT_FIELD,
          name: 'Sprint',
          schema: { custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
        },
      ]),
    searchAll: (jql: string) => {
      const one = /^sprint = (\d+)/.exec(jql);
      if (one) return Promise.resolve(issues.filter((i) => inSprint(i, Number(one[1]))));
      // The history also reads the project's issues changed since the earliest start, to find
      // work taken out of a sprint: every generated issue is the project's (a superset of
      // "updated since" — the changelog decides).
      if (/^project = "GEN" AND updated >= "\d{4}-\d\d-\d\d" ORDER BY updated DESC$/.test(jql))
        return Promise.resolve(issues);
      const many = /^sprint in \(([\d, ]+)\)/.exec(jql);
      if (many) {
        const wanted = many[1]!.split(',').map((s) => Number(s.trim()));
        return Promise.resolve(issues.filter((i) => wanted.some((id) => inSprint(i, id))));
      }
      return Promise.resolve([]); // the backlog, incidents: none in a generated project
    },
    changelogs: (ids: readonly string[], fieldIds: readonly string[]) =>
      Promise.resolve(
        ids.map((issueId) => ({
          issueId,
          changeHistories: (logs.get(issueId) ?? [])
            .map((h) => ({
              ...h,
              items: h.items.filter(
                (item) => fieldIds.length === 0 || fieldIds.includes(item.fieldId),
              ),
            }))
            .filter((h) => h.items.length > 0),
        })),
      ),
  };
  return {
    // The ids-first reads (searchIds, getIssues) find what searchAll finds.
    jira: { ...jira, ...idReads((jql) => jira.searchAll(jql)) } as unknown as JiraPort,
    now: new Date(T0 + nowHour * HOUR),
    activeSprintId: activeIndex + 1,
  };
}
