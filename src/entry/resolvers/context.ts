/**
 * The Forge invocation context a resolver receives (`req.context`), checked at the boundary:
 * resolvers take the acting account and the project/issue they run in from here, never from the
 * payload the browser sent.
 */
import { z } from 'zod';
import { AppError } from '../../app/errors';

const contextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z
    .looseObject({
      project: z
        .looseObject({ key: z.string(), id: z.union([z.string(), z.number()]).optional() })
        .optional(),
      issue: z
        .looseObject({ key: z.string(), id: z.union([z.string(), z.number()]).optional() })
        .optional(),
    })
    .optional(),
});

export interface ResolverContext {
  readonly accountId: string;
  readonly projectKey?: string;
  readonly issueKey?: string;
}

export function readContext(raw: unknown): ResolverContext {
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success || !parsed.data.accountId) {
    throw new AppError(
      'FORBIDDEN',
      'Ballast needs a signed-in Jira user for this. Log in and reload the page.',
    );
  }
  const { accountId, extension } = parsed.data;
  return {
    accountId,
    ...(extension?.project ? { projectKey: extension.project.key } : {}),
    ...(extension?.issue ? { issueKey: extension.issue.key } : {}),
  };
}

/** Reads and validates a resolver payload; a bad one is refused naming the field. */
export function readPayload<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || '(payload)';
  throw new AppError('BAD_REQUEST', `Invalid request: ${field}: ${issue?.message ?? 'invalid'}.`, {
    field,
  });
}

/**
 * The acting account and the project of a module that only makes sense inside a project; `where`
 * names it for the person, e.g. "the sprint planner from a project board".
 */
export function projectContext(
  raw: unknown,
  where: string,
): { accountId: string; projectKey: string } {
  const context = readContext(raw);
  if (!context.projectKey)
    throw new AppError('BAD_REQUEST', `Open ${where}: no project in this context.`);
  return { accountId: context.accountId, projectKey: context.projectKey };
}
