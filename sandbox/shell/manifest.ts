/**
 * Reads the app's manifest.yml for what the shell needs: the Custom UI modules to frame (by type),
 * the resource folders they load, and the function each module's resolver runs. Read at every
 * page load, so a module added to the manifest appears without touching the shell.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { viewportSizeSchema, type ViewportSize } from './modal-size';

/** Module types the shell knows where to place, in Jira's terms. */
export const FRAMED_MODULE_TYPES = [
  'jira:issuePanel',
  'jira:issueContext',
  'jira:projectPage',
  'jira:projectSettingsPage',
  'jira:backlogAction',
  'jira:sprintAction',
  'jira:globalPage',
  'jira:dashboardGadget',
] as const;
export type FramedModuleType = (typeof FRAMED_MODULE_TYPES)[number];

export interface UiModule {
  type: FramedModuleType;
  key: string;
  title: string;
  /** Absolute folder of the resource's built files; undefined when the module names none. */
  resourceDir: string | undefined;
  resourceKey: string | undefined;
  /** Manifest `function` key the module's resolver runs, and that function's handler (`index.resolver`). */
  functionKey: string | undefined;
  handler: string | undefined;
  /** Backlog and sprint actions: the size of the dialog they open in (manifest `viewportSize`). */
  viewportSize?: ViewportSize;
  /** The manifest's app id, for the ARI-shaped localId of the site-wide modules (frame-context.ts). */
  appId?: string;
}

/** A function-based `jira:workflowValidator`, as the workflow editor lists it for an admin. */
export interface WorkflowValidatorModule {
  key: string;
  name: string;
  description: string;
}

export interface AppManifest {
  appId: string;
  scopes: string[];
  modules: UiModule[];
  workflowValidators: WorkflowValidatorModule[];
}

const validatorEntry = z.looseObject({
  key: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
});

const moduleEntry = z.looseObject({
  key: z.string(),
  title: z.unknown().optional(),
  resource: z.string().optional(),
  resolver: z.looseObject({ function: z.string().optional() }).optional(),
  viewportSize: z.unknown().optional(),
});

const manifestSchema = z.looseObject({
  app: z.looseObject({ id: z.string() }),
  modules: z.record(z.string(), z.array(z.unknown())).default({}),
  resources: z.array(z.looseObject({ key: z.string(), path: z.string() })).default([]),
  permissions: z.looseObject({ scopes: z.array(z.string()).default([]) }).optional(),
});

const isFramed = (type: string): type is FramedModuleType =>
  (FRAMED_MODULE_TYPES as readonly string[]).includes(type);

export function readAppManifest(manifestPath: string): AppManifest {
  const root = dirname(resolve(manifestPath));
  const raw = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const functions = new Map<string, string>();
  for (const entry of raw.modules.function ?? []) {
    const fn = z.looseObject({ key: z.string(), handler: z.string() }).safeParse(entry);
    if (fn.success) functions.set(fn.data.key, fn.data.handler);
  }
  const resources = new Map(raw.resources.map((r) => [r.key, resolve(root, r.path)]));
  const modules: UiModule[] = [];
  for (const [type, entries] of Object.entries(raw.modules)) {
    if (!isFramed(type)) continue;
    for (const entry of entries) {
      const parsed = moduleEntry.safeParse(entry);
      if (!parsed.success) continue;
      const { key, title, resource, resolver } = parsed.data;
      const functionKey = resolver?.function;
      const viewportSize = viewportSizeSchema.safeParse(parsed.data.viewportSize);
      modules.push({
        type,
        key,
        // i18n titles ({ i18n: key }) have no text the sandbox can look up: show the module key.
        title: typeof title === 'string' ? title : key,
        resourceKey: resource,
        resourceDir: resource === undefined ? undefined : resources.get(resource),
        functionKey,
        handler: functionKey === undefined ? undefined : functions.get(functionKey),
        ...(viewportSize.success ? { viewportSize: viewportSize.data } : {}),
        appId: raw.app.id,
      });
    }
  }
  const workflowValidators = (raw.modules['jira:workflowValidator'] ?? []).flatMap((entry) => {
    const parsed = validatorEntry.safeParse(entry);
    if (!parsed.success) return [];
    const { key, name, description } = parsed.data;
    return [{ key, name: name ?? key, description: description ?? '' }];
  });
  return {
    appId: raw.app.id,
    scopes: raw.permissions?.scopes ?? [],
    modules,
    workflowValidators,
  };
}

export const modulesOfType = (manifest: AppManifest, ...types: FramedModuleType[]): UiModule[] =>
  manifest.modules.filter((m) => types.includes(m.type));
