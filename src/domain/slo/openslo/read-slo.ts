/**
 * Reads a `kind: SLO` document into an SloSpec (minus an `indicatorRef`, resolved by parse.ts).
 * Supported: one `timeWindow` (rolling whole days/weeks, or calendar month/quarter in a time zone;
 * absent: rolling 28d),
 * `budgetingMethod` Occurrences or Timeslices, one objective with `target` or `targetPercent`, and
 * for Timeslices a `timeSliceTarget` over 1-minute slices.
 */
import { parseDuration, DAY_MS } from '../duration';
import {
  DEFAULT_WINDOW,
  type BudgetingMethod,
  type RatioIndicator,
  type SloSpec,
  type SloWindow,
} from '../spec';
import { isTimeZone } from '../window';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalString,
  requiredName,
  requiredString,
  type FieldPath,
  type ReadContext,
  type YamlMap,
} from './context';
import { readIndicator } from './read-indicator';

export type SloDraft = Omit<SloSpec, 'indicator'> & { readonly indicator: RatioIndicator | null };

const SPEC = ['spec'];

export function readSlo(ctx: ReadContext, root: YamlMap): SloDraft | null {
  const meta = asMap(ctx, root.metadata, ['metadata']);
  const spec = asMap(ctx, root.spec, SPEC);
  if (!meta || !spec) return null;
  onlyFields(ctx, meta, ['metadata'], ['name', 'displayName']);
  const name = requiredName(ctx, meta, ['metadata']);
  if (name) ctx.document = ctx.document.replace(/\)$/, ` ${name})`);
  const displayName = optionalString(ctx, meta, 'displayName', ['metadata']);
  onlyFields(ctx, spec, SPEC, [
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
  ]);
  const description = optionalString(ctx, spec, 'description', SPEC);
  const service = requiredString(ctx, spec, 'service', SPEC);
  const indicatorRef = optionalString(ctx, spec, 'indicatorRef', SPEC);
  let indicator: RatioIndicator | null = null;
  if ((spec.indicator === undefined) === (indicatorRef === undefined)) {
    fail(
      ctx,
      SPEC,
      'needs exactly one of indicator (an inline SLI) or indicatorRef (the name of an SLI document)',
    );
  } else if (spec.indicator !== undefined) {
    const inline = asMap(ctx, spec.indicator, ['spec', 'indicator']);
    if (inline) {
      onlyFields(ctx, inline, ['spec', 'indicator'], ['metadata', 'spec']);
      indicator = readIndicator(ctx, inline.metadata, inline.spec, ['spec', 'indicator']);
    }
  }
  const window = readWindow(ctx, spec.timeWindow);
  const method = readMethod(ctx, spec.budgetingMethod);
  const objective = readObjective(ctx, spec.objectives, method);
  const inlineFailed = spec.indicator !== undefined && indicator === null;
  if (!name || !service || !window || !method || !objective || inlineFailed) return null;
  return {
    name,
    ...(displayName === undefined ? {} : { displayName }),
    ...(description === undefined ? {} : { description }),
    service,
    indicator,
    ...(indicatorRef === undefined ? {} : { indicatorRef }),
    target: objective.target,
    ...(objective.displayName === undefined ? {} : { objectiveDisplayName: objective.displayName }),
    ...(objective.asPercent ? { targetAsPercent: true } : {}),
    window,
    budgeting: objective.budgeting,
  };
}

function readWindow(ctx: ReadContext, value: unknown): SloWindow | null {
  const path: FieldPath = ['spec', 'timeWindow'];
  if (value === undefined) return DEFAULT_WINDOW;
  if (!Array.isArray(value) || value.length !== 1) {
    return fail(
      ctx,
      path,
      `must be a list of exactly one time window, got ${describeValue(value)}`,
    );
  }
  const at = [...path, 0];
  const tw = asMap(ctx, value[0], at);
  if (!tw) return null;
  onlyFields(ctx, tw, at, ['duration', 'isRolling', 'calendar']);
  const duration = requiredString(ctx, tw, 'duration', at);
  const rolling = tw.isRolling ?? tw.calendar === undefined;
  if (typeof rolling !== 'boolean')
    return fail(ctx, [...at, 'isRolling'], `must be true or false, got ${describeValue(rolling)}`);
  if (duration === null) return null;
  if (rolling) {
    if (tw.calendar !== undefined)
      return fail(ctx, [...at, 'calendar'], 'is only allowed with isRolling: false');
    const ms = /^\d+[dw]$/.test(duration) ? parseDuration(duration) : null;
    if (ms === null)
      return fail(
        ctx,
        [...at, 'duration'],
        `"${duration}" is not allowed for a rolling window: whole days or weeks, e.g. 28d, 30d, 4w`,
      );
    return { kind: 'rolling', days: ms / DAY_MS };
  }
  const unit = duration === '1M' ? 'month' : duration === '1Q' ? 'quarter' : null;
  if (unit === null)
    return fail(
      ctx,
      [...at, 'duration'],
      `"${duration}" is not allowed for a calendar window: 1M (month) or 1Q (quarter)`,
    );
  const calendar =
    tw.calendar === undefined
      ? fail(ctx, [...at, 'calendar'], 'is required for a calendar window: { startTime, timeZone }')
      : asMap(ctx, tw.calendar, [...at, 'calendar']);
  if (!calendar) return null;
  const cPath = [...at, 'calendar'];
  onlyFields(ctx, calendar, cPath, ['startTime', 'timeZone']);
  const startTime = requiredString(ctx, calendar, 'startTime', cPath);
  const timeZone = requiredString(ctx, calendar, 'timeZone', cPath);
  if (timeZone !== null && !isTimeZone(timeZone)) {
    return fail(
      ctx,
      [...cPath, 'timeZone'],
      `"${timeZone}" is not allowed: an IANA time zone such as UTC or Europe/Berlin`,
    );
  }
  const start = startTime === null ? null : /^\d{4}-(\d{2})-01 00:00:00$/.exec(startTime);
  const month = start ? Number(start[1]) : 0;
  if (
    startTime !== null &&
    (!start || month < 1 || month > 12 || (unit === 'quarter' && month % 3 !== 1))
  ) {
    const allowed =
      unit === 'month' ? 'the first of a month' : 'the first of January, April, July or October';
    return fail(
      ctx,
      [...cPath, 'startTime'],
      `"${startTime}" is not allowed: "YYYY-MM-DD 00:00:00" on ${allowed}`,
    );
  }
  if (startTime === null || timeZone === null) return null;
  return { kind: 'calendar', unit, timeZone, startTime };
}

function readMethod(ctx: ReadContext, value: unknown): 'Occurrences' | 'Timeslices' | null {
  if (value === 'Occurrences' || value === 'Timeslices') return value;
  return fail(
    ctx,
    ['spec', 'budgetingMethod'],
    `${describeValue(value)} is not allowed: Occurrences or Timeslices`,
  );
}

interface Objective {
  readonly target: number;
  readonly asPercent: boolean;
  readonly displayName?: string;
  readonly budgeting: BudgetingMethod;
}

function readObjective(ctx: ReadContext, value: unknown, method: string | null): Objective | null {
  const path: FieldPath = ['spec', 'objectives'];
  if (!Array.isArray(value) || value.length !== 1) {
    return fail(
      ctx,
      path,
      `must be a list of exactly one objective (Ballast budgets each SLO against one target), got ${describeValue(value)}`,
    );
  }
  const at = [...path, 0];
  const obj = asMap(ctx, value[0], at);
  if (!obj) return null;
  onlyFields(ctx, obj, at, [
    'displayName',
    'target',
    'targetPercent',
    'timeSliceTarget',
    'timeSliceWindow',
  ]);
  const displayName = optionalString(ctx, obj, 'displayName', at);
  let target: number | null = null;
  if ((obj.target === undefined) === (obj.targetPercent === undefined)) {
    fail(
      ctx,
      at,
      'needs exactly one of target (a fraction, e.g. 0.999) or targetPercent (e.g. 99.9)',
    );
  } else if (obj.target !== undefined) {
    target = fraction(
      ctx,
      obj.target,
      [...at, 'target'],
      'a number greater than 0 and less than 1, e.g. 0.999',
    );
  } else {
    const pct = fraction(
      ctx,
      typeof obj.targetPercent === 'number' ? fromPercent(obj.targetPercent) : obj.targetPercent,
      [...at, 'targetPercent'],
      'a number greater than 0 and less than 100, e.g. 99.9',
    );
    target = pct;
  }
  if (method === 'Occurrences') {
    for (const key of ['timeSliceTarget', 'timeSliceWindow']) {
      if (obj[key] !== undefined)
        fail(ctx, [...at, key], 'is only allowed with budgetingMethod: Timeslices');
    }
  }
  let budgeting: BudgetingMethod | null = method === 'Occurrences' ? { method } : null;
  if (method === 'Timeslices') {
    const slice =
      obj.timeSliceTarget === undefined
        ? fail(
            ctx,
            [...at, 'timeSliceTarget'],
            'is required for Timeslices: the share of good events that makes a minute good, greater than 0 and at most 1',
          )
        : sliceTarget(ctx, obj.timeSliceTarget, [...at, 'timeSliceTarget']);
    if (obj.timeSliceWindow !== undefined && obj.timeSliceWindow !== '1m') {
      fail(
        ctx,
        [...at, 'timeSliceWindow'],
        `${describeValue(obj.timeSliceWindow)} is not allowed: 1m (Ballast's SLI data is per minute)`,
      );
    } else if (slice !== null) budgeting = { method, sliceTarget: slice };
  }
  if (target === null || budgeting === null) return null;
  return {
    target,
    asPercent: obj.targetPercent !== undefined,
    ...(displayName === undefined ? {} : { displayName }),
    budgeting,
  };
}

function fraction(
  ctx: ReadContext,
  value: unknown,
  path: FieldPath,
  allowed: string,
): number | null {
  if (typeof value === 'number' && value > 0 && value < 1) return value;
  const shown =
    path[path.length - 1] === 'targetPercent' && typeof value === 'number' ? value * 100 : value;
  return fail(ctx, path, `${describeValue(shown)} is not allowed: ${allowed}`);
}

function sliceTarget(ctx: ReadContext, value: unknown, path: FieldPath): number | null {
  if (typeof value === 'number' && value > 0 && value <= 1) return value;
  return fail(
    ctx,
    path,
    `${describeValue(value)} is not allowed: a number greater than 0 and at most 1`,
  );
}

/** 99.9 → 0.999 without the binary rounding of 99.9 / 100 (0.9990000000000001). */
export function fromPercent(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}

export function toPercent(fraction: number): number {
  return Number((fraction * 100).toPrecision(15));
}
