/**
 * SLI data and deployments of the demo's second and third teams (sandbox/jira/seed/teams.ts).
 *
 * Budget arithmetic, 28-day windows:
 * - payments-availability (99.9%, ~300 requests a minute): ≈ 12 M requests allow ≈ 12 k failures;
 *   a steady 0.02% error rate spends ≈ 20% of it — HEALTHY, budget ≈ 80% left.
 * - pipeline-availability (99.5%, ~40 jobs a minute): ≈ 1.6 M jobs allow ≈ 8 k failures; a steady
 *   0.1% spends ≈ 20%, and a runner outage two days ago (600 minutes at 40% failing ≈ 9.6 k) spends
 *   the rest and more — FROZEN.
 */
import { Rng } from '../jira/seed/prng';
import { SEED_DAYS, type SliPointDraft } from './sli-traffic';

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface TeamTraffic {
  readonly projectKey: string;
  readonly slo: string;
  readonly service: string;
  readonly perMinute: number;
  readonly errorRate: number;
  /** An outage: days before the data's last day, UTC start hour, minutes, share failing. */
  readonly outage: {
    daysAgo: number;
    startHourUtc: number;
    minutes: number;
    errorRate: number;
  } | null;
  /** One deployment in `failEvery` fails. */
  readonly failEvery: number;
}

export const TEAM_TRAFFIC: readonly TeamTraffic[] = [
  {
    projectKey: 'PAY',
    slo: 'payments-availability',
    service: 'payments',
    perMinute: 300,
    errorRate: 0.0002,
    outage: null,
    failEvery: 20,
  },
  {
    projectKey: 'OPS',
    slo: 'pipeline-availability',
    service: 'build-pipeline',
    perMinute: 40,
    errorRate: 0.001,
    outage: { daysAgo: 2, startHourUtc: 8, minutes: 600, errorRate: 0.4 },
    failEvery: 5,
  },
];

export function outageSpan(end: number, team: TeamTraffic): { start: number; end: number } | null {
  if (team.outage === null) return null;
  const start =
    Math.floor(end / DAY) * DAY - team.outage.daysAgo * DAY + team.outage.startHourUtc * 3_600_000;
  return { start, end: start + team.outage.minutes * MINUTE };
}

/** Every minute of the last SEED_DAYS days before `end`, oldest first. */
export function teamSli(end: number, team: TeamTraffic): SliPointDraft[] {
  const rng = new Rng(team.perMinute * 1_000 + team.slo.length);
  const outage = outageSpan(end, team);
  const points: SliPointDraft[] = [];
  for (let m = SEED_DAYS * 1440; m > 0; m -= 1) {
    const start = end - m * MINUTE;
    const hour = (start % DAY) / 3_600_000;
    const curve = 1 + 0.5 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
    const total = Math.max(1, Math.round(team.perMinute * curve * (0.95 + 0.1 * rng.float())));
    const inOutage = outage !== null && start >= outage.start && start < outage.end;
    const failed = inOutage
      ? Math.round(total * team.outage!.errorRate)
      : // Stochastic rounding (floor(x + U) has mean x): a rate below one failure a minute still counts.
        Math.min(total, Math.floor(total * team.errorRate * 2 * rng.float() + rng.float()));
    points.push({ slo: team.slo, start, end: start + MINUTE, good: total - failed, total });
  }
  return points;
}

/** One production deployment each working day of the last 24 before `end`'s day. */
export function teamDeployments(end: number, team: TeamTraffic) {
  const list = [];
  let n = 0;
  for (let day = 34; day >= 1; day -= 1) {
    const date = new Date(end - day * DAY);
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const finishedAt = Date.UTC(
      date.getUTCFullYear(),
      date.getUTCMonth(),
      date.getUTCDate(),
      11,
      30,
    );
    n += 1;
    list.push({
      id: `demo-${team.service}-${n}`,
      service: team.service,
      environment: 'production',
      status: n % team.failEvery === 3 ? 'failed' : 'success',
      startedAt: new Date(finishedAt - 12 * MINUTE).toISOString(),
      finishedAt: new Date(finishedAt).toISOString(),
    });
  }
  return list.slice(-24);
}
