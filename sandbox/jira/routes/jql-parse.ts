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
const VALUE_MISSING = /^The value '.*' does not exist for the field '.*'\./;
const POSITION = / \(line \d+, character \d+\)$/;

function parseOne(ctx: JiraContext, query: string, validation: Validation) {
  let parsed: JqlQuery;
  try {
    parsed = parseJql(query);
  } catch (error) {
    if (error instanceof JqlError) return { query, errors: [error.message] };
    throw error;
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  if (validation !== 'none') {
    try {
      compileFor(ctx, query);
    } catch (error) {
      if (!(error instanceof JiraError)) throw error;
      for (const message of new Set(error.errorMessages)) {
        // The spec's example answers `project = INVALID` with a warning, not an error: a value
        // that does not exist (or the caller cannot see) leaves the query well formed and valid.
        if (VALUE_MISSING.test(message)) warnings.push(message.replace(POSITION, ''));
        else errors.push(message);
      }
    }
  }
  const extra = {
    ...(errors.length > 0 ? { errors } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  if (errors.length > 0 && validation === 'strict') return { query, ...extra };
  return { query, structure: queryStructure(parsed), ...extra };
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
