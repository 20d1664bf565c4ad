import type { z } from 'zod';

/**
 * Thrown when domain data (rules, a policy, plan items) breaks a rule of its shape. `problems` holds
 * one sentence per broken rule, each naming where it is and what is allowed, so a settings page can
 * list them all at once instead of fixing one error per save.
 */
export class ValidationError extends Error {
  readonly problems: readonly string[];

  constructor(subject: string, problems: readonly string[]) {
    super(`Invalid ${subject}: ${problems.join('; ')}`);
    this.name = 'ValidationError';
    this.problems = problems;
  }
}

/** `when.all.0.anyOf` — the dotted path a person can find in the JSON or YAML they wrote. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Turns zod's issues into sentences. `locate` names the thing a path points into (e.g. `rule
 * "bugs" (#1)`) and returns the rest of the path, so messages read as "rule "bugs" (#1), field
 * "when.anyOf": must list at least one value".
 */
export function describeZodIssues(
  error: z.ZodError,
  locate: (path: readonly PropertyKey[]) => { where: string; rest: readonly PropertyKey[] },
): string[] {
  return error.issues.map((issue) => {
    const { where, rest } = locate(issue.path);
    const field = rest.length > 0 ? `, field "${fieldPath(rest)}"` : '';
    return `${where}${field}: ${issue.message}`;
  });
}

/**
 * Quotes what a person typed in a problem sentence, cut to 40 characters: a refusal names the value
 * without echoing 300 kB of it back.
 */
export function quoted(text: string): string {
  const chars = [...text];
  return `"${chars.length > 40 ? `${chars.slice(0, 40).join('')}…` : text}"`;
}

/**
 * Where a problem sentence says the problem is, for `error.field`: up to its `field "…"` when it
 * names one (`rule "bugs" (#1), field "when.anyOf"`), otherwise what comes before its first colon
 * (`rules`, `incidentJql`, `config`).
 */
export function problemField(problem: string): string {
  const named = /^(.*?field "[^"]*")/.exec(problem);
  if (named?.[1] !== undefined) return named[1];
  const colon = problem.indexOf(': ');
  return colon === -1 ? problem : problem.slice(0, colon);
}
