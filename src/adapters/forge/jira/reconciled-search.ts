/**
 * Jira reconciles at most 50 issues per search (platform.v3.json SearchAndReconcileRequestBean,
 * `reconcileIssues`; https://developer.atlassian.com/cloud/jira/platform/search-and-reconcile/), and
 * each page of one search must name the same ids. To reconcile more, the same JQL runs once per 50
 * ids and the answers are merged: each reconciled issue is taken from the search that reconciled it
 * (present there or not), every other issue from the first search.
 */
import type { JiraIssue } from '../../../ports/jira';

/** Jira's cap on `reconcileIssues` per search. */
export const RECONCILE_MAX = 50;

export function reconcileGroups(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)];
  const groups: string[][] = [];
  for (let i = 0; i < unique.length; i += RECONCILE_MAX)
    groups.push(unique.slice(i, i + RECONCILE_MAX));
  return groups;
}

/**
 * One result from one search per group (`runs[i]` reconciled `groups[i]`): the first search's order,
 * then the reconciled issues it did not have, each in its own search's order.
 */
export function mergeReconciled<T extends Pick<JiraIssue, 'id'>>(
  runs: readonly (readonly T[])[],
  groups: readonly (readonly string[])[],
): T[] {
  const groupOf = new Map<string, number>();
  groups.forEach((group, index) => group.forEach((id) => groupOf.set(id, index)));
  const merged = new Map<string, T>();
  runs.forEach((run, index) => {
    for (const issue of run) {
      const group = groupOf.get(issue.id);
      if (group === index || (group === undefined && index === 0)) merged.set(issue.id, issue);
    }
  });
  return [...merged.values()];
}
