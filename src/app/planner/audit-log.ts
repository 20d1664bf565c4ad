/**
 * The project's append-only audit log of overrides (PRODUCT.md §2, §4: "every override records who,
 * when and why"), of rebalances applied and undone (issue #18: who, when, the sprint, the moves) and
 * of changes to its SLOs and error-budget policy (issue #18).
 * Stored as versioned documents of at most PAGE_CAPACITY entries
 * (`planner-audit`, `<project>.0`, `<project>.1`, …) so the log never reaches Forge's 240 KiB value
 * limit: an override is about 1 KB (the reason is capped at 500 characters), a rebalance entry at
 * most AUDIT_MOVES_PER_ENTRY moves of ~60 bytes (a bigger rebalance takes several entries). Entries
 * written before rebalances were kept have no `kind` and read as overrides. Appends are conditional
 * writes; a writer that loses the race reads again and retries once, so two overrides recorded at the
 * same moment are both kept. Entries are never changed; the retention job removes those older than
 * RETENTION.auditEntries (`pruneAuditEntries`), and a page records how many it lost (`removed`), so
 * a page that held PAGE_CAPACITY entries still counts as full and pages are never renumbered.
 */
import { z } from 'zod';
import {
  AUDIT_MOVES_PER_ENTRY,
  isOverrideEntry,
  type AuditEntry,
  type OverrideEntry,
  type RebalanceAuditEntry,
} from '../../contract/planner';
import { CAPACITY_BASES } from '../../domain/capacity';
import type { DocumentStore } from '../../ports/document-store';
import { GATE_STATES } from '../../domain/gate/gate-state';
import { AppError } from '../errors';

export const AUDIT_KIND = 'planner-audit';
export const PAGE_CAPACITY = 100;
const SCHEMA_VERSION = 1;

const overrideSchema = z.object({
  kind: z.literal('override').optional(),
  id: z.string(),
  accountId: z.string(),
  at: z.string(),
  projectKey: z.string(),
  sprint: z.object({ id: z.number(), name: z.string() }),
  overridden: z.object({
    gateState: z.enum(GATE_STATES),
    headline: z.string(),
    violations: z.array(z.string()),
    fingerprint: z.string(),
  }),
  reason: z.string(),
});
const names = z.array(z.string());
const changeSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  at: z.string(),
  projectKey: z.string(),
  change: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('slo-import'), added: names, replaced: names, deleted: names }),
    z.object({ kind: z.literal('slo-save'), name: z.string(), added: z.boolean() }),
    z.object({ kind: z.literal('slo-delete'), name: z.string() }),
    z.object({
      kind: z.literal('policy-change'),
      changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
    }),
  ]),
});
const rebalanceSchema = z.object({
  kind: z.enum(['rebalanceApplied', 'rebalanceUndone']),
  id: z.string(),
  accountId: z.string(),
  at: z.string(),
  projectKey: z.string(),
  sprint: z.object({ id: z.number(), name: z.string() }),
  basis: z.enum(CAPACITY_BASES),
  moves: z.array(
    z.object({ key: z.string(), direction: z.enum(['out', 'in']), amount: z.number().nullable() }),
  ),
  part: z.object({ index: z.number(), of: z.number() }).optional(),
});
/** A deployment recorded while the gate was FROZEN (issue #22, app/delivery/record-deployment.ts). */
const releaseSchema = z.object({
  kind: z.literal('releaseDuringFreeze'),
  id: z.string(),
  accountId: z.literal(''),
  at: z.string(),
  projectKey: z.string(),
  deployment: z.object({
    id: z.string(),
    service: z.string(),
    environment: z.string(),
    status: z.enum(['success', 'failed', 'rolled_back']),
    finishedAt: z.string(),
    issueKeys: z.array(z.string()),
  }),
  allowedBy: z.enum(['override', 'exempt']).nullable(),
  override: z.object({ accountId: z.string(), reason: z.string(), until: z.string() }).nullable(),
  items: z.array(
    z.object({ key: z.string(), allowed: z.boolean(), rule: z.string(), message: z.string() }),
  ),
  frozenBy: z.array(z.string()),
  note: z.string().optional(),
});
// Entries written before changes and rebalances were logged are overrides (no `change`, no `kind`).
const entrySchema = z.union([changeSchema, rebalanceSchema, releaseSchema, overrideSchema]);
const pageSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  entries: z.array(entrySchema),
  /** Entries the retention job removed from this page (absent: none). */
  removed: z.number().int().nonnegative().optional(),
});

const pageId = (projectKey: string, page: number): string => `${projectKey}.${page}`;

interface Page {
  readonly entries: AuditEntry[];
  readonly version: number;
  readonly removed: number;
}

/** Entries the page has held, kept or removed: PAGE_CAPACITY means it is full. */
const held = (page: Page): number => page.entries.length + page.removed;

async function readPage(store: DocumentStore, projectKey: string, page: number): Promise<Page> {
  const stored = await store.get(AUDIT_KIND, pageId(projectKey, page));
  if (stored === undefined) return { entries: [], version: 0, removed: 0 };
  const parsed = pageSchema.safeParse(stored.value);
  if (!parsed.success) {
    // Never overwrite an audit page we cannot read: that would lose entries.
    throw new AppError(
      'INTERNAL',
      `The override audit log of ${projectKey} (page ${page}) is unreadable, so nothing was recorded. Tell your Jira administrator.`,
    );
  }
  return {
    entries: parsed.data.entries,
    version: stored.version,
    removed: parsed.data.removed ?? 0,
  };
}

/** Every page, oldest first (pages before the last are full). */
async function readAllPages(store: DocumentStore, projectKey: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (let n = 0; ; n += 1) {
    const page = await readPage(store, projectKey, n);
    if (page.version === 0) break;
    pages.push(page);
    if (held(page) < PAGE_CAPACITY) break;
  }
  return pages;
}

const isConflict = (error: unknown): boolean =>
  error instanceof AppError && error.code === 'CONFLICT';

/** Appends one entry; retries once when another entry was written at the same moment. */
export async function appendAuditEntry(
  store: DocumentStore,
  entry: AuditEntry,
  actor: { accountId: string; at: Date },
): Promise<void> {
  const attempt = async (): Promise<void> => {
    const pages = await readAllPages(store, entry.projectKey);
    const last = pages.at(-1);
    const empty: Page = { entries: [], version: 0, removed: 0 };
    const [n, page] =
      last === undefined
        ? [0, empty]
        : held(last) >= PAGE_CAPACITY
          ? [pages.length, empty]
          : [pages.length - 1, last];
    await store.put(
      AUDIT_KIND,
      pageId(entry.projectKey, n),
      {
        schemaVersion: SCHEMA_VERSION,
        entries: [...page.entries, entry],
        ...(page.removed > 0 ? { removed: page.removed } : {}),
      },
      page.version,
      actor,
    );
  };
  try {
    await attempt();
  } catch (error: unknown) {
    if (!isConflict(error)) throw error;
    try {
      await attempt();
    } catch (again: unknown) {
      if (!isConflict(again)) throw again;
      throw new AppError(
        'CONFLICT',
        isOverrideEntry(entry)
          ? 'Several overrides were being recorded at the same moment and yours was not stored. Record it again.'
          : 'change' in entry
            ? 'Several changes were being recorded in the audit log at the same moment and yours was not logged. Make your change again.'
            : entry.kind === 'releaseDuringFreeze'
              ? 'Several entries were being recorded in the audit log at the same moment and this deployment was not recorded. Send it again.'
              : 'Several changes were being recorded in the audit log at the same moment and this rebalance was not logged.',
        { retryable: true },
      );
    }
  }
}

/** Newest first; `cursor` is how many newer entries to skip. */
export async function listAuditEntries(
  store: DocumentStore,
  projectKey: string,
  cursor: number,
  limit: number,
): Promise<{ entries: AuditEntry[]; total: number }> {
  const all = (await readAllPages(store, projectKey)).flatMap((page) => page.entries);
  const newestFirst = all.reverse();
  return { entries: newestFirst.slice(cursor, cursor + limit), total: newestFirst.length };
}

/** The newest override recorded for a sprint, if any. */
export async function latestOverrideFor(
  store: DocumentStore,
  projectKey: string,
  sprintId: number,
): Promise<OverrideEntry | null> {
  const all = (await readAllPages(store, projectKey)).flatMap((page) => page.entries);
  return (
    all
      .reverse()
      .filter(isOverrideEntry)
      .find((entry) => entry.sprint.id === sprintId) ?? null
  );
}

/**
 * A rebalance applied or undone as audit entries: one per AUDIT_MOVES_PER_ENTRY moves, so an entry
 * stays small however many items moved, all with the same time and person.
 */
export function rebalanceAuditEntries(
  base: Omit<RebalanceAuditEntry, 'id' | 'moves' | 'part'>,
  moves: RebalanceAuditEntry['moves'],
  newId: () => string,
): RebalanceAuditEntry[] {
  const parts: RebalanceAuditEntry['moves'][] = [];
  for (let i = 0; i < moves.length; i += AUDIT_MOVES_PER_ENTRY)
    parts.push(moves.slice(i, i + AUDIT_MOVES_PER_ENTRY));
  return parts.map((part, index) => ({
    ...base,
    id: newId(),
    moves: part,
    ...(parts.length > 1 ? { part: { index: index + 1, of: parts.length } } : {}),
  }));
}

/**
 * Removes the entries older than `cutoff` (RETENTION.auditEntries) from every page of a project's
 * log, counting them in the page's `removed`. A page someone appends to meanwhile is left for the
 * next run (its conditional write is refused); an unreadable page stops the pruning, never lost.
 */
export async function pruneAuditEntries(
  store: DocumentStore,
  projectKey: string,
  cutoff: number,
  actor: { accountId: string; at: Date },
): Promise<number> {
  let removed = 0;
  for (const [n, page] of (await readAllPages(store, projectKey)).entries()) {
    const kept = page.entries.filter((e) => !(Date.parse(e.at) < cutoff));
    if (kept.length === page.entries.length) continue;
    const value = {
      schemaVersion: SCHEMA_VERSION,
      entries: kept,
      removed: page.removed + page.entries.length - kept.length,
    };
    try {
      await store.put(AUDIT_KIND, pageId(projectKey, n), value, page.version, actor);
      removed += page.entries.length - kept.length;
    } catch (error: unknown) {
      if (!isConflict(error)) throw error;
    }
  }
  return removed;
}
