/**
 * Writes test/contract/openapi-extract.json from Atlassian's OpenAPI specs in ../shared/jira-openapi/
 * (platform v3 and Jira Software), keeping only what the contract tests need: paths, methods,
 * parameters, OAuth scopes and response schemas with the component schemas they reference. No
 * descriptions or examples, so a fresh clone without ../shared still runs the contract tests
 * (../shared/jira-openapi/README.md allows such an extract).
 *
 * Run: `npx tsx scripts/extract-openapi.ts` after the specs in ../shared change; a contract test
 * fails while the committed extract is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Keywords that only document a schema; dropping them changes no validation outcome. */
const DOC_KEYWORDS = new Set([
  'description',
  'example',
  'examples',
  'xml',
  'externalDocs',
  'title',
]);
const REF_PREFIX = '#/components/schemas/';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const specDir = resolve(repoRoot, '..', 'shared', 'jira-openapi');
export const extractPath = join(repoRoot, 'test', 'contract', 'openapi-extract.json');
export const SPEC_FILES = { platform: 'platform.v3.json', software: 'software.v3.json' } as const;
export type SpecName = keyof typeof SPEC_FILES;

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Deep copy without documentation keywords; collects the component schemas referenced. Inside
 * `properties` the keys are field names (a field may be called `description`), so none is dropped.
 */
function strip(value: Json, refs: Set<string>, keysAreNames = false): Json {
  if (Array.isArray(value)) return value.map((item) => strip(item, refs));
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (!keysAreNames && DOC_KEYWORDS.has(key)) continue;
    if (
      !keysAreNames &&
      key === '$ref' &&
      typeof child === 'string' &&
      child.startsWith(REF_PREFIX)
    ) {
      refs.add(child.slice(REF_PREFIX.length));
    }
    out[key] = strip(child, refs, !keysAreNames && key === 'properties');
  }
  return out;
}

function responseSchema(response: Json | undefined): Json | undefined {
  if (!isObject(response) || !isObject(response.content)) return undefined;
  const media = response.content['application/json'] ?? Object.values(response.content)[0];
  return isObject(media) ? media.schema : undefined;
}

function scopesOf(operation: JsonObject): string[] {
  const security = Array.isArray(operation.security) ? operation.security : [];
  const scopes = new Set<string>();
  for (const requirement of security) {
    if (!isObject(requirement)) continue;
    for (const list of Object.values(requirement)) {
      if (Array.isArray(list)) list.forEach((s) => typeof s === 'string' && scopes.add(s));
    }
  }
  return [...scopes].sort();
}

/**
 * Reduces one OpenAPI document to `{ info, paths, components: { schemas } }`. With
 * `allComponents` every component schema is kept: the Jira Software spec leaves many responses
 * without a schema and defines the beans (`SprintBean`) only as components.
 */
export function extractSpec(spec: JsonObject, allComponents = false): JsonObject {
  const refs = new Set<string>();
  const paths: JsonObject = {};
  const specPaths = isObject(spec.paths) ? spec.paths : {};
  for (const path of Object.keys(specPaths).sort()) {
    const item = specPaths[path];
    if (!isObject(item)) continue;
    const methods: JsonObject = {};
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const parameters = [
        ...(Array.isArray(item.parameters) ? item.parameters : []),
        ...(Array.isArray(operation.parameters) ? operation.parameters : []),
      ]
        .filter(isObject)
        .map((p) => ({
          name: p.name ?? null,
          in: p.in ?? null,
          required: p.required === true,
          ...(p.schema === undefined ? {} : { schema: strip(p.schema, refs) }),
        }));
      const responses: JsonObject = {};
      const specResponses = isObject(operation.responses) ? operation.responses : {};
      for (const status of Object.keys(specResponses).sort()) {
        const schema = responseSchema(specResponses[status]);
        responses[status] = schema === undefined ? {} : { schema: strip(schema, refs) };
      }
      methods[method] = {
        operationId: typeof operation.operationId === 'string' ? operation.operationId : null,
        deprecated: operation.deprecated === true,
        scopes: scopesOf(operation),
        parameters,
        responses,
      };
    }
    paths[path] = methods;
  }
  const all =
    isObject(spec.components) && isObject(spec.components.schemas) ? spec.components.schemas : {};
  if (allComponents) Object.keys(all).forEach((name) => refs.add(name));
  const schemas: JsonObject = {};
  // Follow references transitively: a component schema may reference others.
  const queue = [...refs];
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (name in schemas) continue;
    const found = new Set<string>();
    schemas[name] = strip(all[name] ?? {}, found);
    for (const next of found) if (!(next in schemas)) queue.push(next);
  }
  const sorted: JsonObject = {};
  for (const name of Object.keys(schemas).sort()) sorted[name] = schemas[name] ?? {};
  const info = isObject(spec.info) ? spec.info : {};
  return {
    info: { title: info.title ?? null, version: info.version ?? null },
    paths,
    components: { schemas: sorted },
  };
}

export function buildExtract(platform: JsonObject, software: JsonObject): JsonObject {
  return {
    generatedBy: 'scripts/extract-openapi.ts from ../shared/jira-openapi/ — do not edit by hand',
    platform: extractSpec(platform),
    software: extractSpec(software, true),
  };
}

export function readSpec(name: SpecName): JsonObject {
  return JSON.parse(readFileSync(join(specDir, SPEC_FILES[name]), 'utf8')) as JsonObject;
}

/** The extract as written to disk (stable key order, one trailing newline). */
export function renderExtract(): string {
  return `${JSON.stringify(buildExtract(readSpec('platform'), readSpec('software')))}\n`;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = renderExtract();
  writeFileSync(extractPath, text);
  process.stdout.write(`Wrote ${extractPath} (${Math.round(text.length / 1024)} KiB)\n`);
}
