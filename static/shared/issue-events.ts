/**
 * The issue panel and the issue context are separate frames on the same Jira page: after a change,
 * the panel says so with a Forge event and the context reloads what it shows.
 */
import { events } from '@forge/bridge';

const ISSUE_CHANGED = 'ballast.issue-changed';

export function announceIssueChanged(issueKey: string): void {
  events.emit(ISSUE_CHANGED, { issueKey }).catch(() => undefined);
}

/** Calls `then` whenever another frame changed this issue; returns the unsubscribe function. */
export function onIssueChanged(issueKey: string, then: () => void): () => void {
  const subscription = events.on(ISSUE_CHANGED, (payload?: { issueKey?: unknown }) => {
    if (payload?.issueKey === issueKey) then();
  });
  return () => {
    subscription.then((s) => s.unsubscribe()).catch(() => undefined);
  };
}
