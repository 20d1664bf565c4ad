/**
 * Where the error-budget gate's overrides are kept (PRODUCT.md §4: "Overrides need a reason and are
 * audited"): one versioned document per project (`gate-overrides`, `<projectKey>`). Entries are never
 * edited except to end one early (who and when are kept), and never removed while they fit: at about
 * 0.8 KB each (reason ≤ 500 characters), MAX_KEPT entries stay far below Forge's 240 KiB value limit;
 * past it, the oldest entries no longer in force make room (gate-overrides.ts).
 */
import { z } from 'zod';
import type { GateOverride } from '../../domain/gate';
import type { DocumentStore } from '../../ports/document-store';
import { AppError } from '../errors';

export const GATE_OVERRIDES_KIND = 'gate-overrides';
export const MAX_KEPT = 200;
export const GATE_OVERRIDES_SCHEMA_VERSION = 1;

const entrySchema = z.object({
  id: z.string(),
  accountId: z.string(),
  at: z.iso.datetime(),
  until: z.iso.datetime(),
  reason: z.string(),
  endedAt: z.iso.datetime().nullable(),
  endedBy: z.string().nullable(),
});
const documentSchema = z.object({
  schemaVersion: z.literal(GATE_OVERRIDES_SCHEMA_VERSION),
  entries: z.array(entrySchema),
});

export type GateOverrideEntry = z.infer<typeof entrySchema>;

export interface LoadedGateOverrides {
  readonly entries: readonly GateOverrideEntry[];
  readonly version: number;
}

export async function loadGateOverrideEntries(
  store: DocumentStore,
  projectKey: string,
): Promise<LoadedGateOverrides> {
  const stored = await store.get(GATE_OVERRIDES_KIND, projectKey);
  if (stored === undefined) return { entries: [], version: 0 };
  const parsed = documentSchema.safeParse(stored.value);
  if (!parsed.success) {
    // Never overwrite a record we cannot read: that would lose the audit trail.
    throw new AppError(
      'INTERNAL',
      `The error-budget gate overrides of ${projectKey} are unreadable, so nothing was changed. Tell your Jira administrator.`,
    );
  }
  return { entries: parsed.data.entries, version: stored.version };
}

/** When an entry stops applying: its end as recorded, or earlier if someone ended it. */
export function endOf(entry: GateOverrideEntry): number {
  const until = Date.parse(entry.until);
  return entry.endedAt === null ? until : Math.min(until, Date.parse(entry.endedAt));
}

/** The project's overrides as the domain's gate reads them (`projectGate` picks the one in force). */
export async function loadGateOverrides(
  store: DocumentStore,
  projectKey: string,
): Promise<GateOverride[]> {
  return asGateOverrides((await loadGateOverrideEntries(store, projectKey)).entries);
}

/** Stored entries as the domain's gate reads them (an entry ended early ends then). */
export function asGateOverrides(entries: readonly GateOverrideEntry[]): GateOverride[] {
  return entries.map((e) => ({
    by: e.accountId,
    at: Date.parse(e.at),
    reason: e.reason,
    until: endOf(e),
  }));
}
