/**
 * How long Ballast keeps what accumulates (issue #24 item 3): one stated retention per kind of
 * growing data, read by the daily retention job (src/app/retention), by README's "What Ballast
 * stores" table and by PRIVACY.md. Data that is replaced rather than accumulated (the project
 * configuration, one SLO status, one metrics snapshot per project) has no age and is not listed here.
 *
 * Nothing is removed that a figure still reads: the SLI history is kept at least as long as the
 * oldest push Ballast accepts (LIMITS.historyDays — older data is refused at the door because no
 * figure reads it) and never inside the window an SLO's roll-up needs (`sliKeepFrom`).
 */
import { LIMITS } from './limits';

const DAY_MS = 86_400_000;

export interface RetentionRule {
  /** Whole days a record is kept after its own time (below). */
  readonly days: number;
  /** What is kept, as people read it (README's table, the settings page). */
  readonly what: string;
  /** The stored kinds it governs (test/reliability/stored-data.test.ts INVENTORY). */
  readonly kinds: readonly string[];
  /** Which time of a record its age is counted from. */
  readonly from: string;
  /** Why this figure, in one sentence. */
  readonly why: string;
}

/** Two years: one yearly audit cycle looking back at the year before (Ballast's choice). */
const TWO_YEARS_DAYS = 730;

export const RETENTION = {
  sliDays: {
    days: LIMITS.historyDays.limit,
    what: 'SLI data (merged minutes per SLO and day)',
    kinds: ['sli-day', 'sli-daysum'],
    from: 'the end of the UTC day',
    why: 'The same figure as the oldest push accepted (LIMITS.historyDays): no figure reads older data; an SLO whose window reaches further keeps what its roll-up needs.',
  },
  deployments: {
    days: LIMITS.historyDays.limit,
    what: 'deployments pushed from CI/CD',
    kinds: ['deploy', 'deploy-id'],
    from: 'when it finished',
    why: 'DORA figures read at most 168 days back; older pushes are refused (LIMITS.historyDays).',
  },
  incidents: {
    days: LIMITS.historyDays.limit,
    what: 'incidents pushed from incident tools',
    kinds: ['incident'],
    from: 'when it was resolved (an open incident is kept while open)',
    why: 'Incident figures read the same history as deployments (LIMITS.historyDays).',
  },
  postmortemClaims: {
    days: LIMITS.historyDays.limit,
    what: 'markers of postmortems opened',
    kinds: ['postmortem'],
    from: 'the start of the budget-spending episode',
    why: 'An episode older than the SLI history can never be found again, so its claim cannot be needed.',
  },
  sprintSnapshots: {
    days: TWO_YEARS_DAYS,
    what: 'sprint commitment and outcome snapshots',
    kinds: ['sprint-commitment', 'sprint-outcome'],
    from: 'the sprint close (its start while it has no outcome)',
    why: 'Predictability and the sprint review read closed sprints; two years of sprints is far more than any chart shows.',
  },
  auditEntries: {
    days: TWO_YEARS_DAYS,
    what: 'audit log entries',
    kinds: ['planner-audit'],
    from: 'the entry’s time',
    why: 'Two years: a yearly audit can look back at the whole previous year.',
  },
} as const satisfies Record<string, RetentionRule>;

export type RetentionKind = keyof typeof RETENTION;

/** The first instant that is kept: records older than this are past their retention. */
export function retentionCutoff(kind: RetentionKind, now: number): number {
  return now - RETENTION[kind].days * DAY_MS;
}

/**
 * The first instant of an SLO's SLI history that is kept: the retention cutoff, or earlier when the
 * SLO's roll-up reads further back (`neededFrom`, src/app/slo/roll-up-slo.ts `sliNeededFrom`).
 */
export function sliKeepFrom(now: number, neededFrom: number | undefined): number {
  const cutoff = retentionCutoff('sliDays', now);
  return neededFrom === undefined ? cutoff : Math.min(cutoff, neededFrom);
}

/** Whether a whole UTC day (`YYYY-MM-DD`) ends before `keepFrom`; a malformed day is kept. */
export function dayEndsBefore(day: string, keepFrom: number): boolean {
  const start = Date.parse(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(start)) return false;
  return start + DAY_MS <= keepFrom;
}

/** Whether an ISO time is before the cutoff; a missing or unreadable time is kept. */
export function isBefore(iso: string | undefined | null, cutoff: number): boolean {
  if (iso === undefined || iso === null) return false;
  const at = Date.parse(iso);
  return !Number.isNaN(at) && at < cutoff;
}

/** README's retention table, row for row. */
export function retentionTable(): string {
  const rows = Object.values(RETENTION).map(
    (r) => `| ${r.what} | ${r.days.toLocaleString('en')} days | ${r.from} | ${r.why} |`,
  );
  return ['| data | kept | counted from | why |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
