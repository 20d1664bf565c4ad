/**
 * SLO specs: each project owns its SLOs as one versioned document (the OpenSLO file as imported, and
 * the specs read from it), and a site-wide directory maps each SLO name to its project, because the
 * push API names SLOs only by their OpenSLO name. A name belongs to one project at a time.
 */
import { parseOpenSlo, writeOpenSlo, type OpenSloBundle, type SloSpec } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import { AppError } from '../errors';

export const PROJECT_SLOS_KIND = 'project-slos';
export const SLO_DIRECTORY_KIND = 'slo-directory';
const DIRECTORY_ID = 'site';
/** One document per project, ≤ 240 KiB: about 100 SLOs with their OpenSLO source. */
export const MAX_SLOS_PER_PROJECT = 100;

export interface ProjectSlos {
  readonly schemaVersion: 1;
  readonly bundle: OpenSloBundle;
}

export interface LoadedProjectSlos {
  readonly slos: ProjectSlos;
  /** 0 when the project has no SLOs yet. */
  readonly version: number;
}

const EMPTY: ProjectSlos = {
  schemaVersion: 1,
  bundle: { services: [], indicators: [], slos: [] },
};

export async function loadProjectSlos(
  store: DocumentStore,
  projectKey: string,
): Promise<LoadedProjectSlos> {
  const stored = await store.get(PROJECT_SLOS_KIND, projectKey);
  if (stored === undefined) return { slos: EMPTY, version: 0 };
  return { slos: stored.value as ProjectSlos, version: stored.version };
}

/** SLO name → project key, for every SLO of the site. */
export async function loadSloDirectory(
  store: DocumentStore,
): Promise<{ entries: Readonly<Record<string, string>>; version: number }> {
  const stored = await store.get(SLO_DIRECTORY_KIND, DIRECTORY_ID);
  return {
    entries: (stored?.value as Record<string, string> | undefined) ?? {},
    version: stored?.version ?? 0,
  };
}

/** The spec of an SLO by name, wherever it lives; undefined when no project has it. */
export async function findSloSpec(
  store: DocumentStore,
  name: string,
  directory?: Readonly<Record<string, string>>,
): Promise<{ spec: SloSpec; projectKey: string } | undefined> {
  const entries = directory ?? (await loadSloDirectory(store)).entries;
  const projectKey = entries[name];
  if (projectKey === undefined) return undefined;
  const { slos } = await loadProjectSlos(store, projectKey);
  const spec = slos.bundle.slos.find((s) => s.name === name);
  return spec === undefined ? undefined : { spec, projectKey };
}

/**
 * Replaces a project's SLOs with those of an OpenSLO file. Refuses, storing nothing, a file with
 * problems (each at its line), more than MAX_SLOS_PER_PROJECT SLOs, or an SLO name another project
 * already uses. The directory is updated after the project document; a crash in between leaves a
 * name in the directory that resolves to no spec (refused as unknown) — never a lost SLO.
 */
export async function importProjectSlos(
  store: DocumentStore,
  input: {
    projectKey: string;
    yaml: string;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<LoadedProjectSlos> {
  const parsed = parseOpenSlo(input.yaml);
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => ({
      line: issue.line,
      message: `${issue.document}${issue.path ? `: ${issue.path}` : ''}: ${issue.message}`,
    }));
    throw new AppError(
      'BAD_REQUEST',
      `The OpenSLO file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first: ${problems[0]?.line === null || problems[0] === undefined ? '' : `line ${problems[0].line}: `}${problems[0]?.message ?? ''}`,
      { problems },
    );
  }
  const names = parsed.bundle.slos.map((s) => s.name);
  if (names.length > MAX_SLOS_PER_PROJECT) {
    throw new AppError(
      'BAD_REQUEST',
      `A project can hold at most ${MAX_SLOS_PER_PROJECT} SLOs; this file has ${names.length}. Split the services over projects.`,
    );
  }
  const directory = await loadSloDirectory(store);
  const taken = names.filter((n) => {
    const owner = directory.entries[n];
    return owner !== undefined && owner !== input.projectKey;
  });
  if (taken.length > 0) {
    throw new AppError(
      'CONFLICT',
      `SLO name${taken.length === 1 ? '' : 's'} ${taken.map((n) => `"${n}" (project ${directory.entries[n]})`).join(', ')} already belong${taken.length === 1 ? 's' : ''} to another project. SLO names are unique on the site because pushed SLI data names them.`,
    );
  }
  const value: ProjectSlos = { schemaVersion: 1, bundle: parsed.bundle };
  const stored = await store.put(
    PROJECT_SLOS_KIND,
    input.projectKey,
    value,
    input.version,
    input.actor,
  );
  await updateDirectory(store, input.projectKey, names, input.actor);
  return { slos: value, version: stored.version };
}

/** Points the directory's names at this project (and drops its names no longer in the file). */
async function updateDirectory(
  store: DocumentStore,
  projectKey: string,
  names: readonly string[],
  actor: { accountId: string; at: Date },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const directory = await loadSloDirectory(store);
    const next: Record<string, string> = {};
    for (const [name, owner] of Object.entries(directory.entries)) {
      if (owner !== projectKey) next[name] = owner;
    }
    for (const name of names) next[name] = projectKey;
    try {
      await store.put(SLO_DIRECTORY_KIND, DIRECTORY_ID, next, directory.version, actor);
      return;
    } catch (error: unknown) {
      // Another project imported at the same moment: read again and reapply (bounded).
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 5) throw error;
    }
  }
}

export function exportProjectSlos(slos: ProjectSlos): string {
  return writeOpenSlo(slos.bundle);
}
