/**
 * Reads an OpenSLO `metadata` block (README "General Schema" and its notes): `name` (RFC 1123 label),
 * `displayName`, `labels` (map of string or list of strings) and `annotations` (map of strings),
 * the last two kept as written so an export writes them again.
 */
import type { OpenSloMetadata } from '../spec';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalString,
  requiredName,
  type FieldPath,
  type ReadContext,
  type YamlMap,
} from './context';

export interface MetadataRead extends OpenSloMetadata {
  readonly name: string | null;
  readonly displayName?: string;
}

/** "at most 63 characters beginning and ending with an alphanumeric character [a-z0-9A-Z] with dashes, underscores, dots and alphanumerics between". */
const KEY_NAME = /^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,61}[a-zA-Z0-9])?$/;
/** An annotation prefix: "a DNS subdomain … at most 253 characters". */
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

const KEY_RULE =
  'at most 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit';

export function readMetadata(
  ctx: ReadContext,
  value: unknown,
  path: FieldPath,
): MetadataRead | null {
  const meta = asMap(ctx, value, path);
  if (!meta) return null;
  onlyFields(ctx, meta, path, ['name', 'displayName', 'labels', 'annotations']);
  const name = requiredName(ctx, meta, path);
  const displayName = optionalString(ctx, meta, 'displayName', path);
  const labels =
    meta.labels === undefined ? undefined : readLabels(ctx, meta.labels, [...path, 'labels']);
  const annotations =
    meta.annotations === undefined
      ? undefined
      : readAnnotations(ctx, meta.annotations, [...path, 'annotations']);
  return {
    name,
    ...(displayName === undefined ? {} : { displayName }),
    ...(labels ? { labels } : {}),
    ...(annotations ? { annotations } : {}),
  };
}

function readLabels(
  ctx: ReadContext,
  value: unknown,
  path: FieldPath,
): Record<string, string | readonly string[]> | undefined {
  const map = asMap(ctx, value, path);
  if (!map) return undefined;
  const labels: Record<string, string | readonly string[]> = {};
  for (const [key, v] of Object.entries(map)) {
    if (!KEY_NAME.test(key)) {
      fail(ctx, [...path, key], `the label key "${key}" is not allowed: ${KEY_RULE}`);
    } else if (typeof v === 'string') labels[key] = v;
    else if (Array.isArray(v) && v.every((item) => typeof item === 'string')) labels[key] = [...v];
    else
      fail(
        ctx,
        [...path, key],
        `must be a string or a list of strings (OpenSLO map[string]string|string[]), got ${describeValue(v)}; quote numbers and booleans`,
      );
  }
  return labels;
}

function readAnnotations(
  ctx: ReadContext,
  value: unknown,
  path: FieldPath,
): Record<string, string> | undefined {
  const map: YamlMap | null = asMap(ctx, value, path);
  if (!map) return undefined;
  const annotations: Record<string, string> = {};
  for (const [key, v] of Object.entries(map)) {
    const slash = key.lastIndexOf('/');
    const prefix = slash < 0 ? null : key.slice(0, slash);
    const name = key.slice(slash + 1);
    if (
      !KEY_NAME.test(name) ||
      (prefix !== null && (prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix)))
    ) {
      fail(
        ctx,
        [...path, key],
        `the annotation key "${key}" is not allowed: an optional prefix (a DNS subdomain of at most 253 characters) and "/", then a name of ${KEY_RULE}`,
      );
    } else if (typeof v === 'string') annotations[key] = v;
    else
      fail(
        ctx,
        [...path, key],
        `must be a string (OpenSLO map[string]string), got ${describeValue(v)}; quote numbers and booleans`,
      );
  }
  return annotations;
}

/** Spreads the kept labels and annotations of `meta` into a domain object. */
export function keptMetadata(meta: OpenSloMetadata): OpenSloMetadata {
  return {
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
}
