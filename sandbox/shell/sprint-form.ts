/**
 * The fields of Jira's Start sprint and Complete sprint dialogs, read from the posted form and
 * checked as the dialogs check them before anything is sent to Jira. Dates are whole minutes in
 * UTC (`datetime-local` values): the sandbox's people have no profile time zone to apply.
 */
import { HttpError } from './http-util';

/** Jira's duration choices: 1–4 weeks, or custom (the end date is then typed in). */
export const DURATIONS = ['1', '2', '3', '4', 'custom'] as const;
export type Duration = (typeof DURATIONS)[number];
export const DURATION_LABELS: Record<Duration, string> = {
  '1': '1 week',
  '2': '2 weeks',
  '3': '3 weeks',
  '4': '4 weeks',
  custom: 'Custom',
};

const WEEK_MS = 7 * 24 * 3600 * 1000;
const NAME_MAX = 255; // the Agile API's limit on a sprint name

/** What the Start dialog shows: the person's input as typed (so a refusal keeps it). */
export interface StartSprintValues {
  name: string;
  duration: Duration;
  /** `YYYY-MM-DDTHH:mm`, UTC. */
  startDate: string;
  endDate: string;
  goal: string;
}

export type StartField = keyof StartSprintValues;

export type StartSprintInput =
  | { ok: true; values: StartSprintValues; startIso: string; endIso: string }
  | { ok: false; values: StartSprintValues; errors: Partial<Record<StartField, string>> };

/** A `datetime-local` value (UTC) from an instant. */
export const minuteOf = (ms: number): string => new Date(ms).toISOString().slice(0, 16);

const instant = (value: string): number | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return undefined;
  const ms = Date.parse(`${value}:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
};

const isDuration = (value: string): value is Duration =>
  (DURATIONS as readonly string[]).includes(value);

/** The end a fixed duration gives (custom keeps the end typed in). */
export function endFor(startDate: string, duration: Duration, typedEnd: string): string {
  const start = instant(startDate);
  if (duration === 'custom' || start === undefined) return typedEnd;
  return minuteOf(start + Number(duration) * WEEK_MS);
}

const MINUTE_MS = 60_000;

/**
 * The dialog's first values: the sprint's name and goal, starting now for two weeks. "Now" is
 * rounded up to the next whole minute (the field has no seconds): rounded down, the start would
 * fall before issues moved into the sprint moments earlier — those a Complete sprint just carried
 * over — and the planner and the metrics would count them as added after the start.
 */
export function startDefaults(sprint: { name: string; goal?: string }, nowMs: number) {
  const startDate = minuteOf(Math.ceil(nowMs / MINUTE_MS) * MINUTE_MS);
  return {
    name: sprint.name,
    duration: '2' as Duration,
    startDate,
    endDate: endFor(startDate, '2', ''),
    goal: sprint.goal ?? '',
  };
}

export function parseStartForm(form: URLSearchParams): StartSprintInput {
  const duration = form.get('duration') ?? '';
  const values: StartSprintValues = {
    name: (form.get('name') ?? '').trim(),
    duration: isDuration(duration) ? duration : 'custom',
    startDate: form.get('startDate') ?? '',
    endDate: form.get('endDate') ?? '',
    goal: (form.get('goal') ?? '').trim(),
  };
  // A fixed duration decides the end, as in Jira's dialog (the end field is then read-only).
  values.endDate = endFor(values.startDate, values.duration, values.endDate);
  const errors: Partial<Record<StartField, string>> = {};
  if (values.name === '') errors.name = 'Enter a sprint name.';
  else if (values.name.length > NAME_MAX)
    errors.name = `Keep the sprint name to ${NAME_MAX} characters.`;
  if (!isDuration(duration)) errors.duration = 'Choose a duration.';
  const start = instant(values.startDate);
  const end = instant(values.endDate);
  if (start === undefined) errors.startDate = 'Enter a start date and time.';
  if (end === undefined) errors.endDate = 'Enter an end date and time.';
  else if (start !== undefined && end <= start)
    errors.endDate = 'The end date must be after the start date.';
  if (Object.keys(errors).length > 0 || start === undefined || end === undefined)
    return { ok: false, values, errors };
  return {
    ok: true,
    values,
    startIso: new Date(start).toISOString(),
    endIso: new Date(end).toISOString(),
  };
}

/** Where the open issues of a completed sprint go: Jira's three choices. */
export type OpenIssuesTarget =
  { kind: 'backlog' } | { kind: 'sprint'; sprintId: number } | { kind: 'new' };

export function parseCompleteForm(form: URLSearchParams): OpenIssuesTarget {
  const value = form.get('moveTo') ?? 'backlog';
  if (value === 'backlog') return { kind: 'backlog' };
  if (value === 'new') return { kind: 'new' };
  if (/^\d+$/.test(value)) return { kind: 'sprint', sprintId: Number(value) };
  throw new HttpError(
    400,
    'Choose where the open issues go: the backlog, a sprint or a new sprint.',
  );
}

export const targetValue = (target: OpenIssuesTarget): string =>
  target.kind === 'sprint' ? String(target.sprintId) : target.kind;
