/**
 * Reading helpers for OpenSLO documents: every problem is recorded with the document, the path of
 * the field (`spec.objectives[0].target`), what is allowed, and the line when known.
 */

export type FieldPath = readonly (string | number)[];

export interface OpenSloIssue {
  /** e.g. `document 2 (SLO checkout-availability)`. */
  readonly document: string;
  /** e.g. `spec.objectives[0].target`; empty for the document itself. */
  readonly path: string;
  readonly message: string;
  /** 1-based line of the field (or of its nearest parent present), when known. */
  readonly line: number | null;
}

export interface ReadContext {
  document: string;
  readonly issues: OpenSloIssue[];
  readonly lineOf: (path: FieldPath) => number | null;
}

export type YamlMap = Readonly<Record<string, unknown>>;

export function pathText(path: FieldPath): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part,
    '',
  );
}

export function fail(ctx: ReadContext, path: FieldPath, message: string): null {
  ctx.issues.push({
    document: ctx.document,
    path: pathText(path),
    message,
    line: ctx.lineOf(path),
  });
  return null;
}

const typeName = (value: unknown): string =>
  value === undefined
    ? 'nothing'
    : value === null
      ? 'null'
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'a mapping'
          : `${typeof value} ${JSON.stringify(value)}`;

export function asMap(ctx: ReadContext, value: unknown, path: FieldPath): YamlMap | null {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as YamlMap;
  return fail(ctx, path, `must be a mapping, got ${typeName(value)}`);
}

/** Rejects fields Ballast does not support, naming the ones it does. */
export function onlyFields(
  ctx: ReadContext,
  map: YamlMap,
  path: FieldPath,
  allowed: readonly string[],
): void {
  for (const key of Object.keys(map)) {
    if (!allowed.includes(key)) {
      fail(ctx, [...path, key], `unsupported field; allowed here: ${allowed.join(', ')}`);
    }
  }
}

export function requiredString(
  ctx: ReadContext,
  map: YamlMap,
  key: string,
  path: FieldPath,
): string | null {
  const value = map[key];
  if (value === undefined) return fail(ctx, [...path, key], 'is required: a non-empty string');
  if (typeof value !== 'string' || value.trim() === '') {
    return fail(ctx, [...path, key], `must be a non-empty string, got ${typeName(value)}`);
  }
  return value;
}

export function optionalString(
  ctx: ReadContext,
  map: YamlMap,
  key: string,
  path: FieldPath,
): string | undefined {
  const value = map[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  fail(ctx, [...path, key], `must be a string, got ${typeName(value)}`);
  return undefined;
}

/** OpenSLO names are DNS labels (RFC 1123). */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function requiredName(ctx: ReadContext, map: YamlMap, path: FieldPath): string | null {
  const name = requiredString(ctx, map, 'name', path);
  if (name !== null && !DNS_LABEL.test(name)) {
    return fail(
      ctx,
      [...path, 'name'],
      `"${name}" is not allowed: lowercase letters, digits and "-", at most 63, starting and ending with a letter or digit`,
    );
  }
  return name;
}

/**
 * OpenSLO: "description … contains at most 1050 characters" (SLO, SLI, Service, Alert*, DataSource),
 * counted in code points as go-sdk's `rules.StringMaxLength(1050)` counts runes.
 */
export const MAX_DESCRIPTION_LENGTH = 1050;

export function optionalDescription(
  ctx: ReadContext,
  map: YamlMap,
  path: FieldPath,
): string | undefined {
  const text = optionalString(ctx, map, 'description', path);
  if (text !== undefined && [...text].length > MAX_DESCRIPTION_LENGTH) {
    fail(
      ctx,
      [...path, 'description'],
      `has ${[...text].length} characters; OpenSLO allows at most ${MAX_DESCRIPTION_LENGTH}`,
    );
    return undefined;
  }
  return text;
}

export function describeValue(value: unknown): string {
  return typeName(value);
}
