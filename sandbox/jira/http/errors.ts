/**
 * Jira's error shape, `{ errorMessages: string[], errors: { field: message } }` (the spec's
 * ErrorCollection). Routes throw JiraError; the server turns it into the response in one place.
 */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: string[],
    readonly errors: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
  }

  body(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: this.errorMessages, errors: this.errors };
  }
}

export const badRequest = (message: string): JiraError => new JiraError(400, [message]);

export const fieldError = (field: string, message: string): JiraError =>
  new JiraError(400, [], { [field]: message });

/** Jira answers 404, not 403, for an issue the caller cannot browse: it does not reveal it exists. */
export const issueNotFound = (): JiraError =>
  new JiraError(404, ['Issue does not exist or you do not have permission to see it.']);

export const forbidden = (message: string): JiraError => new JiraError(403, [message]);
