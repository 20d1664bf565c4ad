/**
 * The in-memory state with the look-up indexes the routes need. The state itself stays plain
 * JSON (see types.ts); the indexes are rebuilt on load.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ISSUE_TYPES, LINK_TYPES, PRIORITIES, STATUSES, SYSTEM_FIELDS } from './catalog';
import { DEFAULT_WORKFLOWS } from './default-workflows';
import { migrateState } from './migrate';
import { SearchIndex } from './search-index';
import {
  STATE_VERSION,
  type BoardRecord,
  type FieldRecord,
  type IssueRecord,
  type JiraState,
  type ProjectRecord,
  type SprintRecord,
  type UserRecord,
} from './types';

export function createEmptyState(): JiraState {
  return {
    version: STATE_VERSION,
    users: [],
    projects: [],
    issueTypes: structuredClone(ISSUE_TYPES),
    statuses: structuredClone(STATUSES),
    workflows: structuredClone([...DEFAULT_WORKFLOWS]),
    priorities: structuredClone(PRIORITIES),
    fields: structuredClone(SYSTEM_FIELDS),
    linkTypes: structuredClone(LINK_TYPES),
    links: [],
    boards: [],
    sprints: [],
    issues: [],
    counters: {
      issue: 10000,
      changelog: 10000,
      comment: 10000,
      link: 10000,
      sprint: 0,
      task: 10000,
    },
    keyCounters: {},
  };
}

/** An async Jira task (bulk property changes answer 303 to one); kept in memory only. */
export interface TaskRecord {
  id: string;
  submitted: number;
  finished: number;
  message: string;
  result: unknown;
}

export class JiraStore {
  readonly tasks = new Map<string, TaskRecord>();
  private byId = new Map<string, IssueRecord>();
  private byKey = new Map<string, IssueRecord>();

  constructor(
    public state: JiraState,
    /** What JQL search sees (search-index.ts): every write at once, or lagging behind. */
    readonly searchIndex: SearchIndex = new SearchIndex(),
  ) {
    this.reindex();
  }

  reindex(): void {
    this.byId.clear();
    this.byKey.clear();
    for (const issue of this.state.issues) this.index(issue);
  }

  private index(issue: IssueRecord): void {
    this.byId.set(issue.id, issue);
    this.byKey.set(issue.key.toUpperCase(), issue);
  }

  /** Replaces the whole state (load or reset) and rebuilds the indexes. */
  replace(state: JiraState): void {
    this.state = state;
    this.searchIndex.catchUp();
    this.reindex();
  }

  issue(idOrKey: string): IssueRecord | undefined {
    return this.byId.get(idOrKey) ?? this.byKey.get(idOrKey.toUpperCase());
  }

  addIssue(issue: IssueRecord): void {
    this.state.issues.push(issue);
    this.index(issue);
    this.searchIndex.noteCreated(issue.id);
  }

  /**
   * Call before changing a stored issue, so an eventually consistent search keeps seeing it as it
   * was (search-index.ts). An issue not stored yet (being created) needs no call.
   */
  willChange(issue: IssueRecord): void {
    if (this.byId.get(issue.id) === issue) this.searchIndex.noteChange(issue);
  }

  /** The issues as JQL search sees them; `reconciled` ids are answered as they are now. */
  searchable(reconciled: ReadonlySet<string> = new Set()): readonly IssueRecord[] {
    return this.searchIndex.view(this.state.issues, reconciled);
  }

  /** Children: sub-tasks of a story, or issues of an epic. */
  children(issueId: string): IssueRecord[] {
    return this.state.issues.filter((i) => i.parentId === issueId);
  }

  project(idOrKey: string): ProjectRecord | undefined {
    const upper = idOrKey.toUpperCase();
    return this.state.projects.find((p) => p.id === idOrKey || p.key === upper);
  }

  user(accountId: string): UserRecord | undefined {
    return this.state.users.find((u) => u.accountId === accountId);
  }

  field(idOrKey: string): FieldRecord | undefined {
    return this.state.fields.find((f) => f.id === idOrKey || f.key === idOrKey);
  }

  sprint(id: number): SprintRecord | undefined {
    return this.state.sprints.find((s) => s.id === id);
  }

  board(id: number): BoardRecord | undefined {
    return this.state.boards.find((b) => b.id === id);
  }

  status(id: string) {
    return this.state.statuses.find((s) => s.id === id);
  }

  issueType(id: string) {
    return this.state.issueTypes.find((t) => t.id === id);
  }

  priority(id: string) {
    return this.state.priorities.find((p) => p.id === id);
  }

  isDone(issue: IssueRecord): boolean {
    return this.status(issue.statusId)?.category === 'done';
  }

  nextCounter(name: keyof JiraState['counters']): number {
    this.state.counters[name] += 1;
    return this.state.counters[name];
  }

  nextKey(projectKey: string): string {
    const next = (this.state.keyCounters[projectKey] ?? 0) + 1;
    this.state.keyCounters[projectKey] = next;
    return `${projectKey}-${next}`;
  }

  save(file: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(this.state));
  }

  static load(file: string): JiraStore {
    return new JiraStore(parseState(readFileSync(file, 'utf8'), file));
  }
}

/**
 * Reads a saved state: an older version is migrated (migrate.ts), any other is refused instead of
 * misread.
 */
export function parseState(text: string, source: string): JiraState {
  const parsed = migrateState(JSON.parse(text) as { version?: unknown });
  if (parsed.version !== STATE_VERSION) {
    throw new Error(
      `${source}: Jira emulator state version ${String(parsed.version)} is not ${STATE_VERSION}; delete it to reseed`,
    );
  }
  return parsed as unknown as JiraState;
}
