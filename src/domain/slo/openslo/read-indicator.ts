/** Reads an OpenSLO SLI (inline `indicator` or `kind: SLI`): only `ratioMetric` is supported. */
import type { MetricSource, RatioIndicator } from '../spec';
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
} from './context';

/** Reads `{ metadata, spec }` of an SLI at `path` (the document root, or `spec.indicator`). */
export function readIndicator(
  ctx: ReadContext,
  metadata: unknown,
  spec: unknown,
  path: FieldPath,
): RatioIndicator | null {
  const meta = asMap(ctx, metadata, [...path, 'metadata']);
  const body = asMap(ctx, spec, [...path, 'spec']);
  if (!meta || !body) return null;
  onlyFields(ctx, meta, [...path, 'metadata'], ['name', 'displayName']);
  const name = requiredName(ctx, meta, [...path, 'metadata']);
  const displayName = optionalString(ctx, meta, 'displayName', [...path, 'metadata']);
  onlyFields(ctx, body, [...path, 'spec'], ['description', 'ratioMetric']);
  if (body.ratioMetric === undefined) {
    return fail(
      ctx,
      [...path, 'spec', 'ratioMetric'],
      'is required: Ballast supports ratio SLIs (ratioMetric with good/total or bad/total), not thresholdMetric',
    );
  }
  const ratioPath = [...path, 'spec', 'ratioMetric'];
  const ratio = asMap(ctx, body.ratioMetric, ratioPath);
  if (!ratio || name === null) return null;
  onlyFields(ctx, ratio, ratioPath, ['counter', 'good', 'bad', 'total']);
  const counter = ratio.counter ?? true;
  if (typeof counter !== 'boolean')
    fail(ctx, [...ratioPath, 'counter'], `must be true or false, got ${describeValue(counter)}`);
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    return fail(ctx, ratioPath, 'needs exactly one of good or bad, plus total');
  }
  const counts = ratio.good !== undefined ? 'good' : 'bad';
  const numerator = readSource(ctx, ratio[counts], [...ratioPath, counts]);
  const total = readSource(ctx, ratio.total, [...ratioPath, 'total']);
  if (!numerator || !total || typeof counter !== 'boolean') return null;
  return {
    name,
    ...(displayName === undefined ? {} : { displayName }),
    counts,
    numerator,
    total,
    counter,
  };
}

function readSource(ctx: ReadContext, value: unknown, path: FieldPath): MetricSource | null {
  if (value === undefined) return fail(ctx, path, 'is required: { metricSource: { type, spec } }');
  const wrapper = asMap(ctx, value, path);
  if (!wrapper) return null;
  onlyFields(ctx, wrapper, path, ['metricSource']);
  const source = asMap(ctx, wrapper.metricSource, [...path, 'metricSource']);
  if (!source) return null;
  const sourcePath = [...path, 'metricSource'];
  onlyFields(ctx, source, sourcePath, ['metricSourceRef', 'type', 'spec']);
  const ref = optionalString(ctx, source, 'metricSourceRef', sourcePath);
  const type = requiredString(ctx, source, 'type', sourcePath);
  const spec = asMap(ctx, source.spec ?? {}, [...sourcePath, 'spec']);
  if (type === null || !spec) return null;
  return { ...(ref === undefined ? {} : { metricSourceRef: ref }), type, spec };
}
