/**
 * History before Ballast (issue #18): an item that was already Done when Ballast first saw its
 * project was closed under no Definition of Done, so it is "closed before Ballast" — neither
 * complete nor open, and left out of the DoD figures — instead of showing every item open.
 *
 * The rule reads only what Ballast has: when it first saw the project (recorded by the app at its
 * first full pass over the project's issues, src/app/issue/project-history.ts) and Jira's
 * resolution date. Jira's `resolutiondate` system field is "the latest date that the Resolution
 * field was set to a value", and Jira clears the resolution when an item leaves Done in a workflow
 * that follows Atlassian's practice
 * (confluence.atlassian.com/cloudkb/best-practices-on-using-the-resolution-field-968660796.html;
 * the field id is listed among Jira's date-time system fields in the Jira platform OpenAPI,
 * ../shared/jira-openapi/platform.v3.json, `POST /rest/api/3/workflow`). So an item re-opened later
 * is no longer Done, and one closed again after Ballast came has a later resolution date: both are
 * normal items again, with their checklist.
 */

export interface DodHistoryFacts {
  /** Jira's status category key of the item now: `new`, `indeterminate` or `done`. */
  readonly statusCategory: string | null;
  /** Jira's `resolutiondate` (ISO-8601), null when the item has no resolution. */
  readonly resolvedAt: string | null;
}

export type DodHistory =
  | { readonly kind: 'tracked' }
  | {
      readonly kind: 'closedBeforeBallast';
      readonly resolvedAt: string;
      readonly firstSeenAt: string;
    };

export const TRACKED: DodHistory = { kind: 'tracked' };

/**
 * Closed before Ballast when the item is Done now and was resolved strictly before Ballast first
 * saw the project. Without a record of first sight (the project was never refreshed) or without a
 * resolution date (a workflow that sets no resolution), Ballast cannot tell, and the item keeps
 * its checklist — never hidden on a guess.
 */
export function dodHistory(facts: DodHistoryFacts, firstSeenAt: string | null): DodHistory {
  if (firstSeenAt === null || facts.statusCategory !== 'done' || facts.resolvedAt === null) {
    return TRACKED;
  }
  const resolved = Date.parse(facts.resolvedAt);
  const seen = Date.parse(firstSeenAt);
  if (!Number.isFinite(resolved) || !Number.isFinite(seen) || resolved >= seen) return TRACKED;
  // Jira writes offsets as +0000; the view carries plain ISO-8601 UTC instants.
  return {
    kind: 'closedBeforeBallast',
    resolvedAt: new Date(resolved).toISOString(),
    firstSeenAt: new Date(seen).toISOString(),
  };
}
