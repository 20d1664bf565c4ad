/**
 * Ballast's signed push API: the web triggers that take SLI data, deployments and incidents from
 * outside Jira (the `ballast` CLI, CI/CD pipelines, curl). Shared by the web-trigger handlers
 * (src/entry/webtriggers) and the CLI (src/cli), so both sides agree on every byte.
 *
 * Authentication (Forge web triggers have none built in): each request carries
 *   X-Ballast-Timestamp: <Unix seconds>
 *   X-Ballast-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 * The scheme follows Stripe's and Slack's webhook signatures: the timestamp inside the signed text
 * lets the receiver refuse stale requests (older or newer than MAX_CLOCK_SKEW_SECONDS), and the
 * batch id makes a replayed request within that window a harmless duplicate.
 */
import { z } from 'zod';
import { LIMITS } from '../domain/limits';
import { MAX_SLI_COUNT } from '../domain/slo/sli-interval';

export const TIMESTAMP_HEADER = 'x-ballast-timestamp';
export const SIGNATURE_HEADER = 'x-ballast-signature';
export const SIGNATURE_VERSION = 'v1';
/**
 * Five minutes either way, as Stripe's and Slack's webhook checks allow; the same figure bounds how
 * far in the future a pushed time may be (src/domain/limits.ts, futureSkewMinutes).
 */
export const MAX_CLOCK_SKEW_SECONDS = LIMITS.futureSkewMinutes.limit * 60;
/** Far below Forge's invocation payload limit, and one batch still fits one storage value. */
export const MAX_PUSH_BODY_BYTES = LIMITS.pushBodyBytes.limit;
/** 2,000 one-minute points: a day and a half of one SLO, or 33 hours of three, per request. */
export const MAX_SLI_POINTS_PER_BATCH = LIMITS.sliPoints.limit;

/** The text the signature is computed over. */
export function signingInput(timestamp: string, rawBody: string): string {
  return `${timestamp}.${rawBody}`;
}

/** OpenSLO `metadata.name`: a DNS label (lower case, digits, inner hyphens, ≤ 63 characters). */
export const SLO_NAME_PATTERN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;

const isoInstant = z.iso.datetime({ offset: true });
/** An ISO instant on a whole minute (seconds and fractions zero). */
const isoMinute = isoInstant.refine((s) => Date.parse(s) % 60_000 === 0, {
  message: 'must be on a whole minute (seconds = 0)',
});
/**
 * An event count: a whole number from 0 to MAX_SLI_COUNT (a billion), so every sum the engine
 * takes stays exact and finite (src/domain/slo/sli-interval.ts). 1e308 or 1.5 is refused, naming
 * the field, before anything is stored.
 */
const count = z
  .number({ message: 'must be a number' })
  .int('must be a whole number of events')
  .nonnegative('must not be negative')
  .max(MAX_SLI_COUNT, `must be at most ${MAX_SLI_COUNT.toLocaleString('en')} events per interval`);
const id = z.string().regex(ID_PATTERN, 'must be 1–128 characters of A–Z a–z 0–9 . _ : -');

/**
 * One point of SLI data: a minute's (or longer interval's) good and total event counts, or — for an
 * SLO with a threshold (latency) SLI — one minute's raw `value`, e.g. that minute's p99 latency in
 * seconds. OpenSLO compares a `thresholdMetric`'s raw data with the objective ("Raw data is used to
 * compare objectives (threshold) values", README "Notes (SLI)"; `op` is the "operator used to
 * compare the SLI against the value", "Notes (Objectives)"), so the app turns a value into one
 * event, good when `value op threshold` (src/domain/slo/threshold.ts).
 */
export const sliPointSchema = z
  .object({
    slo: z.string().regex(SLO_NAME_PATTERN, 'must be an OpenSLO name (e.g. checkout-availability)'),
    start: isoMinute,
    end: isoMinute,
    good: count.optional(),
    total: count.optional(),
    value: z
      .number({ message: 'must be a number (the minute’s value, e.g. p99 in seconds)' })
      .optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    if (p.value !== undefined) {
      if (p.good !== undefined || p.total !== undefined)
        issue(
          'value',
          'give either value (a threshold SLI’s data point) or good and total, not both',
        );
      else if (Date.parse(p.end) - Date.parse(p.start) !== 60_000)
        issue('end', 'a value is one minute’s data point: end must be start + 1 minute');
      return;
    }
    if (p.good === undefined) issue('good', 'is required (or value, for a threshold SLI)');
    if (p.total === undefined) issue('total', 'is required (or value, for a threshold SLI)');
    if (Date.parse(p.end) <= Date.parse(p.start)) issue('end', 'end must be after start');
    if (p.good !== undefined && p.total !== undefined && p.good > p.total)
      issue('good', 'good must not exceed total');
  });

/** POST to the SLI web trigger. */
export const sliBatchSchema = z
  .object({
    batchId: id,
    points: z.array(sliPointSchema).min(1).max(MAX_SLI_POINTS_PER_BATCH),
  })
  .strict();

export type SliPoint = z.infer<typeof sliPointSchema>;
/** A point with counts (any SLO). */
export type SliCountPoint = SliPoint & { readonly good: number; readonly total: number };
/** A threshold SLI's raw value for one minute. */
export type SliValuePoint = Omit<SliPoint, 'good' | 'total'> & { readonly value: number };
export type SliBatch = z.infer<typeof sliBatchSchema>;

/** POST to the deployments web trigger: one finished deployment (DORA deployment frequency…). */
export const deploymentSchema = z
  .object({
    id,
    service: z.string().min(1).max(100),
    environment: z.string().min(1).max(50),
    status: z.enum(['success', 'failed', 'rolled_back']),
    startedAt: isoInstant.optional(),
    finishedAt: isoInstant,
    issueKeys: z
      .array(z.string().regex(ISSUE_KEY_PATTERN, 'must be a Jira issue key like SHOP-42'))
      .max(100)
      .default([]),
  })
  .strict();

export type DeploymentPush = z.infer<typeof deploymentSchema>;

/** POST to the incidents web trigger: an incident tracked outside Jira (opened or updated). */
export const incidentSchema = z
  .object({
    id,
    service: z.string().min(1).max(100),
    title: z.string().min(1).max(255),
    startedAt: isoInstant,
    detectedAt: isoInstant.optional(),
    resolvedAt: isoInstant.optional(),
    /** The deployment that caused it, if known (change failure rate). */
    deploymentId: id.optional(),
  })
  .strict();

export type IncidentPush = z.infer<typeof incidentSchema>;

/** Every answer of the push API is JSON of one of these shapes. */
export type PushResponse =
  | {
      readonly ok: true;
      /** Items stored by this request (0 for a duplicate). */
      readonly accepted: number;
      /**
       * The batch/deployment/incident id was seen before with the same content; nothing was stored
       * twice. Of identical pushes at the same moment exactly one answers `duplicate: false`.
       */
      readonly duplicate: boolean;
    }
  | {
      readonly ok: false;
      readonly error: {
        readonly code:
          | 'UNAUTHORIZED'
          | 'STALE'
          | 'TOO_LARGE'
          | 'BAD_REQUEST'
          | 'UNKNOWN_SLO'
          /** The gate check named a project Ballast has no SLOs for, or a service no SLO is about. */
          | 'UNKNOWN_PROJECT'
          | 'UNKNOWN_SERVICE'
          | 'METHOD_NOT_ALLOWED'
          /** 409: the batch or deployment id was pushed before with other content. */
          | 'CONFLICT'
          /** 503: a concurrent request is storing the same id right now; send it again shortly. */
          | 'IN_PROGRESS'
          | 'INTERNAL';
        readonly message: string;
        /** Where the problem is, e.g. `points[3].good`. */
        readonly field?: string;
      };
    };

/** GET on the SLI web trigger (signed over an empty body): where each SLO's data ends, to resume. */
export interface SliStatusResponse {
  readonly ok: true;
  readonly slos: readonly {
    readonly slo: string;
    /** End of the last stored minute, or null when no data has arrived yet. */
    readonly dataUntil: string | null;
  }[];
}
