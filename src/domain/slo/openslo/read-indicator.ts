/**
 * Reads an OpenSLO SLI (inline `indicator` or `kind: SLI`; README "SLI"): Ballast computes
 * `ratioMetric` with good/total or bad/total. Each metric source needs a `type`, unless it names a
 * DataSource with `metricSourceRef` ("Field `type` can be omitted because the type will be inferred
 * from the DataSource when `metricSourceRef` is specified").
 */
import type { MetricSource, SloIndicator } from '../spec';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalDescription,
  optionalString,
  type FieldPath,
  type ReadContext,
} from './context';
import { keptMetadata, readMetadata } from './read-metadata';

/** Reads `{ metadata, spec }` of an SLI at `path` (the document root, or `spec.indicator`). */
export function readIndicator(
  ctx: ReadContext,
  metadata: unknown,
  spec: unknown,
  path: FieldPath,
): SloIndicator | null {
  const meta = readMetadata(ctx, metadata, [...path, 'metadata']);
  const body = asMap(ctx, spec, [...path, 'spec']);
  if (!meta || !body) return null;
  onlyFields(ctx, body, [...path, 'spec'], ['description', 'ratioMetric', 'thresholdMetric']);
  const description = optionalDescription(ctx, body, [...path, 'spec']);
  const ratioPath = [...path, 'spec', 'ratioMetric'];
  if ((body.thresholdMetric === undefined) === (body.ratioMetric === undefined)) {
    return fail(
      ctx,
      [...path, 'spec'],
      `needs exactly one of ratioMetric or thresholdMetric ("either thresholdMetric or ratioMetric must be provided"); got ${body.ratioMetric === undefined ? 'neither' : 'both'}`,
    );
  }
  if (body.thresholdMetric !== undefined) {
    // README "SLI": `thresholdMetric: { metricSource: { metricSourceRef?, type?, spec } }`.
    const source = readSource(ctx, body.thresholdMetric, [...path, 'spec', 'thresholdMetric']);
    if (!source || meta.name === null) return null;
    return {
      kind: 'threshold',
      name: meta.name,
      ...(meta.displayName === undefined ? {} : { displayName: meta.displayName }),
      ...(description === undefined ? {} : { description }),
      ...keptMetadata(meta),
      source,
    };
  }
  const ratio = asMap(ctx, body.ratioMetric, ratioPath);
  if (!ratio || meta.name === null) return null;
  if (ratio.raw !== undefined || ratio.rawType !== undefined) {
    return fail(
      ctx,
      [...ratioPath, ratio.raw !== undefined ? 'raw' : 'rawType'],
      'is valid OpenSLO v1, but Ballast needs event counts: good/total or bad/total',
    );
  }
  onlyFields(ctx, ratio, ratioPath, ['counter', 'good', 'bad', 'total']);
  const counter = ratio.counter ?? true;
  if (typeof counter !== 'boolean')
    fail(ctx, [...ratioPath, 'counter'], `must be true or false, got ${describeValue(counter)}`);
  if ((ratio.good === undefined) === (ratio.bad === undefined)) {
    return fail(
      ctx,
      ratioPath,
      `needs exactly one of good or bad, plus total; got ${ratio.good === undefined ? 'neither' : 'both'}`,
    );
  }
  const counts = ratio.good !== undefined ? 'good' : 'bad';
  const numerator = readSource(ctx, ratio[counts], [...ratioPath, counts]);
  const total = readSource(ctx, ratio.total, [...ratioPath, 'total']);
  if (!numerator || !total || typeof counter !== 'boolean') return null;
  return {
    name: meta.name,
    ...(meta.displayName === undefined ? {} : { displayName: meta.displayName }),
    ...(description === undefined ? {} : { description }),
    ...keptMetadata(meta),
    counts,
    numerator,
    total,
    counter,
  };
}

function readSource(ctx: ReadContext, value: unknown, path: FieldPath): MetricSource | null {
  if (value === undefined)
    return fail(ctx, path, 'is required: { metricSource: { type or metricSourceRef, spec } }');
  const wrapper = asMap(ctx, value, path);
  if (!wrapper) return null;
  onlyFields(ctx, wrapper, path, ['metricSource']);
  const sourcePath = [...path, 'metricSource'];
  const source = asMap(ctx, wrapper.metricSource, sourcePath);
  if (!source) return null;
  onlyFields(ctx, source, sourcePath, ['metricSourceRef', 'type', 'spec']);
  const ref = optionalString(ctx, source, 'metricSourceRef', sourcePath);
  const type = optionalString(ctx, source, 'type', sourcePath);
  if (ref === undefined && (source.type === undefined || type?.trim() === '')) {
    return fail(
      ctx,
      [...sourcePath, 'type'],
      'is required without metricSourceRef: the metric source type, e.g. Prometheus (or name a DataSource with metricSourceRef)',
    );
  }
  const spec = asMap(ctx, source.spec ?? {}, [...sourcePath, 'spec']);
  if (!spec || (source.type !== undefined && type === undefined)) return null;
  return {
    ...(ref === undefined ? {} : { metricSourceRef: ref }),
    ...(type === undefined ? {} : { type }),
    spec,
  };
}
