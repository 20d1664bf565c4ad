/**
 * GET /rest/api/3/user/bulk: the users with the given account ids (repeated `accountId`), paged with
 * startAt/maxResults, default 10 (platform.v3.json, bulkGetUsers, `maxResults` default). The spec
 * states no maximum page or number of ids; the 200 below is the emulator's own bound, not a
 * documented one. Ids Jira does not know are left out.
 */
import { JiraError } from '../http/errors';
import { userDetails } from '../render/common';
import type { JiraRoute } from './context';
import { intParam, listParam } from './context';

export const userRoutes: JiraRoute[] = [
  {
    method: 'GET',
    path: '/rest/api/3/user/bulk',
    handler: (ctx) => {
      const ids = [...new Set(listParam(ctx.query, 'accountId'))];
      if (ids.length === 0)
        throw new JiraError(400, ['The accountId query parameter needs to be provided.']);
      const found = ids.flatMap((id) => {
        const details = userDetails(ctx.render, ctx.store.user(id));
        return details === null ? [] : [details];
      });
      const startAt = Math.max(0, intParam(ctx.query, 'startAt', 0));
      const maxResults = Math.min(Math.max(1, intParam(ctx.query, 'maxResults', 10)), 200);
      const values = found.slice(startAt, startAt + maxResults);
      return {
        status: 200,
        body: {
          maxResults,
          startAt,
          total: found.length,
          isLast: startAt + values.length >= found.length,
          values,
        },
      };
    },
  },
];
