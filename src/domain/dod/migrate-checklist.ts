import type { DodChecklistState, ManualItemState } from './checklist-state';
import type { DodTemplate } from './dod-template';

export interface ChecklistMigration {
  readonly state: DodChecklistState;
  /** Stored item ids the new template no longer has as manual items (their ticks are dropped). */
  readonly dropped: readonly string[];
  /** Item ids in the new template that the previous one did not have; they start open. */
  readonly added: readonly string[];
}

/**
 * Moves a checklist onto a new template version (or another template, when the work type changed).
 * Items are matched by id: a kept id keeps its tick with who and when, even if its text changed;
 * removed items drop out; new items have no state, so they start open. `previous` is the template
 * the state followed, when still known; without it `added` lists nothing.
 */
export function migrateChecklist(
  state: DodChecklistState,
  previous: DodTemplate | undefined,
  next: DodTemplate,
): ChecklistMigration {
  const manualIds = new Set(
    next.items.filter((item) => item.kind === 'manual').map((item) => item.id),
  );
  const items: Record<string, ManualItemState> = {};
  const dropped: string[] = [];
  for (const [id, itemState] of Object.entries(state.items)) {
    if (manualIds.has(id)) items[id] = itemState;
    else dropped.push(id);
  }
  const previousIds = new Set(previous?.items.map((item) => item.id) ?? []);
  const added =
    previous === undefined
      ? []
      : next.items.map((item) => item.id).filter((id) => !previousIds.has(id));
  return {
    state: { schemaVersion: 1, templateId: next.id, templateVersion: next.version, items },
    dropped,
    added,
  };
}
