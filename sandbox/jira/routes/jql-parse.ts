/**
 * POST /rest/api/3/jql/parse (platform.v3.json, parseJqlQueries): parses each query with the
 * sandbox's JQL parser and validates it as a search by this caller would (compileFor: fields,
 * values, permissions). `validation`: `strict` answers the structure only when there are no errors,
 * `warn` also when the query is well formed, `none` skips validation.
 */
import { z } from 'zod';
import { parseBody } from '../http/body';
import { JiraError } from '../http/errors';
import type { JqlQuery } from '../jql/ast';
import { JqlError } from '../jql/lexer';
import { parseJql } from '../jql/parser';
import { queryStructure } from '../jql/structure';
import type { JiraContext, JiraRoute } from './context';
import { compileFor } from './visibility';

const parseRequest = z.strictObject({ queries: z.array(z.string().min(1)).min(1) });
const VALIDATIONS = ['strict', 'warn', 'none'] as const;
type Validation = (typeof VALIDATIONS)[number];

function parseOne(ctx: JiraContext, query: string, validation: Validation) {
  let parsed: JqlQuery;
  try {
    parsed = parseJql(query);
  } catch (error) {
    if (error instanceof JqlError) return { query, errors: [error.message] };
    throw error;
  }
  const errors: string[] = [];
  if (validation !== 'none') {
    try {
      compileFor(ctx, query);
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      errors.push(...new Set(error.errorMessages));
    }
  }
  if (errors.length > 0 && validation === 'strict') return { query, errors };
  return { query, structure: queryStructure(parsed), ...(errors.length > 0 ? { errors } : {}) };
}

export const jqlParseRoutes: JiraRoute[] = [
  {
    method: 'POST',
    path: '/rest/api/3/jql/parse',
    handler: (ctx) => {
      const validation = ctx.query.get('validation') ?? 'strict';
      if (!(VALIDATIONS as readonly string[]).includes(validation)) {
        throw new JiraError(400, [`Invalid validation level '${validation}'.`]);
      }
      const { queries } = parseBody(parseRequest, ctx.body);
      return {
        status: 200,
        body: { queries: queries.map((q) => parseOne(ctx, q, validation as Validation)) },
      };
    },
  },
];
