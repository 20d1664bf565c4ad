/**
 * Writes an issue's history the way Jira would have recorded it: sprint field changes when it was
 * planned, added mid-sprint or carried over, and status transitions with timestamps. Times are ms
 * since the epoch; every change goes into the issue's changelog.
 */
import { STATUSES } from '../state/catalog';
import type { ChangeItem, IssueRecord, SprintRecord } from '../state/types';
import type { Rng } from './prng';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const statusName = (id: string): string => STATUSES.find((s) => s.id === id)?.name ?? id;
export const TODO = '10000';
export const IN_PROGRESS = '3';
export const IN_REVIEW = '10001';
export const DONE = '10002';

export class Timeline {
  constructor(
    private readonly rng: Rng,
    private readonly sprints: SprintRecord[],
    private readonly nextChangelogId: () => string,
  ) {}

  log(issue: IssueRecord, at: number, author: string, items: ChangeItem[]): void {
    const created = new Date(at).toISOString();
    issue.changelog.push({ id: this.nextChangelogId(), authorAccountId: author, created, items });
    if (created > issue.updated) issue.updated = created;
  }

  setStatus(issue: IssueRecord, at: number, author: string, to: string): void {
    if (issue.statusId === to) return;
    const items: ChangeItem[] = [
      {
        field: 'status',
        fieldId: 'status',
        fieldtype: 'jira',
        from: issue.statusId,
        fromString: statusName(issue.statusId),
        to,
        toString: statusName(to),
      },
    ];
    if (to === DONE) {
      issue.resolutiondate = new Date(at).toISOString();
      items.push({
        field: 'resolution',
        fieldId: 'resolution',
        fieldtype: 'jira',
        from: null,
        fromString: null,
        to: '10000',
        toString: 'Done',
      });
    }
    issue.statusId = to;
    this.log(issue, at, author, items);
  }

  /**
   * Moves the issue's last transition into Done (and its resolution) to `at`: for an incident whose
   * restore time is known, after `progress` spread the steps at jittered times.
   */
  resolvedAt(issue: IssueRecord, at: number): void {
    const iso = new Date(at).toISOString();
    const done = [...issue.changelog]
      .reverse()
      .find((entry) => entry.items.some((item) => item.fieldId === 'status' && item.to === DONE));
    if (done === undefined) return;
    done.created = iso;
    issue.resolutiondate = iso;
    if (iso > issue.updated) issue.updated = iso;
  }

  addToSprint(issue: IssueRecord, at: number, author: string, sprint: SprintRecord): void {
    const before = [...issue.sprintIds];
    const after = [...before, sprint.id];
    const names = (ids: number[]) =>
      ids.map((id) => this.sprints.find((s) => s.id === id)?.name ?? String(id)).join(', ');
    issue.sprintIds = after;
    this.log(issue, at, author, [
      {
        field: 'Sprint',
        fieldId: 'customfield_10020',
        fieldtype: 'custom',
        from: before.join(', ') || null,
        fromString: names(before) || null,
        to: after.join(', '),
        toString: names(after),
      },
    ]);
  }

  /**
   * Moves the issue through the workflow to `final` at evenly spread, jittered times in [from, to],
   * one transition of SHOP's software workflow at a time (state/default-workflows.ts; every
   * history is checked to be a path in it by test/integration/jira-emulator-seed.test.ts).
   */
  progress(issue: IssueRecord, from: number, to: number, author: string, final: string): void {
    const path =
      final === DONE
        ? [IN_PROGRESS, IN_REVIEW, DONE]
        : final === IN_REVIEW
          ? [IN_PROGRESS, IN_REVIEW]
          : final === IN_PROGRESS
            ? [IN_PROGRESS]
            : [];
    const span = Math.max(to - from, HOUR);
    path.forEach((status, index) => {
      const share = (index + 0.5 + this.rng.float() * 0.4) / path.length;
      this.setStatus(issue, Math.min(from + Math.floor(span * share), to), author, status);
    });
  }
}
