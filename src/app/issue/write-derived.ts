/**
 * Writes an issue's derived Ballast values (type, indexed DoD figures) without losing a person's
 * change: under the per-issue lock a person's change takes (issue-write-lock.ts), from a fresh read
 * of the issue and its property, so a tick made after the caller's earlier read is kept. Used by
 * the issue trigger and the bulk refresh; when a person holds the lock the write is left to them
 * (their change writes the derived values itself) and null is returned.
 *
 * The fresh read is of the issue by key, not a search: the bulk refresh found the issue through
 * Jira's eventually consistent search, whose fields (labels, type) may be older than the issue
 * (https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/); deriving from them
 * would overwrite the values the issue trigger just derived from the change. One call, as before.
 */
import type { JiraIssue } from '../../ports/jira';
import { AppError } from '../errors';
import type { ProjectConfig } from '../project/project-config';
import {
  BALLAST_PROPERTY_KEY,
  readBallastProperty,
  type BallastProperty,
} from './ballast-property';
import {
  computeSnapshot,
  derivedProperty,
  type IssueDeps,
  type IssueSnapshot,
} from './issue-snapshot';
import { issueFields } from './issue-facts';
import type { IssueWriteLock } from './issue-write-lock';
import { NOT_SEEN_YET, type ProjectHistory } from './project-history';

export const sameJson = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

export interface DerivedWrite {
  readonly snapshot: IssueSnapshot;
  readonly property: BallastProperty;
  readonly wrote: boolean;
}

export async function writeDerivedFresh(
  deps: IssueDeps & { lock: IssueWriteLock },
  issue: JiraIssue,
  config: ProjectConfig,
  projectHistory: ProjectHistory = NOT_SEEN_YET,
): Promise<DerivedWrite | null> {
  try {
    return await deps.lock.run(issue.key, async () => {
      const current = await deps.jira.getIssue(
        issue.key,
        issueFields(config.board?.estimationFieldId ?? null),
        [BALLAST_PROPERTY_KEY],
      );
      const fresh = current.properties?.[BALLAST_PROPERTY_KEY];
      const { property: stored, problem } = readBallastProperty(fresh);
      const snapshot = await computeSnapshot(
        deps,
        current,
        stored,
        config,
        problem ? [problem] : [],
        'fetch',
        projectHistory,
      );
      const property = derivedProperty(snapshot);
      // Never write over a property that cannot be read: that would lose the ticks in it.
      if (problem !== undefined || sameJson(fresh, property))
        return { snapshot, property, wrote: false };
      await deps.jira.setIssueProperty(issue.key, BALLAST_PROPERTY_KEY, property);
      return { snapshot, property, wrote: true };
    });
  } catch (error: unknown) {
    if (error instanceof AppError && error.code === 'CONFLICT') return null;
    throw error;
  }
}
