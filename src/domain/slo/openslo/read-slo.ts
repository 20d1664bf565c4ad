/**
 * Reads a `kind: SLO` document into an SloSpec (minus an `indicatorRef`, resolved by parse.ts).
 * The time window is read by read-window.ts, the budgeting method and objective by read-objective.ts.
 */
import type { RatioIndicator, SloSpec } from '../spec';
import {
  asMap,
  fail,
  onlyFields,
  optionalString,
  requiredName,
  requiredString,
  type ReadContext,
  type YamlMap,
} from './context';
import { readIndicator } from './read-indicator';
import { readMethod, readObjective } from './read-objective';
import { readWindow } from './read-window';

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
