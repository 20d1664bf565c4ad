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

/**
 * Jira's words for a refusal: its `errorMessages` (a workflow validator's message is one) and the
 * per-field `errors`, or the status when the body is not Jira's error shape.
 */
export function messageOf(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { errorMessages?: unknown; errors?: unknown } | null;
    const listed: unknown[] = Array.isArray(body?.errorMessages) ? body.errorMessages : [];
    const perField: unknown[] =
      typeof body?.errors === 'object' && body.errors !== null ? Object.values(body.errors) : [];
    const messages = [...listed, ...perField].filter(
      (m): m is string => typeof m === 'string' && m !== '',
    );
    if (messages.length > 0) return messages.join(' ');
  } catch {
    // not Jira's error shape: fall back to the status
  }
  return `Jira answered ${status}.`;
}

/**
 * The shell's own reads ride out the fault knobs the way Jira's UI does: a 429 or 5xx is retried
 * (honouring Retry-After, capped so a page never stalls long) and a call left hanging is given up
 * after a few seconds and tried again. The app's calls get no such help: they face the faults.
 */
const ATTEMPTS = 4;
const CALL_TIMEOUT_MS = 8_000;
const MAX_WAIT_MS = 2_000;
const retryable = (status: number) => status === 429 || status >= 500;
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

function waitBefore(response: Response, attempt: number): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Math.min(
    Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 200 * attempt,
    MAX_WAIT_MS,
  );
}

export function jiraAs(jiraUrl: string, accountId: string): JiraClient {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    for (let attempt = 1; ; attempt += 1) {
      let response: Response;
      try {
        response = await fetch(`${jiraUrl}${path}`, {
          method,
          headers: {
            [ACCOUNT_HEADER]: accountId,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(CALL_TIMEOUT_MS),
        });
      } catch (error) {
        if (attempt < ATTEMPTS) continue;
        throw new JiraCallError(504, `Jira did not answer ${method} ${path}: ${String(error)}`);
      }
      const text = await response.text();
      if (retryable(response.status) && attempt < ATTEMPTS) {
        await sleep(waitBefore(response, attempt));
        continue;
      }
      if (!response.ok) throw new JiraCallError(response.status, messageOf(response.status, text));
      return (text === '' ? undefined : JSON.parse(text)) as T;
    }
  };
  return {
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
  };
}
