/**
 * An issue key as a link to the issue. The app runs in an iframe, so the link opens through the
 * bridge's router, which takes a URL relative to the site (`/browse/KEY`, no prompt for it:
 * developer.atlassian.com/platform/forge/custom-ui-bridge/router/); a new tab keeps the planner.
 * The bridge is imported on click: it needs the host's bridge, which a test render has not.
 */
export function IssueLink({ issueKey }: { issueKey: string }) {
  const path = `/browse/${encodeURIComponent(issueKey)}`;
  return (
    <a
      className="issue-key issue-link"
      href={path}
      onClick={(event) => {
        event.preventDefault();
        void import('@forge/bridge').then(({ router }) => router.open(path));
      }}
    >
      {issueKey}
    </a>
  );
}
