import { z } from 'zod';
import type { DodTemplate } from './dod-template';

/**
 * What an issue stores about its Definition of Done (inside the `ballast` issue entity property,
 * ≤32 KB): the template version it follows and each manual item's state with who and when. Auto
 * items are computed from the issue every time and never stored. Timestamps are ISO-8601 strings.
 * Around 120 bytes per ticked item, so even a 50-item template stays far below the limit.
 */
export interface ManualItemState {
  readonly done: boolean;
  /** Atlassian account id of the person who last ticked or unticked it. */
  readonly by: string;
  /** ISO-8601 timestamp of that change. */
  readonly at: string;
}

export interface DodChecklistState {
  readonly schemaVersion: 1;
  readonly templateId: string;
  readonly templateVersion: number;
  /** Manual item id → state; an item with no entry is open. */
  readonly items: Readonly<Record<string, ManualItemState>>;
}

export function newChecklist(template: DodTemplate): DodChecklistState {
  return {
    schemaVersion: 1,
    templateId: template.id,
    templateVersion: template.version,
    items: {},
  };
}

export type ChecklistChange =
  | { readonly ok: true; readonly state: DodChecklistState }
  | { readonly ok: false; readonly error: string };

/**
 * Ticks (`done: true`) or unticks a manual item, recording who and when. Refuses unknown items and
 * auto items, which people cannot tick.
 */
export function setManualItem(
  state: DodChecklistState,
  template: DodTemplate,
  itemId: string,
  change: ManualItemState,
): ChecklistChange {
  const item = template.items.find((candidate) => candidate.id === itemId);
  if (item === undefined) {
    return { ok: false, error: `"${itemId}" is not an item of the template "${template.name}"` };
  }
  if (item.kind === 'auto') {
    return {
      ok: false,
      error: `"${item.text}" is checked automatically and cannot be ticked by hand`,
    };
  }
  return { ok: true, state: { ...state, items: { ...state.items, [itemId]: { ...change } } } };
}

const stateSchema = z.strictObject({
  schemaVersion: z.literal(1),
  templateId: z.string().min(1),
  templateVersion: z.number().int().positive(),
  items: z.record(
    z.string(),
    z.strictObject({
      done: z.boolean(),
      by: z.string().min(1),
      at: z.iso.datetime({ offset: true }),
    }),
  ),
}) satisfies z.ZodType<DodChecklistState>;

export type ChecklistStateParse =
  | { readonly ok: true; readonly state: DodChecklistState }
  | { readonly ok: false; readonly errors: readonly string[] };

/** Reads a stored state (issue property JSON); errors name the field that is wrong. */
export function parseChecklistState(raw: unknown): ChecklistStateParse {
  const parsed = stateSchema.safeParse(raw);
  if (parsed.success) return { ok: true, state: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map(
      (issue) =>
        `checklist state, field ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`,
    ),
  };
}
