/** Validates an inbound JSON body with zod; a mismatch is Jira's 400 naming the field. */
import type { z } from 'zod';
import { JiraError } from './errors';

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length === 0 ? 'body' : issue.path.map(String).join('.');
    errors[field] ??= issue.message;
  }
  throw new JiraError(400, [], errors);
}
