/**
 * Brings every issue of a project up to date at once (PRODUCT.md §1): the rules tag untagged work,
 * the JQL-indexed DoD values follow, and the read-only Ballast category field gets its value — for items
 * nobody has touched since Ballast was installed (the issue trigger only sees changes). Resumable:
 * a run stops at its time budget and records how far it got; the next run goes on from there.
 * Writes only what changed (one property write per changed issue, one field write per work type).
 *
 * A changed issue is written under the per-issue lock a person's change takes (issue-write-lock.ts),
 * from a fresh read of its property: a tick made after the pass's search is kept, never overwritten
 * by values derived from the older read. An issue a person is changing right now is left for the
 * next pass (their change writes the derived values itself).
 */
import type { Clock } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { BALLAST_PROPERTY_KEY, readBallastProperty } from './ballast-property';
import { issueFields } from './issue-facts';
import { computeSnapshot, derivedProperty, type IssueDeps } from './issue-snapshot';
import { kvIssueWriteLock } from './issue-write-lock';
import { recordFirstSight } from './project-history';
import { sameJson, writeDerivedFresh } from './write-derived';
import { findWorkTypeField } from './work-type-field';

/** A full pass is repeated after this long, to catch what changed while events were missed. */
export const REFRESH_EVERY_MS = 24 * 3_600_000;

/** Progress records written before versions were introduced have none and read as version 1. */
export const REFRESH_PROGRESS_SCHEMA_VERSION = 1;

export interface RefreshProgress {
  readonly schemaVersion?: typeof REFRESH_PROGRESS_SCHEMA_VERSION;
  readonly startedAt: string;
  /** Issues done in this pass, in the pass's order (oldest created first). */
  readonly offset: number;
  readonly total: number;
  readonly written: number;
  readonly finishedAt: string | null;
}

/** Issues per app-field update request. */
const FIELD_BATCH = 500;

export const refreshProgressKey = (projectKey: string): string => `issue-refresh:${projectKey}`;

/**
 * The stored progress, if this version of Ballast can read it (an unversioned legacy record is
 * version 1); anything else starts a new pass rather than resuming from a misread offset.
 */
export function readProgress(value: RefreshProgress | undefined): RefreshProgress | undefined {
  if (value === undefined) return undefined;
  if ((value.schemaVersion ?? 1) !== REFRESH_PROGRESS_SCHEMA_VERSION) return undefined;
  if (typeof value.offset !== 'number' || typeof value.startedAt !== 'string') return undefined;
  return value;
}

export async function refreshProjectIssues(
  deps: IssueDeps & { kv: KeyValueStore; clock: Clock },
  input: {
    projectKey: string;
    budgetMs: number;
    /** Stop early (progress kept, resumed next run), e.g. when Jira's hourly quota runs low. */
    stopWhen?: () => boolean;
  },
): Promise<RefreshProgress> {
  const begun = deps.clock.now().getTime();
  const key = refreshProgressKey(input.projectKey);
  const previous = readProgress(await deps.kv.get<RefreshProgress>(key));
  if (previous?.finishedAt && begun - Date.parse(previous.finishedAt) < REFRESH_EVERY_MS) {
    return previous;
  }
  const resume = previous !== undefined && previous.finishedAt === null ? previous : undefined;
  const { config } = await loadProjectConfig(deps.store, input.projectKey);
  // The first pass over a project is when Ballast first sees its items: what is Done by then was
  // closed before Ballast (recorded once; later passes read the same time).
  const history = await recordFirstSight(deps.store, input.projectKey, new Date(begun));
  const field = await findWorkTypeField(deps.jira);
  const issues = await deps.jira.searchAll(`project = ${input.projectKey} ORDER BY created ASC`, {
    fields: [...issueFields(config.board?.estimationFieldId ?? null), ...(field ? [field] : [])],
    properties: [BALLAST_PROPERTY_KEY],
    limit: 50_000, // a whole project, in a 300 s job: above searchAll's default (the huge bench seed)
  });
  // Short: a person holding the lock is mid-change; their issue waits for the next pass.
  const lock = kvIssueWriteLock(deps.kv, { waitMs: 1_000 });
  const derive = async (issue: (typeof issues)[number], stored: unknown) =>
    derivedProperty(
      await computeSnapshot(
        deps,
        issue,
        readBallastProperty(stored).property,
        config,
        [],
        'fetch',
        history,
      ),
    );
  const fieldUpdates = new Map<string, number[]>();
  let offset = resume?.offset ?? 0;
  let written = resume?.written ?? 0;
  /** The first issue whose field value waits in fieldUpdates: where to resume if it is never sent. */
  let firstPending: number | null = null;
  const flushFieldValues = async (): Promise<void> => {
    if (field === null) return;
    // Bounded requests: at most FIELD_BATCH issues per update.
    for (const [value, ids] of fieldUpdates) {
      for (let i = 0; i < ids.length; i += FIELD_BATCH) {
        await deps.jira.setAppFieldValues([
          { field, issueIds: ids.slice(i, i + FIELD_BATCH), value },
        ]);
      }
      fieldUpdates.delete(value);
    }
    firstPending = null;
  };
  const progressAt = (at: number): RefreshProgress => ({
    schemaVersion: REFRESH_PROGRESS_SCHEMA_VERSION,
    startedAt: resume?.startedAt ?? new Date(begun).toISOString(),
    offset: at,
    total: issues.length,
    written,
    finishedAt: at >= issues.length ? deps.clock.now().toISOString() : null,
  });
  try {
    for (; offset < issues.length; offset += 1) {
      if (deps.clock.now().getTime() - begun > input.budgetMs) break;
      if (input.stopWhen?.() === true) break;
      const issue = issues[offset]!;
      const stored = issue.properties?.[BALLAST_PROPERTY_KEY];
      let next = await derive(issue, stored);
      if (!sameJson(stored, next)) {
        const result = await writeDerivedFresh({ ...deps, lock }, issue, config, history);
        if (result === null) continue;
        next = result.property;
        if (result.wrote) written += 1;
      }
      if (field !== null && issue.fields[field] !== next.workType) {
        const ids = fieldUpdates.get(next.workType) ?? [];
        ids.push(Number(issue.id));
        fieldUpdates.set(next.workType, ids);
        firstPending ??= offset;
      }
    }
    await flushFieldValues();
  } catch (error: unknown) {
    // Jira failed mid-pass: keep what was done, so the next run resumes at the issue that failed
    // rather than starting the pass again. Field values of the issues before it are written first;
    // if Jira refuses those too (a spent rate-limit quota refuses every call), the pass resumes at
    // the first issue whose value is unsent: its property is already written, so it is only
    // derived again, found unchanged, and its field value queued once more.
    let resumeAt = offset;
    try {
      await flushFieldValues();
    } catch {
      resumeAt = firstPending ?? offset;
    }
    try {
      await deps.kv.set(key, progressAt(resumeAt));
    } catch {
      // Nothing more to save; the error below is what the job reports.
    }
    throw error;
  }
  const progress = progressAt(offset);
  await deps.kv.set(key, progress);
  return progress;
}
