/**
 * POST /rest/api/3/changelog/bulkfetch: changelogs of up to 1000 issues, optionally only for up
 * to 10 fields, paged by `nextPageToken` over change histories (maxResults default 1000, at most
 * 10000 — platform.v3.json, POST /rest/api/3/changelog/bulkfetch, getBulkChangelogs, and its
 * BulkChangelogRequestBean: issueIdsOrKeys maxItems 1000, fieldIds maxItems 10, maxResults).
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import { changelogEntry } from '../render/common';
import { canBrowse } from '../permissions';
import type { JiraRoute } from './context';

const bulkBody = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1).max(1000),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().optional(),
});

export const changelogRoutes: JiraRoute[] = [
  {
    method: 'POST',
    path: '/rest/api/3/changelog/bulkfetch',
    handler: (ctx) => {
      const body = parseBody(bulkBody, ctx.body);
      const fieldIds =
        body.fieldIds === undefined || body.fieldIds.length === 0
          ? undefined
          : new Set(body.fieldIds);
      const offset =
        body.nextPageToken === undefined
          ? 0
          : Number.parseInt(Buffer.from(body.nextPageToken, 'base64url').toString('utf8'), 10);
      if (!Number.isInteger(offset) || offset < 0)
        throw new JiraError(400, ['The provided next page token is invalid.']);
      const limit = body.maxResults ?? 1000;
      // Flatten to (issue, history) pairs so a page may end inside an issue's history, as Jira's does.
      const pairs = body.issueIdsOrKeys.flatMap((idOrKey) => {
        const issue = ctx.store.issue(idOrKey);
        if (issue === undefined || !canBrowse(ctx.caller, ctx.store.project(issue.projectId)))
          return [];
        return issue.changelog
          .filter(
            (entry) =>
              fieldIds === undefined || entry.items.some((item) => fieldIds.has(item.fieldId)),
          )
          .map((entry) => ({ issue, entry }));
      });
      const page = pairs.slice(offset, offset + limit);
      const grouped = new Map<string, unknown[]>();
      for (const { issue, entry } of page) {
        const list = grouped.get(issue.id) ?? [];
        list.push(changelogEntry(ctx.render, entry, fieldIds));
        grouped.set(issue.id, list);
      }
      const issueChangeLogs = [...grouped].map(([issueId, changeHistories]) => ({
        issueId,
        changeHistories,
      }));
      const next = offset + page.length;
      return {
        status: 200,
        body: {
          issueChangeLogs,
          ...(next < pairs.length
            ? { nextPageToken: Buffer.from(String(next)).toString('base64url') }
            : {}),
        },
      };
    },
  },
];
