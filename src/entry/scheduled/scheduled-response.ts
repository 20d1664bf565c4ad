/**
 * What a scheduled trigger function returns. The platform expects `{ statusCode }` (plus optional
 * body, headers, statusText), counts 204 as success, and records anything else shaped differently
 * as an error with status 424 (developer.atlassian.com/platform/forge/events-reference/scheduled-trigger,
 * "Response"). The module page says a returned value is ignored; answering 204 satisfies both.
 * Failures are thrown (the platform's error path) or logged where the job keeps going.
 */
export interface ScheduledTriggerResponse {
  readonly statusCode: 204;
}

export const SCHEDULED_DONE: ScheduledTriggerResponse = { statusCode: 204 };
