/**
 * The last rebalance applied to a sprint, kept so it can be undone: which items moved, from where to
 * where, by whom and when. One versioned document per sprint (`planner-undo`, `<project>.<sprint>`);
 * undoing marks it undone rather than deleting it, so a second undo is refused clearly.
 *
 * It also keeps `replannedIn`: the items Ballast itself moved into the sprint while it was active —
 * pulled in by a rebalance (a re-plan by the Product Owner) or put back by an undo — which count as
 * planned, while items added by hand after the start count against the buffer (PRODUCT.md §2); and
 * `plannedBefore`: the items that counted as planned when the rebalance was applied, so an undo
 * restores them as planned (with the sub-tasks Jira moved along with their parents).
 * And `movedIds` with `movedAt`: the ids of the issues the last apply or undo moved (sub-tasks
 * included) and when, so the reads right after it reconcile them in Jira's eventually consistent
 * search (moved-issues.ts).
 * `appliedMoves` keeps the whole rebalance while an undo is half done (undo-rebalance.ts).
 * `applying` is an apply's claim (apply-rebalance.ts): written over the version it read before it
 * moves anything, so of two applies of one proposal only one moves; a claim older than
 * APPLY_CLAIM_MS is from an apply that died and is ignored. Each move may carry its `amount` (size
 * in the policy's basis when applied), for the audit log of the undo.
 * Entries written before these fields existed read as empty (additive within schema version 1).
 */
import { z } from 'zod';
import type { DocumentStore } from '../../ports/document-store';

export const UNDO_KIND = 'planner-undo';
const SCHEMA_VERSION = 1;

/**
 * How long an apply's claim holds: longer than a resolver may run (25 s, the Forge limit in
 * ../shared/ARCHITECTURE.md), so a live apply is never overtaken; a claim older than this is stale.
 */
export const APPLY_CLAIM_MS = 60_000;

const moveSchema = z.object({
  key: z.string(),
  direction: z.enum(['out', 'in']),
  amount: z.number().optional(),
});

const undoSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  sprintId: z.number(),
  appliedAt: z.string(),
  appliedBy: z.string(),
  /** out: sprint → backlog; in: backlog → sprint. */
  moves: z.array(moveSchema),
  status: z.enum(['applied', 'undone']),
  replannedIn: z.array(z.string()).default([]),
  plannedBefore: z.array(z.string()).default([]),
  movedIds: z.array(z.string()).default([]),
  movedAt: z.string().optional(),
  /**
   * The whole rebalance as applied, kept only while an undo is half done: `moves` then holds what is
   * left to undo (the moved-out items), and the finished undo records the whole rebalance again.
   */
  appliedMoves: z.array(moveSchema).optional(),
  applying: z.object({ accountId: z.string(), at: z.string() }).optional(),
});
export type UndoEntry = z.output<typeof undoSchema>;

export const undoId = (projectKey: string, sprintId: number): string => `${projectKey}.${sprintId}`;

/** The stored entry and its version (0 when none); an unreadable entry counts as none. */
export async function readUndo(
  store: DocumentStore,
  projectKey: string,
  sprintId: number,
): Promise<{ entry: UndoEntry | null; version: number }> {
  const stored = await store.get(UNDO_KIND, undoId(projectKey, sprintId));
  if (stored === undefined) return { entry: null, version: 0 };
  const parsed = undoSchema.safeParse(stored.value);
  return { entry: parsed.success ? parsed.data : null, version: stored.version };
}

/** Whether an apply claimed this sprint's entry less than APPLY_CLAIM_MS ago (see `applying`). */
export function applyInProgress(entry: UndoEntry | null, now: Date): boolean {
  if (entry?.applying === undefined) return false;
  return now.getTime() - Date.parse(entry.applying.at) < APPLY_CLAIM_MS;
}

/** Writes the entry over the version read; on a lost race, once more over the newest version. */
export async function writeUndo(
  store: DocumentStore,
  projectKey: string,
  entry: UndoEntry,
  readVersion: number,
  actor: { accountId: string; at: Date },
): Promise<void> {
  const id = undoId(projectKey, entry.sprintId);
  try {
    await store.put(UNDO_KIND, id, entry, readVersion, actor);
  } catch (error: unknown) {
    if ((error as { code?: unknown }).code !== 'CONFLICT') throw error;
    const latest = await store.get(UNDO_KIND, id);
    await store.put(UNDO_KIND, id, entry, latest?.version ?? 0, actor);
  }
}
