/**
 * The last rebalance applied to a sprint, kept so it can be undone: which items moved, from where to
 * where, by whom and when. One versioned document per sprint (`planner-undo`, `<project>.<sprint>`);
 * undoing marks it undone rather than deleting it, so a second undo is refused clearly.
 */
import { z } from 'zod';
import type { DocumentStore } from '../../ports/document-store';

export const UNDO_KIND = 'planner-undo';
const SCHEMA_VERSION = 1;

const undoSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  sprintId: z.number(),
  appliedAt: z.string(),
  appliedBy: z.string(),
  /** out: sprint → backlog; in: backlog → sprint. */
  moves: z.array(z.object({ key: z.string(), direction: z.enum(['out', 'in']) })),
  status: z.enum(['applied', 'undone']),
});
export type UndoEntry = z.infer<typeof undoSchema>;

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
