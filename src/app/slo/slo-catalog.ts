/**
 * SLO specs: each project owns its SLOs as one versioned document (the OpenSLO file as imported, and
 * the specs read from it), and a site-wide directory maps each SLO name to its project, because the
 * push API names SLOs only by their OpenSLO name. A name belongs to one project at a time.
 */
import {
  parseOpenSlo,
  sloSetChange,
  writeOpenSlo,
  type OpenSloBundle,
  type SloSetChange,
  type SloSpec,
} from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { SloDefinition } from '../../contract/slo';
import { LIMITS, atMost } from '../../domain/limits';
import { AppError } from '../errors';
import { specFromDefinition } from './slo-form';

export const PROJECT_SLOS_KIND = 'project-slos';
export const SLO_DIRECTORY_KIND = 'slo-directory';
const DIRECTORY_ID = 'site';
/** One document per project, ≤ 240 KiB: about 100 SLOs with their OpenSLO source (src/domain/limits.ts). */
export const MAX_SLOS_PER_PROJECT = LIMITS.slosPerProject.limit;

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

export const SLO_DIRECTORY_SCHEMA_VERSION = 1;

export interface SloDirectory {
  /**
   * A Map, never a plain object: SLO names are user-supplied, and `constructor` or `__proto__`
   * looked up in an object finds Object.prototype's members (issue #19).
   */
  readonly entries: ReadonlyMap<string, string>;
  readonly version: number;
  /** False for a directory written by a newer Ballast: read as empty, and never overwritten. */
  readonly readable: boolean;
}

/**
 * SLO name → project key, for every SLO of the site. Stored as `{ schemaVersion: 1, projects }`;
 * a directory written before the version was added is the bare map and reads as version 1.
 */
export async function loadSloDirectory(store: DocumentStore): Promise<SloDirectory> {
  const stored = await store.get(SLO_DIRECTORY_KIND, DIRECTORY_ID);
  const version = stored?.version ?? 0;
  const value = stored?.value as Record<string, unknown> | undefined;
  if (value === undefined) return { entries: new Map(), version, readable: true };
  if (!('schemaVersion' in value)) return { entries: stringsOf(value), version, readable: true };
  if (value.schemaVersion === SLO_DIRECTORY_SCHEMA_VERSION)
    return { entries: stringsOf(value.projects), version, readable: true };
  return { entries: new Map(), version, readable: false };
}

/** Own entries only (Object.entries), so a stored `__proto__` or `constructor` key is just a name. */
const stringsOf = (value: unknown): Map<string, string> =>
  typeof value === 'object' && value !== null
    ? new Map(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : new Map<string, string>();

/** The spec of an SLO by name, wherever it lives; undefined when no project has it. */
export async function findSloSpec(
  store: DocumentStore,
  name: string,
  directory?: ReadonlyMap<string, string>,
): Promise<{ spec: SloSpec; projectKey: string } | undefined> {
  const entries = directory ?? (await loadSloDirectory(store)).entries;
  const projectKey = entries.get(name);
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
/**
 * Replaces the project's SLOs with those of an OpenSLO file. One that would delete SLOs is refused
 * with their names (CONFLICT, `confirmDeletes`) unless `confirmDeletes` names every one of them.
 */
export async function importProjectSlos(
  store: DocumentStore,
  input: {
    projectKey: string;
    yaml: string;
    version: number;
    confirmDeletes?: readonly string[];
    actor: { accountId: string; at: Date };
  },
): Promise<LoadedProjectSlos & { change: SloSetChange }> {
  // Measured before parsing: the file is read whole, and what it holds is stored in one value.
  if (input.yaml.length > LIMITS.openSloBytes.limit) {
    throw new AppError(
      'BAD_REQUEST',
      `The OpenSLO file was not imported: it has ${input.yaml.length.toLocaleString('en')} characters; ${atMost('openSloBytes')} are allowed.`,
      { field: 'yaml' },
    );
  }
  const parsed = parseOpenSlo(input.yaml);
  if (!parsed.ok) {
    const problems = parsed.issues.map((issue) => ({
      line: issue.line,
      message: `${issue.document}${issue.path ? `: ${issue.path}` : ''}: ${issue.message}`,
    }));
    throw new AppError(
      'BAD_REQUEST',
      `The OpenSLO file was not imported: ${problems.length} problem${problems.length === 1 ? '' : 's'}, the first: ${problems[0]?.line === null || problems[0] === undefined ? '' : `line ${problems[0].line}: `}${problems[0]?.message ?? ''}`,
      { problems, field: 'yaml' },
    );
  }
  const names = parsed.bundle.slos.map((s) => s.name);
  if (names.length > MAX_SLOS_PER_PROJECT) {
    throw new AppError(
      'BAD_REQUEST',
      `A project can hold at most ${MAX_SLOS_PER_PROJECT} SLOs; this file has ${names.length}. Split the services over projects.`,
      { field: 'yaml' },
    );
  }
  const taken = await namesOfOtherProjects(store, input.projectKey, names);
  if (taken.length > 0) {
    throw new AppError(
      'CONFLICT',
      `SLO name${taken.length === 1 ? '' : 's'} ${taken.map((t) => `"${t.name}" (project ${t.owner})`).join(', ')} already belong${taken.length === 1 ? 's' : ''} to another project. SLO names are unique on the site because pushed SLI data names them.`,
    );
  }
  const current = await loadProjectSlos(store, input.projectKey);
  // Names of a list someone else has changed would mislead: reload first.
  if (current.version !== input.version) throw new AppError('CONFLICT', STALE_FORM);
  const change = sloSetChange(current.slos.bundle.slos, parsed.bundle.slos);
  const confirmed = new Set(input.confirmDeletes ?? []);
  if (change.deleted.some((name) => !confirmed.has(name))) {
    const count = change.deleted.length;
    throw new AppError(
      'CONFLICT',
      `This file does not have ${count === 1 ? 'the SLO' : `${count} of the project's SLOs`} ${change.deleted.map((name) => `"${name}"`).join(', ')}: importing it deletes ${count === 1 ? 'it' : 'them'} (their SLI data stays stored but is no longer used). Nothing was changed; confirm to delete ${count === 1 ? 'it' : 'them'} and import.`,
      { confirmDeletes: change.deleted },
    );
  }
  return { ...(await writeProjectSlos(store, { ...input, field: 'yaml' }, parsed.bundle)), change };
}

/** Which of `names` the site directory gives to another project than `projectKey`. */
async function namesOfOtherProjects(
  store: DocumentStore,
  projectKey: string,
  names: readonly string[],
): Promise<{ name: string; owner: string }[]> {
  const directory = await loadSloDirectory(store);
  return names.flatMap((name) => {
    const owner = directory.entries.get(name);
    return owner !== undefined && owner !== projectKey ? [{ name, owner }] : [];
  });
}

/**
 * Stores the project's bundle against the version read (CONFLICT when someone else saved since),
 * then points the directory at its names.
 */
async function writeProjectSlos(
  store: DocumentStore,
  input: {
    projectKey: string;
    version: number;
    actor: { accountId: string; at: Date };
    /** The request field a refusal names (`yaml` for an import). */
    field?: string;
  },
  bundle: OpenSloBundle,
): Promise<LoadedProjectSlos> {
  const value: ProjectSlos = { schemaVersion: 1, bundle };
  // Each SLO within its limits can still add up to more than one storage value holds (240 KiB).
  const bytes = new TextEncoder().encode(JSON.stringify(value)).length;
  if (bytes > LIMITS.openSloBytes.limit) {
    throw new AppError(
      'BAD_REQUEST',
      `The project's SLOs would take ${bytes.toLocaleString('en')} bytes stored; at most ${LIMITS.openSloBytes.limit.toLocaleString('en')} are allowed. Shorten their queries and descriptions, or split the services over projects.`,
      input.field === undefined ? {} : { field: input.field },
    );
  }
  const stored = await store.put(
    PROJECT_SLOS_KIND,
    input.projectKey,
    value,
    input.version,
    input.actor,
  );
  await updateDirectory(
    store,
    input.projectKey,
    bundle.slos.map((s) => s.name),
    input.actor,
  );
  return { slos: value, version: stored.version };
}

const STALE_FORM =
  "Someone else changed this project's SLOs since you opened them. Reload the SLOs to see their change, then make yours again.";

/**
 * Adds one SLO (`originalName` null) or replaces the one named `originalName`, from the settings
 * form. The form value is read by the OpenSLO importer (slo-form.ts); a refusal names the field.
 * The name of a stored SLO cannot change: its pushed SLI data is stored under it.
 */
export async function saveProjectSlo(
  store: DocumentStore,
  input: {
    projectKey: string;
    originalName: string | null;
    definition: SloDefinition;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<LoadedProjectSlos> {
  const { slos, version } = await loadProjectSlos(store, input.projectKey);
  if (version !== input.version) throw new AppError('CONFLICT', STALE_FORM);
  const current = slos.bundle.slos;
  const name = input.definition.name.trim();
  const existing =
    input.originalName === null ? undefined : current.find((s) => s.name === input.originalName);
  if (input.originalName !== null && existing === undefined) {
    throw new AppError(
      'NOT_FOUND',
      `The SLO "${input.originalName}" no longer exists. ${STALE_FORM}`,
    );
  }
  if (existing !== undefined && name !== existing.name) {
    throw new AppError(
      'BAD_REQUEST',
      `Name: an SLO's name cannot change, because its pushed SLI data is stored under it. Add a new SLO with the name "${name}" and delete "${existing.name}" instead.`,
      { field: 'name' },
    );
  }
  if (existing === undefined && current.some((s) => s.name === name)) {
    throw new AppError(
      'BAD_REQUEST',
      `Name: this project already has an SLO named "${name}"; choose another name, or edit that SLO.`,
      { field: 'name' },
    );
  }
  if (existing === undefined && current.length >= MAX_SLOS_PER_PROJECT) {
    throw new AppError(
      'BAD_REQUEST',
      `A project can hold at most ${MAX_SLOS_PER_PROJECT} SLOs. Delete one, or define this one in another project.`,
    );
  }
  const read = specFromDefinition(input.definition, existing);
  if (!read.ok) {
    throw new AppError('BAD_REQUEST', read.message, read.field ? { field: read.field } : {});
  }
  const [taken] = await namesOfOtherProjects(store, input.projectKey, [name]);
  if (taken !== undefined) {
    throw new AppError(
      'BAD_REQUEST',
      `Name: "${name}" is already an SLO of project ${taken.owner}. SLO names are unique on the site because pushed SLI data names them; choose another name.`,
      { field: 'name' },
    );
  }
  const bundle: OpenSloBundle = {
    ...slos.bundle,
    slos: existing
      ? current.map((s) => (s.name === existing.name ? read.spec : s))
      : [...current, read.spec],
  };
  // The whole document must still read back (what the YAML export gives must import again).
  const check = parseOpenSlo(writeOpenSlo(bundle));
  if (!check.ok) {
    const issue = check.issues[0];
    throw new AppError(
      'BAD_REQUEST',
      `The project's SLOs would not read back with this change: ${issue?.document ?? ''} ${issue?.path ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  return writeProjectSlos(store, input, bundle);
}

/**
 * Removes one SLO. Its stored SLI data and status stay in storage, unused: pushes naming it are
 * refused and the gate no longer counts it; an SLO created again under that name (in any project)
 * finds the data again.
 */
export async function deleteProjectSlo(
  store: DocumentStore,
  input: {
    projectKey: string;
    name: string;
    version: number;
    actor: { accountId: string; at: Date };
  },
): Promise<LoadedProjectSlos> {
  const { slos, version } = await loadProjectSlos(store, input.projectKey);
  if (version !== input.version) throw new AppError('CONFLICT', STALE_FORM);
  if (!slos.bundle.slos.some((s) => s.name === input.name)) {
    throw new AppError('NOT_FOUND', `This project has no SLO named "${input.name}".`);
  }
  const bundle: OpenSloBundle = {
    ...slos.bundle,
    slos: slos.bundle.slos.filter((s) => s.name !== input.name),
  };
  return writeProjectSlos(store, input, bundle);
}

/**
 * Points the directory's names at this project (and drops its names no longer in the file; all of
 * them with `names` empty, when the project's data is deleted).
 */
export async function updateDirectory(
  store: DocumentStore,
  projectKey: string,
  names: readonly string[],
  actor: { accountId: string; at: Date },
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    const directory = await loadSloDirectory(store);
    if (!directory.readable)
      throw new AppError(
        'INTERNAL',
        "The site's SLO directory was written by a newer version of Ballast, so it was not changed. Update Ballast, then save the SLOs again.",
      );
    const next = new Map<string, string>();
    for (const [name, owner] of directory.entries) {
      if (owner !== projectKey) next.set(name, owner);
    }
    for (const name of names) next.set(name, projectKey);
    try {
      await store.put(
        SLO_DIRECTORY_KIND,
        DIRECTORY_ID,
        // Object.fromEntries defines own properties, so `__proto__` is stored as a name too.
        { schemaVersion: SLO_DIRECTORY_SCHEMA_VERSION, projects: Object.fromEntries(next) },
        directory.version,
        actor,
      );
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
