/**
 * Which projects use Ballast: every project any stored document belongs to (its configuration,
 * SLOs, audit log, overrides, undo records, first-seen record) or whose project page has been
 * opened (`metrics-projects`), with when Ballast first and last stored something for it. One
 * function for every place that lists them — the Jira admin's list in project settings, the
 * retention job (whose audit logs to prune), export and delete — so they always agree.
 */
import type { DocumentStore, ListedDocument } from '../../ports/document-store';
import type { KeyValueStore } from '../../ports/key-value-store';
import { GATE_OVERRIDES_KIND } from '../gate/gate-override-store';
import { NOTIFY_SETTINGS_KIND } from '../notify/notify-settings-store';
import { PROJECT_HISTORY_KIND } from '../issue/project-history';
import { PROJECTS_KEY } from '../metrics/snapshot-store';
import { AUDIT_KIND } from '../planner/audit-log';
import { UNDO_KIND } from '../planner/undo-log';
import { PROJECT_SLOS_KIND } from '../slo/slo-catalog';
import { PROJECT_CONFIG_KIND } from './project-config-repository';

/** Document kinds whose id is the project key. */
const BY_PROJECT_KEY = new Set([
  PROJECT_CONFIG_KIND,
  PROJECT_HISTORY_KIND,
  PROJECT_SLOS_KIND,
  GATE_OVERRIDES_KIND,
  NOTIFY_SETTINGS_KIND,
]);
/** Document kinds whose id is `<project key>.<n>` (an audit page, a sprint's undo record). */
const BY_PROJECT_AND_NUMBER = new Set([AUDIT_KIND, UNDO_KIND]);

/** The project a document belongs to; undefined for site-wide documents (the SLO directory). */
export function projectOfDocument(kind: string, id: string): string | undefined {
  if (BY_PROJECT_KEY.has(kind)) return id;
  if (BY_PROJECT_AND_NUMBER.has(kind)) return id.slice(0, id.lastIndexOf('.'));
  return undefined;
}

export interface ProjectUsingBallast {
  readonly projectKey: string;
  /** The document kinds stored for it, sorted (empty when only its page was opened). */
  readonly kinds: readonly string[];
  /** Earliest and latest `updatedAt` of its documents (null without documents). */
  readonly firstStoredAt: string | null;
  readonly lastStoredAt: string | null;
  /** Its project page has been opened (metrics snapshots are kept fresh for it). */
  readonly pageOpened: boolean;
}

/** Every stored document, page by page (DocumentStore.list: 20 a page). */
export async function allDocuments(store: DocumentStore): Promise<ListedDocument[]> {
  const documents: ListedDocument[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list(cursor);
    documents.push(...page.documents);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return documents;
}

/** Sorted by project key. */
export async function projectsUsingBallast(deps: {
  store: DocumentStore;
  kv: KeyValueStore;
}): Promise<ProjectUsingBallast[]> {
  const found = new Map<string, { kinds: Set<string>; times: string[]; pageOpened: boolean }>();
  const of = (key: string) => {
    if (!found.has(key)) found.set(key, { kinds: new Set(), times: [], pageOpened: false });
    return found.get(key)!;
  };
  for (const doc of await allDocuments(deps.store)) {
    const projectKey = projectOfDocument(doc.kind, doc.id);
    if (projectKey === undefined) continue;
    const entry = of(projectKey);
    entry.kinds.add(doc.kind);
    entry.times.push(doc.updatedAt);
  }
  const opened = await deps.kv.get<unknown>(PROJECTS_KEY);
  for (const key of Array.isArray(opened) ? opened : [])
    if (typeof key === 'string') of(key).pageOpened = true;
  return [...found]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([projectKey, { kinds, times, pageOpened }]) => {
      const sorted = [...times].sort();
      return {
        projectKey,
        kinds: [...kinds].sort(),
        firstStoredAt: sorted[0] ?? null,
        lastStoredAt: sorted.at(-1) ?? null,
        pageOpened,
      };
    });
}
