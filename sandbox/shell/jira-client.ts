/**
 * The shell's view of Jira: plain REST calls to the emulator as the selected user, so what a page
 * shows is exactly what that person may see (Jira's permissions, not the shell's).
 */
import { ACCOUNT_HEADER } from '../jira';

export class JiraCallError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface JiraClient {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

function messageOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: string[] };
    if (body.errorMessages !== undefined && body.errorMessages.length > 0)
      return body.errorMessages.join(' ');
  } catch {
    // not Jira's error shape: fall back to the status
  }
  return `Jira answered ${status}.`;
}

export function jiraAs(jiraUrl: string, accountId: string): JiraClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${jiraUrl}${path}`, {
      method,
      headers: {
        [ACCOUNT_HEADER]: accountId,
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new JiraCallError(response.status, messageOf(response.status, text));
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
