/** The issue a module is framed on, from `view.getContext()` of @forge/bridge. */
import { view } from '@forge/bridge';
import { issueFrameOf, type IssueFrame } from './issue-frame';

export type { IssueFrame };

export async function loadIssueFrame(): Promise<IssueFrame> {
  return issueFrameOf(await view.getContext());
}
