/**
 * OpenSLO kinds Ballast does not compute with — DataSource, AlertPolicy, AlertCondition,
 * AlertNotificationTarget (README "Object Types") — are checked for what every kind shares
 * (metadata, a `spec` mapping, a description of at most 1050 characters) and kept as written,
 * so an export gives them back and a `metricSourceRef` can take its type from a DataSource.
 */
import type { KeptDocument } from '../spec';
import { asMap, fail, optionalDescription, type ReadContext, type YamlMap } from './context';
import { readMetadata } from './read-metadata';

export const KEPT_KINDS = [
  'DataSource',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
];

export function readKept(ctx: ReadContext, root: YamlMap, kind: string): KeptDocument | null {
  const meta = readMetadata(ctx, root.metadata, ['metadata']);
  const spec = asMap(ctx, root.spec, ['spec']);
  if (!meta || !spec || meta.name === null) return null;
  optionalDescription(ctx, spec, ['spec']);
  if (kind === 'DataSource' && (typeof spec.type !== 'string' || spec.type.trim() === ''))
    return fail(ctx, ['spec', 'type'], 'is required: the data source type, e.g. Prometheus');
  return { kind, name: meta.name, document: root };
}

/** DataSource name → its `spec.type`, for metric sources that give only `metricSourceRef`. */
export function dataSourceTypes(kept: readonly KeptDocument[]): ReadonlyMap<string, string> {
  const types = new Map<string, string>();
  for (const doc of kept) {
    const spec = doc.document.spec as YamlMap | undefined;
    if (doc.kind === 'DataSource' && typeof spec?.type === 'string') types.set(doc.name, spec.type);
  }
  return types;
}
