/**
 * Reads a `kind: SLO` document into an SloSpec (minus an `indicatorRef`, resolved by parse.ts).
 * The time window is read by read-window.ts, the budgeting method and objective by read-objective.ts,
 * `alertPolicies` and the alert-table annotation by read-alerting.ts.
 */
import type { SloIndicator, SloSpec } from '../spec';
import {
  asMap,
  fail,
  onlyFields,
  optionalDescription,
  optionalString,
  requiredString,
  type ReadContext,
  type YamlMap,
} from './context';
import { readAlertPolicies, readAlertTable } from './read-alerting';
import { readIndicator } from './read-indicator';
import { keptMetadata, readMetadata } from './read-metadata';
import { readMethod, readObjective } from './read-objective';
import { readWindow } from './read-window';

export type SloDraft = Omit<SloSpec, 'indicator'> & { readonly indicator: SloIndicator | null };

const SPEC = ['spec'];

export function readSlo(ctx: ReadContext, root: YamlMap): SloDraft | null {
  const meta = readMetadata(ctx, root.metadata, ['metadata']);
  const spec = asMap(ctx, root.spec, SPEC);
  if (!meta || !spec) return null;
  const name = meta.name;
  onlyFields(ctx, spec, SPEC, [
    'description',
    'service',
    'indicator',
    'indicatorRef',
    'timeWindow',
    'budgetingMethod',
    'objectives',
    'alertPolicies',
  ]);
  const description = optionalDescription(ctx, spec, SPEC);
  const service = requiredString(ctx, spec, 'service', SPEC);
  const indicatorRef = optionalString(ctx, spec, 'indicatorRef', SPEC);
  let indicator: SloIndicator | null = null;
  if ((spec.indicator === undefined) === (spec.indicatorRef === undefined)) {
    fail(
      ctx,
      SPEC,
      `needs exactly one of indicator (an inline SLI) or indicatorRef (the name of an SLI document); got ${spec.indicator === undefined ? 'neither' : 'both'}`,
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
  const alertPolicies = readAlertPolicies(ctx, spec.alertPolicies);
  const alertTable = readAlertTable(ctx, meta.annotations);
  const inlineFailed = spec.indicator !== undefined && indicator === null;
  if (
    !name ||
    !service ||
    !window ||
    !method ||
    !objective ||
    inlineFailed ||
    alertPolicies === null ||
    alertTable === null
  )
    return null;
  return {
    name,
    ...(meta.displayName === undefined ? {} : { displayName: meta.displayName }),
    ...(description === undefined ? {} : { description }),
    ...keptMetadata(meta),
    service,
    indicator,
    ...(indicatorRef === undefined ? {} : { indicatorRef }),
    target: objective.target,
    ...(objective.displayName === undefined ? {} : { objectiveDisplayName: objective.displayName }),
    ...(objective.asPercent ? { targetAsPercent: true } : {}),
    ...(objective.op === undefined ? {} : { objectiveOp: objective.op }),
    ...(objective.value === undefined ? {} : { objectiveValue: objective.value }),
    window,
    budgeting: objective.budgeting,
    ...(alertPolicies === undefined ? {} : { alertPolicies }),
    ...(alertTable === undefined ? {} : { alertTable }),
  };
}
