/**
 * The backend side of manifest.yml: every module that runs a function (resolvers of UI modules,
 * `trigger`, `scheduledTrigger`, `webtrigger`, `consumer`, `jira:workflowValidator`), the
 * `function` entries they name (`handler: <file>.<export>`), and the app's id and scopes.
 * See developer.atlassian.com/platform/forge/manifest-reference/modules/.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

export interface ModuleEntry {
  type: string;
  key: string;
  /** The manifest `function` key this module runs (`function:` or `resolver.function`). */
  functionKey: string | undefined;
  /** `consumer` with a resolver: the resolver definition to call (`resolver.method`). */
  method: string | undefined;
  events: string[];
  interval: string | undefined;
  queue: string | undefined;
  timeoutSeconds: number | undefined;
  ignoreSelf: boolean;
}

export interface BackendManifest {
  raw: unknown;
  appId: string | undefined;
  scopes: string[];
  modules: ModuleEntry[];
  /** function key → handler reference (`index.resolver`). */
  functions: Map<string, string>;
}

const moduleSchema = z.looseObject({
  key: z.string(),
  function: z.string().optional(),
  resolver: z
    .looseObject({ function: z.string().optional(), method: z.string().optional() })
    .optional(),
  events: z.array(z.string()).optional(),
  interval: z.string().optional(),
  queue: z.string().optional(),
  timeoutSeconds: z.number().optional(),
  filter: z.looseObject({ ignoreSelf: z.boolean().optional() }).optional(),
  /** `jira:customField` value functions (`view.value.function`). */
  view: z
    .looseObject({ value: z.looseObject({ function: z.string().optional() }).optional() })
    .optional(),
});

const manifestSchema = z.looseObject({
  app: z.looseObject({ id: z.string().optional() }).optional(),
  modules: z.record(z.string(), z.array(z.unknown())).default({}),
  permissions: z.looseObject({ scopes: z.array(z.string()).optional() }).optional(),
});

export function parseBackendManifest(text: string): BackendManifest {
  const raw: unknown = parse(text);
  const manifest = manifestSchema.parse(raw);
  const functions = new Map<string, string>();
  const modules: ModuleEntry[] = [];
  for (const [type, entries] of Object.entries(manifest.modules)) {
    for (const entry of entries) {
      if (type === 'function') {
        const fn = z.object({ key: z.string(), handler: z.string() }).parse(entry);
        functions.set(fn.key, fn.handler);
        continue;
      }
      const parsed = moduleSchema.safeParse(entry);
      if (!parsed.success) continue; // modules without a key run nothing here
      const module = parsed.data;
      modules.push({
        type,
        key: module.key,
        functionKey: module.function ?? module.resolver?.function ?? module.view?.value?.function,
        method: module.resolver?.method,
        events: module.events ?? [],
        interval: module.interval,
        queue: module.queue,
        timeoutSeconds: module.timeoutSeconds,
        ignoreSelf: module.filter?.ignoreSelf ?? false,
      });
    }
  }
  return {
    raw,
    appId: manifest.app?.id,
    scopes: manifest.permissions?.scopes ?? [],
    modules,
    functions,
  };
}

export const readBackendManifest = (path: string): BackendManifest =>
  parseBackendManifest(readFileSync(path, 'utf8'));

export type ForgeHandler = (event: unknown, context: unknown) => unknown;

/**
 * The handler a module runs. `handler: index.resolver` names the export `resolver` of the file
 * `src/index`; the sandbox is given the loaded modules by file name (`index` → src/index.ts).
 */
export function resolveHandler(
  manifest: BackendManifest,
  modules: Readonly<Record<string, Record<string, unknown>>>,
  module: ModuleEntry,
): ForgeHandler {
  const handlerRef =
    module.functionKey === undefined ? undefined : manifest.functions.get(module.functionKey);
  if (handlerRef === undefined)
    throw new Error(`Module ${module.key} (${module.type}) names no function in manifest.yml.`);
  const dot = handlerRef.lastIndexOf('.');
  const [file, name] = [handlerRef.slice(0, dot), handlerRef.slice(dot + 1)];
  const handler = modules[file]?.[name];
  if (typeof handler !== 'function')
    throw new Error(
      `Handler ${handlerRef} of module ${module.key} is not an exported function of ${file}.`,
    );
  return handler as ForgeHandler;
}
