/**
 * The search index of the emulator: what JQL search sees. Jira Cloud's enhanced search
 * (`/rest/api/3/search/jql`, `/search/approximate-count`) reads an index that is eventually
 * consistent: a write may take seconds (or minutes, for bulk changes) to show in search, and only
 * the issues named in `reconcileIssues` (at most 50) are answered as they are now
 * (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/; platform.v3.json,
 * SearchAndReconcileRequestBean.reconcileIssues). Reading one issue (GET issue, its properties, its
 * changelog) is not search and stays consistent.
 *
 * `immediate` (the default) indexes every write at once. `eventual` keeps, for each changed issue,
 * a copy of it as it was before each write not yet indexed; search sees the oldest such copy (an
 * issue created since is not seen at all). A write is indexed when `lagWrites` more issue writes
 * have happened after it, when `lagMs` has passed on the emulator's clock, or on `catchUp()`;
 * with neither lag set, only `catchUp()` indexes. Counters and the injectable clock keep tests
 * deterministic: nothing depends on wall-clock timing.
 */
import type { IssueRecord } from './types';

export type SearchConsistency = 'immediate' | 'eventual';

export interface SearchIndexSettings {
  readonly consistency: SearchConsistency;
  /** Writes (one change to one issue) after which a write shows in search; null: not by count. */
  readonly lagWrites: number | null;
  /** Milliseconds on the emulator's clock after which a write shows in search; null: not by time. */
  readonly lagMs: number | null;
}

export const IMMEDIATE_SEARCH: SearchIndexSettings = {
  consistency: 'immediate',
  lagWrites: null,
  lagMs: null,
};

/** Jira's cap on `reconcileIssues` (platform.v3.json SearchAndReconcileRequestBean: "max 50"). */
export const RECONCILE_MAX = 50;

interface UnindexedWrite {
  /** Number of the write among all writes so far. */
  readonly seq: number;
  readonly at: number;
  /** The issue as search still sees it; undefined for an issue created by this write. */
  readonly before: IssueRecord | undefined;
}

export class SearchIndex {
  private writes = 0;
  private readonly unindexed = new Map<string, UnindexedWrite[]>();
  private current: SearchIndexSettings;

  constructor(
    settings: Partial<SearchIndexSettings> = {},
    private readonly clock: () => number = () => 0,
  ) {
    this.current = validated({ ...IMMEDIATE_SEARCH, ...settings });
  }

  get settings(): SearchIndexSettings {
    return this.current;
  }

  /** Changes the mode or the lag; switching to `immediate` indexes everything pending. */
  configure(patch: Partial<SearchIndexSettings>): SearchIndexSettings {
    this.current = validated({ ...this.current, ...patch });
    if (this.current.consistency === 'immediate') this.catchUp();
    return this.current;
  }

  /** Issue writes that search does not see yet. */
  get pendingWrites(): number {
    let count = 0;
    for (const list of this.unindexed.values()) count += list.length;
    return count;
  }

  /** Indexes every pending write: search sees the current state. */
  catchUp(): void {
    this.unindexed.clear();
  }

  /** Call before changing an existing issue: search keeps the copy until the write is indexed. */
  noteChange(issue: IssueRecord): void {
    if (this.current.consistency === 'eventual') this.note(issue.id, structuredClone(issue));
  }

  /** Call when an issue is created: search does not see it until the write is indexed. */
  noteCreated(issueId: string): void {
    this.note(issueId, undefined);
  }

  /**
   * The issues as search sees them, in the state's order: the current record for indexed and
   * reconciled issues, the pre-write copy for the others, and no entry for unindexed new issues.
   */
  view(issues: readonly IssueRecord[], reconciled: ReadonlySet<string>): readonly IssueRecord[] {
    if (this.current.consistency === 'immediate' || this.unindexed.size === 0) return issues;
    this.indexDue();
    const out: IssueRecord[] = [];
    for (const issue of issues) {
      const pending = this.unindexed.get(issue.id);
      if (pending === undefined || reconciled.has(issue.id)) out.push(issue);
      else if (pending[0]?.before !== undefined) out.push(pending[0].before);
    }
    return out;
  }

  private note(issueId: string, before: IssueRecord | undefined): void {
    if (this.current.consistency === 'immediate') return;
    this.writes += 1;
    const list = this.unindexed.get(issueId) ?? [];
    list.push({ seq: this.writes, at: this.clock(), before });
    this.unindexed.set(issueId, list);
  }

  private indexDue(): void {
    const { lagWrites, lagMs } = this.current;
    const now = this.clock();
    const due = (write: UnindexedWrite) =>
      (lagWrites !== null && this.writes - write.seq >= lagWrites) ||
      (lagMs !== null && now - write.at >= lagMs);
    for (const [id, list] of this.unindexed) {
      while (list.length > 0 && due(list[0]!)) list.shift();
      if (list.length === 0) this.unindexed.delete(id);
    }
  }
}

function validated(settings: SearchIndexSettings): SearchIndexSettings {
  if (settings.consistency !== 'immediate' && settings.consistency !== 'eventual')
    throw new Error(
      `consistency must be 'immediate' or 'eventual', not ${String(settings.consistency)}`,
    );
  for (const [name, value] of [
    ['lagWrites', settings.lagWrites],
    ['lagMs', settings.lagMs],
  ] as const) {
    if (value !== null && !(Number.isInteger(value) && value >= 0))
      throw new Error(`${name} must be a whole number ≥ 0 or null, not ${String(value)}`);
  }
  return {
    consistency: settings.consistency,
    lagWrites: settings.lagWrites,
    lagMs: settings.lagMs,
  };
}
