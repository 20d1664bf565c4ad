/**
 * The issue's comments, as Jira's Activity section lists them (oldest first): author, time and
 * the text of each, read as the selected user — so a person sees what the app wrote on an issue
 * (a Definition of Done note, why enforcement moved it back to the backlog).
 */
import { html, type SafeHtml } from '../html';
import { JiraCallError, type JiraClient } from '../jira-client';
import { adfParagraphs } from './issue';

export interface IssueComment {
  id: string;
  author: string;
  created: string;
  paragraphs: string[];
}

interface CommentPage {
  comments: { id: string; author?: { displayName?: string }; created?: string; body?: unknown }[];
}

/** undefined when Jira would not list them (the rest of the page still shows). */
export async function loadComments(
  jira: JiraClient,
  issueKey: string,
): Promise<IssueComment[] | undefined> {
  try {
    const page = await jira.get<CommentPage>(
      `/rest/api/3/issue/${encodeURIComponent(issueKey)}/comment`,
    );
    return page.comments.map((c) => ({
      id: c.id,
      author: c.author?.displayName ?? 'Someone',
      created: c.created ?? '',
      paragraphs: adfParagraphs(c.body),
    }));
  } catch (error) {
    if (error instanceof JiraCallError) return undefined;
    throw error;
  }
}

/** Jira's time as people read it: "2026-11-20 12:00 UTC". */
const when = (iso: string) => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms)
    ? iso
    : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
};

export function commentsSection(comments: IssueComment[] | undefined): SafeHtml {
  return html`<section class="comments" aria-labelledby="comments-heading">
    <h3 id="comments-heading">Comments</h3>
    ${
      comments === undefined
        ? html`<p class="muted">Jira did not list the comments.</p>`
        : comments.length === 0
          ? html`<p class="muted">No comments yet.</p>`
          : html`<ol class="comment-list">
              ${comments.map(
                (c) =>
                  html`<li class="comment" data-comment-id="${c.id}">
                    <p class="comment-meta"><strong>${c.author}</strong> · ${when(c.created)}</p>
                    ${c.paragraphs.map((p) => html`<p>${p}</p>`)}
                  </li>`,
              )}
            </ol>`
    }
  </section>`;
}
