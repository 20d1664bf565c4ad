/**
 * Helpers over the committed OpenAPI extract (scripts/extract-openapi.ts) for contract tests:
 * find the operation a concrete request hits, and validate a response body against the schema
 * Atlassian documents for that status. Used by the emulator's contract test and, later, by the
 * backend's test of its own Jira calls.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { readFileSync } from 'node:fs';

export type SpecName = 'platform' | 'software';

interface ExtractOperation {
  operationId: string | null;
  deprecated: boolean;
  scopes: string[];
  parameters: { name: string | null; in: string | null; required: boolean; schema?: unknown }[];
  responses: Record<string, { schema?: unknown }>;
}
interface ExtractSpec {
  info: { title: string | null; version: string | null };
  paths: Record<string, Record<string, ExtractOperation>>;
  components: { schemas: Record<string, unknown> };
}
export interface OpenApiExtract {
  platform: ExtractSpec;
  software: ExtractSpec;
}

/** Read at run time: importing 550 KiB of JSON would make the type checker infer its type. */
export const extract = JSON.parse(
  readFileSync(new URL('./openapi-extract.json', import.meta.url), 'utf8'),
) as OpenApiExtract;

export interface FoundOperation {
  spec: SpecName;
  method: string;
  /** The templated path as the spec writes it, e.g. `/rest/api/3/issue/{issueIdOrKey}`. */
  path: string;
  operation: ExtractOperation;
  pathParams: Record<string, string>;
}

function matchTemplate(template: string, concrete: string): Record<string, string> | undefined {
  const t = template.split('/');
  const c = concrete.split('/');
  if (t.length !== c.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < t.length; i += 1) {
    const ts = t[i] as string;
    const cs = c[i] as string;
    if (ts.startsWith('{') && ts.endsWith('}')) {
      if (cs === '') return undefined;
      params[ts.slice(1, -1)] = decodeURIComponent(cs);
    } else if (ts !== cs) return undefined;
  }
  return params;
}

const literalSegments = (template: string): number =>
  template.split('/').filter((s) => !s.startsWith('{')).length;

/**
 * The spec operation a request hits. A literal segment beats a template one, as in Jira's router:
 * `/rest/api/3/issue/properties/multi` is not the issue `properties` of an issue called "properties".
 */
export function findOperation(method: string, concretePath: string): FoundOperation | undefined {
  const pathOnly = concretePath.split('?')[0] ?? concretePath;
  const m = method.toLowerCase();
  let best: FoundOperation | undefined;
  for (const spec of ['platform', 'software'] as const) {
    for (const [template, methods] of Object.entries(extract[spec].paths)) {
      const operation = methods[m];
      if (operation === undefined) continue;
      const pathParams = matchTemplate(template, pathOnly);
      if (pathParams === undefined) continue;
      if (best === undefined || literalSegments(template) > literalSegments(best.path)) {
        best = { spec, method: m, path: template, operation, pathParams };
      }
    }
  }
  return best;
}

/**
 * Jira writes timestamps as `2025-01-31T09:00:00.000+0000` (offset without a colon), which the
 * RFC 3339 `date-time` of ajv-formats rejects, although the spec calls them `date-time`. Accept both.
 */
const JIRA_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * A defect of the platform spec: JqlQueryClause (POST /rest/api/3/jql/parse) is `anyOf` the clause
 * kinds with `additionalProperties: false` but no `properties` of its own, which in JSON Schema
 * forbids every property — the spec's own example answer of that operation would fail. Such a
 * schema's properties are the ones its `anyOf`/`oneOf` branches define, so the keyword is dropped
 * there (only there: schemas that list their properties keep it). openapi.test.ts checks the
 * example passes.
 */
function withoutEmptyClosedUnions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmptyClosedUnions);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as Record<string, unknown>);
  const object = Object.fromEntries(entries.map(([k, v]) => [k, withoutEmptyClosedUnions(v)]));
  if (
    object.additionalProperties === false &&
    object.properties === undefined &&
    (object.anyOf !== undefined || object.oneOf !== undefined)
  ) {
    delete object.additionalProperties;
  }
  return object;
}

function makeAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  const addFormats = addFormatsModule as unknown as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat('date-time', { type: 'string', validate: (s: string) => JIRA_DATE_TIME.test(s) });
  ajv.addSchema(withoutEmptyClosedUnions(extract.platform) as object, 'platform');
  ajv.addSchema(withoutEmptyClosedUnions(extract.software) as object, 'software');
  return ajv;
}

let ajvInstance: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

const pointerSegment = (s: string): string =>
  encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'));

function validatorFor(spec: SpecName, pointer: string[]): ValidateFunction {
  const ref = `${spec}#/${pointer.map(pointerSegment).join('/')}`;
  let validate = compiled.get(ref);
  if (validate === undefined) {
    ajvInstance ??= makeAjv();
    validate = ajvInstance.compile({ $ref: ref });
    compiled.set(ref, validate);
  }
  return validate;
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath === '' ? '(body)' : e.instancePath;
    const extra =
      e.keyword === 'additionalProperties' ? ` '${String(e.params.additionalProperty)}'` : '';
    return `${where} ${e.message ?? e.keyword}${extra}`;
  });
}

export interface ValidationResult {
  ok: boolean;
  errors: string[];
  operation?: FoundOperation;
  /** True when the spec documents the status without a response schema (nothing to check). */
  schemaless: boolean;
}

/** Validates a response body against the spec's schema for that method, path and status. */
export function validateResponse(
  method: string,
  concretePath: string,
  status: number,
  body: unknown,
): ValidationResult {
  const operation = findOperation(method, concretePath);
  if (operation === undefined) {
    return {
      ok: false,
      errors: [`${method.toUpperCase()} ${concretePath} matches no operation in the Jira specs`],
      schemaless: false,
    };
  }
  const documented =
    operation.operation.responses[String(status)] ?? operation.operation.responses.default;
  const label = `${method.toUpperCase()} ${operation.path} (${operation.spec})`;
  if (documented === undefined) {
    const known = Object.keys(operation.operation.responses).join(', ');
    return {
      ok: false,
      errors: [`${label} does not document status ${status} (documents ${known})`],
      operation,
      schemaless: false,
    };
  }
  if (documented.schema === undefined) return { ok: true, errors: [], operation, schemaless: true };
  const statusKey = String(status) in operation.operation.responses ? String(status) : 'default';
  const validate = validatorFor(operation.spec, [
    'paths',
    operation.path,
    operation.method,
    'responses',
    statusKey,
    'schema',
  ]);
  const ok = validate(body);
  return {
    ok,
    errors: ok ? [] : describe(validate.errors).map((e) => `${label} ${status}: ${e}`),
    operation,
    schemaless: false,
  };
}

/**
 * Validates a value against a named component schema. For operations the spec leaves without a
 * response schema (many Agile ones, e.g. GET /rest/agile/1.0/sprint/{sprintId}) this checks the
 * items against the bean the spec defines for them (`SprintBean`).
 */
export function validateComponent(spec: SpecName, name: string, value: unknown): string[] {
  if (!(name in extract[spec].components.schemas))
    return [`${spec} spec extract has no component schema ${name}`];
  const validate = validatorFor(spec, ['components', 'schemas', name]);
  return validate(value) ? [] : describe(validate.errors).map((e) => `${name}: ${e}`);
}
