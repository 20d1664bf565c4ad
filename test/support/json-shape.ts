/**
 * Compares two JSON values by structure — the keys present and the JSON type of each value — not
 * by content: is what the sandbox produces shaped like what Atlassian documents? Paths are dotted
 * (`sprint.id`, `issues[].value`); array items are compared with the documented array's first item.
 */

export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'array' | 'object';

export interface ShapeRules {
  /** Documented as optional: may be missing from the actual value. */
  readonly optional?: readonly string[];
  /** Documented as `any`: only the JSON type of the value itself is compared. */
  readonly opaque?: readonly string[];
  /** Documented as possibly null: null on either side matches any type. */
  readonly nullable?: readonly string[];
}

export function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return type;
  if (type === 'object') return 'object';
  throw new Error(`Not a JSON value: ${type}`);
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Every structural difference of `actual` from `documented`, one sentence each; [] when alike. */
export function shapeDifferences(
  actual: unknown,
  documented: unknown,
  rules: ShapeRules = {},
  path = '',
): string[] {
  const at = path === '' ? '(root)' : path;
  const actualType = jsonType(actual);
  const documentedType = jsonType(documented);
  if (rules.nullable?.includes(path) && (actualType === 'null' || documentedType === 'null'))
    return [];
  if (actualType !== documentedType)
    return [`${at} is ${actualType}; the documented payload has ${documentedType}`];
  if (rules.opaque?.includes(path)) return [];
  if (actualType === 'array') {
    const model = (documented as unknown[])[0];
    if (model === undefined) return [];
    return (actual as unknown[]).flatMap((item) =>
      shapeDifferences(item, model, rules, `${path}[]`),
    );
  }
  if (actualType !== 'object') return [];
  const actualObject = actual as Record<string, unknown>;
  const documentedObject = documented as Record<string, unknown>;
  const differences: string[] = [];
  for (const key of Object.keys(documentedObject)) {
    const child = join(path, key);
    if (!(key in actualObject)) {
      if (!rules.optional?.includes(child)) differences.push(`${child} is missing`);
      continue;
    }
    differences.push(...shapeDifferences(actualObject[key], documentedObject[key], rules, child));
  }
  for (const key of Object.keys(actualObject)) {
    if (!(key in documentedObject)) differences.push(`${join(path, key)} is not documented`);
  }
  return differences;
}
