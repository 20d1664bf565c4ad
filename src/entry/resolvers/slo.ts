/**
 * Resolvers of the project's SLOs and the push API settings: `slo/list`, `slo/import`, `slo/save`,
 * `slo/delete`, `slo/export`, `push/get`, `push/rotateSecret` (src/contract/slo.ts). Changes need
 * the project-admin permission, checked in the use cases.
 */
import { LIMITS, atMost } from '../../domain/limits';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../app/errors';
import {
  getPushSettings,
  rotatePushSecret,
  type PushSettingsDeps,
} from '../../app/push/push-secret';
import {
  deleteSlo,
  exportSlos,
  importSlos,
  listSlos,
  saveSlo,
  type SloSettingsDeps,
} from '../../app/slo/slo-settings';
import { FIELD_LABELS } from '../../app/slo/slo-form';
import type { SloContract, SloDefinition, SloField } from '../../contract/slo';
import type { Clock } from '../../ports/clock';
import { projectContext, readPayload } from './context';

type Handlers = {
  [K in keyof SloContract]: (
    payload: unknown,
    context: unknown,
  ) => Promise<SloContract[K]['response']>;
};

/** 1 MiB of YAML is far more than 100 SLOs need. */
const importSchema = z.object({
  yaml: z.string().max(1024 * 1024),
  version: z.number().int().min(0),
  confirmDeletes: z.array(z.string().max(100)).max(100).optional(),
});

/**
 * The form's SLO, checked for shape and ranges here; what OpenSLO allows (name format, window,
 * time zone, …) is checked by the importer's reader in the use case.
 */
const percent = (what: string) =>
  z
    .number({ error: `is required: ${what}` })
    .gt(0, { error: 'must be more than 0%' })
    .lt(100, { error: 'must be less than 100%' })
    .nullable()
    .refine((value) => value !== null, { error: `is required: ${what}` });
/** A source's type is required where it is used (ratio or threshold), checked below. */
const source = () =>
  z.object({
    type: z.string().trim().max(100),
    query: z
      .string()
      .trim()
      .max(LIMITS.sloQuery.limit, { error: `is too long: ${atMost('sloQuery')}` }),
  });
const TYPE_REQUIRED = 'is required: the metric source type, e.g. Prometheus';
const thresholdSchema = source().extend({
  op: z.enum(['lt', 'lte', 'gt', 'gte'], { error: 'must be one of <, ≤, >, ≥ (lt, lte, gt, gte)' }),
  value: z
    .number({ error: 'is required: the number each data point is compared with, e.g. 0.3' })
    .nullable()
    .refine((value) => value !== null, {
      error: 'is required: the number each data point is compared with, e.g. 0.3',
    }),
});
const definitionSchema = z
  .object({
    name: z.string().max(63, { error: 'is too long: at most 63 characters' }),
    displayName: z
      .string()
      .max(LIMITS.sloText.limit, { error: `is too long: ${atMost('sloText')}` }),
    description: z
      .string()
      .max(LIMITS.sloDescription.limit, { error: `is too long: ${atMost('sloDescription')}` }),
    service: z.string().max(LIMITS.sloText.limit, { error: `is too long: ${atMost('sloText')}` }),
    indicatorKind: z.enum(['ratio', 'threshold']).optional(),
    threshold: thresholdSchema.optional(),
    counts: z.enum(['good', 'bad']),
    numerator: source(),
    total: source(),
    counter: z.boolean(),
    targetPercent: percent('the objective as a percentage, e.g. 99.9'),
    window: z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('rolling'),
        days: z
          .number({ error: 'is required: whole days, e.g. 28 or 30' })
          .int({ error: 'must be whole days, e.g. 28 or 30' })
          .min(1, { error: 'must be at least 1 day' })
          .max(LIMITS.rollingWindowDays.limit, {
            error: `must be ${atMost('rollingWindowDays')}`,
          })
          .nullable()
          .refine((value) => value !== null, { error: 'is required: whole days, e.g. 28 or 30' }),
      }),
      z.object({
        kind: z.literal('calendar'),
        unit: z.enum(['month', 'quarter']),
        timeZone: z.string().trim().max(100),
        startMonth: z
          .string()
          .regex(/^\d{4}-\d{2}$/, { error: 'is required: a month as YYYY-MM, e.g. 2026-01' }),
      }),
    ]),
    budgetingMethod: z.enum(['Occurrences', 'Timeslices']),
    timeSlicePercent: z
      .number()
      .gt(0, { error: 'must be more than 0%' })
      .max(100, { error: 'must be at most 100%' })
      .nullable(),
  })
  .superRefine((slo, ctx) => {
    if (slo.budgetingMethod === 'Timeslices' && slo.timeSlicePercent === null)
      ctx.addIssue({
        code: 'custom',
        path: ['timeSlicePercent'],
        message: 'is required for Timeslices: the share of good events that makes a minute good',
      });
    if (slo.indicatorKind === 'threshold') {
      const threshold = slo.threshold;
      if (threshold === undefined)
        ctx.addIssue({ code: 'custom', path: ['threshold', 'type'], message: TYPE_REQUIRED });
      else if (threshold.type === '')
        ctx.addIssue({ code: 'custom', path: ['threshold', 'type'], message: TYPE_REQUIRED });
      // The Prometheus connector needs the query whose per-minute value is the data point.
      else if (threshold.type.toLowerCase() === 'prometheus' && threshold.query === '')
        ctx.addIssue({
          code: 'custom',
          path: ['threshold', 'query'],
          message:
            'is required: the PromQL expression of the value, e.g. histogram_quantile(0.99, …)',
        });
      return;
    }
    for (const role of ['numerator', 'total'] as const)
      if (slo[role].type === '')
        ctx.addIssue({ code: 'custom', path: [role, 'type'], message: TYPE_REQUIRED });
    // The Prometheus connector (`ballast sli sync`) needs both queries to read the SLI.
    for (const role of ['numerator', 'total'] as const) {
      if (slo[role].type.toLowerCase() === 'prometheus' && slo[role].query === '')
        ctx.addIssue({
          code: 'custom',
          path: [role, 'query'],
          message: `is required: the PromQL expression that counts ${role === 'total' ? 'all' : slo.counts} events`,
        });
    }
  });

/** Reads the form's SLO; a refusal names the field (as `error.field`) and says it by its label. */
function readSloDefinition(raw: unknown): SloDefinition {
  const parsed = definitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') ?? '';
  const field = Object.hasOwn(FIELD_LABELS, path) ? (path as SloField) : null;
  const label = field === null ? path || 'The SLO' : FIELD_LABELS[field];
  throw new AppError('BAD_REQUEST', `${label}: ${issue?.message ?? 'is not valid'}.`, {
    field: field ?? (path || '(payload)'),
  });
}

const saveSchema = z.object({
  originalName: z.string().max(100).nullable(),
  slo: z.unknown(),
  version: z.number().int().min(0),
});

const deleteSchema = z.object({
  name: z.string().min(1).max(100),
  version: z.number().int().min(0),
});

const projectOf = (raw: unknown) => projectContext(raw, "Ballast's SLO settings from a project");

export function sloResolvers(deps: {
  sloDeps: () => SloSettingsDeps;
  pushDeps: () => PushSettingsDeps;
  clock: Clock;
}): Handlers {
  return {
    'slo/list': (_payload, context) => listSlos(deps.sloDeps(), projectOf(context).projectKey),
    'slo/import': (payload, context) => {
      const { accountId, projectKey } = projectOf(context);
      const input = readPayload(importSchema, payload);
      return importSlos(deps.sloDeps(), {
        projectKey,
        yaml: input.yaml,
        version: input.version,
        ...(input.confirmDeletes === undefined ? {} : { confirmDeletes: input.confirmDeletes }),
        actor: { accountId, at: deps.clock.now() },
      });
    },
    'slo/save': (payload, context) => {
      const { accountId, projectKey } = projectOf(context);
      const input = readPayload(saveSchema, payload);
      return saveSlo(deps.sloDeps(), {
        projectKey,
        originalName: input.originalName,
        definition: readSloDefinition(input.slo),
        version: input.version,
        actor: { accountId, at: deps.clock.now() },
      });
    },
    'slo/delete': (payload, context) => {
      const { accountId, projectKey } = projectOf(context);
      const input = readPayload(deleteSchema, payload);
      return deleteSlo(deps.sloDeps(), {
        projectKey,
        name: input.name,
        version: input.version,
        actor: { accountId, at: deps.clock.now() },
      });
    },
    'slo/export': (_payload, context) => exportSlos(deps.sloDeps(), projectOf(context).projectKey),
    'push/get': (_payload, context) =>
      getPushSettings(deps.pushDeps(), projectOf(context).projectKey, deps.clock.now()),
    'push/rotateSecret': (_payload, context) =>
      rotatePushSecret(deps.pushDeps(), {
        projectKey: projectOf(context).projectKey,
        // 256 random bits, the HMAC-SHA256 key length (RFC 2104 §3 recommends ≥ the hash output).
        fresh: randomBytes(32).toString('hex'),
        now: deps.clock.now(),
      }),
  };
}
