/**
 * The Jira-side demo seed: deterministic from (seed, anchor), and carrying the situations the app
 * must handle — closed/active/future sprints, work added mid-sprint and carried over, missing
 * estimates, tagged and untagged issues, incidents with postmortem actions.
 */
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../sandbox/jira/seed/index';
import { STORY_POINTS_FIELD } from '../../sandbox/jira/state/catalog';
import type { IssueRecord } from '../../sandbox/jira/state/types';
import { hasStep } from '../../sandbox/jira/state/workflow';

const anchor = new Date('2026-03-10T12:00:00Z');
const { state, summary } = buildSeed({ anchor });
const TYPES = Object.fromEntries(state.issueTypes.map((t) => [t.name, t.id]));
const ofType = (name: string): IssueRecord[] =>
  state.issues.filter((i) => i.issueTypeId === TYPES[name]);
const sprintChanges = (i: IssueRecord) =>
  i.changelog.filter((c) => c.items.some((item) => item.fieldId === 'customfield_10020'));

describe('the demo seed', () => {
  it('is the same for the same seed and anchor, and differs for another seed', () => {
    expect(JSON.stringify(buildSeed({ anchor }).state)).toBe(JSON.stringify(state));
    expect(JSON.stringify(buildSeed({ anchor, seed: 7 }).state)).not.toBe(JSON.stringify(state));
  });

  it('summarises project SHOP on board 1 with sprints 1–8 closed, 9 active and 10 future', () => {
    expect(summary).toEqual({
      projectKey: 'SHOP',
      projectId: '10000',
      boardId: 1,
      sprints: { closed: [1, 2, 3, 4, 5, 6, 7, 8], active: 9, future: 10 },
      issueCount: 400,
    });
    expect(state.boards[0]?.estimationFieldId).toBe(STORY_POINTS_FIELD);
  });

  it('runs two-week sprints back to back, the active one started five days before the anchor', () => {
    const active = state.sprints.find((s) => s.state === 'active');
    expect(active?.startDate).toBe('2026-03-05T09:00:00.000Z');
    const closed = state.sprints.filter((s) => s.state === 'closed');
    expect(closed[0]?.startDate).toBe('2025-11-13T09:00:00.000Z');
    for (const sprint of closed)
      expect(Date.parse(sprint.completeDate ?? '')).toBeLessThan(anchor.getTime());
  });

  it('has every issue type, sub-tasks under stories and stories under epics', () => {
    for (const name of ['Epic', 'Story', 'Task', 'Bug', 'Sub-task', 'Incident'])
      expect(ofType(name).length).toBeGreaterThan(0);
    const byId = new Map(state.issues.map((i) => [i.id, i]));
    for (const sub of ofType('Sub-task'))
      expect(byId.get(sub.parentId ?? '')?.issueTypeId).toBe(TYPES.Story);
    expect(
      ofType('Story').some((s) => byId.get(s.parentId ?? '')?.issueTypeId === TYPES.Epic),
    ).toBe(true);
  });

  it('has work added after a sprint started and work carried over to the next sprint', () => {
    const addedLate = state.issues.filter((i) =>
      sprintChanges(i).some((c) => {
        const sprintId = Number(c.items[0]?.to?.split(', ').at(-1));
        const start = state.sprints.find((s) => s.id === sprintId)?.startDate;
        return start != null && c.created > start;
      }),
    );
    const carried = state.issues.filter((i) => i.sprintIds.length >= 2);
    expect(addedLate.length).toBeGreaterThan(10);
    expect(carried.length).toBeGreaterThan(5);
  });

  it('leaves some items unestimated and some untagged, and tags others with the ballast property', () => {
    const estimable = state.issues.filter((i) =>
      [TYPES.Story, TYPES.Task, TYPES.Bug].includes(i.issueTypeId),
    );
    expect(
      estimable.filter((i) => i.custom[STORY_POINTS_FIELD] === undefined).length,
    ).toBeGreaterThan(10);
    const tagged = state.issues.filter((i) => 'ballast' in i.properties);
    expect(tagged.length).toBeGreaterThan(80);
    expect(tagged.length).toBeLessThan(state.issues.length - 80);
    expect(
      new Set(tagged.map((i) => (i.properties.ballast as { workType: string }).workType)),
    ).toEqual(new Set(['feature', 'debt', 'toil', 'reliability']));
  });

  it('has resolved incidents lasting what their summaries say, each with a "Relates" follow-up', () => {
    const incidents = ofType('Incident');
    expect(incidents).toHaveLength(8);
    const minutes = incidents.map(
      (i) => (Date.parse(i.resolutiondate ?? '') - Date.parse(i.created)) / 60_000,
    );
    expect(minutes).toEqual([95, 40, 120, 150, 75, 55, 240, 130]);
    expect(incidents[1]!.summary).toBe('Search returning empty results for 40 minutes');
    for (const incident of incidents) {
      // Jira's resolution is the transition into Done, the last change of its history.
      const done = incident.changelog.at(-1)!;
      expect(done.created).toBe(incident.resolutiondate);
      expect(state.links.some((l) => l.typeId === '10003' && l.inwardIssueId === incident.id)).toBe(
        true,
      );
    }
  });

  it('has labels for every work type and a Highest priority', () => {
    const labels = new Set(state.issues.flatMap((i) => i.labels));
    for (const label of [
      'tech-debt',
      'refactor',
      'toil',
      'ops',
      'sre',
      'slo',
      'incident',
      'security',
    ])
      expect(labels).toContain(label);
    expect(state.issues.some((i) => i.priorityId === '1')).toBe(true);
  });

  it('ranks every issue uniquely', () => {
    expect(new Set(state.issues.map((i) => i.rank)).size).toBe(state.issues.length);
  });
});

describe('the large seed', () => {
  it('builds 10,000 issues over 50 sprints in a few seconds', () => {
    const started = performance.now();
    const large = buildSeed({ anchor, size: 'large' });
    expect(large.state.issues).toHaveLength(10_000);
    expect(large.state.sprints).toHaveLength(50);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('the seed’s status histories follow the workflow', () => {
  const workflowOfIssue = (i: IssueRecord) => {
    const project = state.projects.find((p) => p.id === i.projectId)!;
    return state.workflows.find((w) => w.id === project.workflowId)!;
  };

  it.each(['demo', 'large'] as const)(
    'every %s issue starts in To Do and each status change is a transition of its workflow',
    (size) => {
      const seeded = size === 'demo' ? state : buildSeed({ anchor, size }).state;
      const toDo = seeded.statuses.find((s) => s.name === 'To Do')!.id;
      const offPath: string[] = [];
      for (const issue of seeded.issues) {
        const project = seeded.projects.find((p) => p.id === issue.projectId)!;
        const workflow = seeded.workflows.find((w) => w.id === project.workflowId)!;
        let current = toDo;
        for (const change of issue.changelog) {
          for (const item of change.items.filter((it) => it.fieldId === 'status')) {
            if (item.from !== current || item.to === null || !hasStep(workflow, current, item.to))
              offPath.push(`${issue.key}: ${item.fromString} → ${item.toString}`);
            current = item.to ?? current;
          }
        }
        if (current !== issue.statusId) offPath.push(`${issue.key} ends elsewhere than its status`);
      }
      expect(offPath).toEqual([]);
    },
  );

  it('puts SHOP on the software workflow with Ballast’s validators where its README says', () => {
    const shop = workflowOfIssue(state.issues[0]!);
    expect(shop.id).toBe('software-workflow');
    const into = (name: string) =>
      shop.transitions.filter(
        (t) => state.statuses.find((s) => s.id === t.toStatusId)?.name === name,
      );
    expect(into('Done').map((t) => t.validators)).toEqual([['ballast-dod-validator']]);
    expect(into('In Progress').map((t) => t.validators)).toEqual([
      ['ballast-gate-validator'],
      ['ballast-gate-validator'],
    ]);
    expect([...into('In Review'), ...into('To Do')].flatMap((t) => t.validators)).toEqual([]);
  });
});
