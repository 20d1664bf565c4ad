import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DodChecklistState } from './checklist-state';
import type { DodItem, DodTemplate } from './dod-template';
import { evaluateChecklist } from './evaluate-checklist';
import { migrateChecklist } from './migrate-checklist';
import { anIssue, aTemplate } from './testing/generators';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

const items = fc.uniqueArray(
  fc.record({
    id: fc.constantFrom(...IDS),
    required: fc.boolean(),
    manual: fc.boolean(),
  }),
  { selector: (item) => item.id, minLength: 1, maxLength: IDS.length },
);

const toTemplate = (
  list: { id: string; required: boolean; manual: boolean }[],
  version: number,
): DodTemplate =>
  aTemplate({
    version,
    items: list.map((item): DodItem =>
      item.manual
        ? { id: item.id, text: `Item ${item.id}`, required: item.required, kind: 'manual' }
        : {
            id: item.id,
            text: `Item ${item.id}`,
            required: item.required,
            kind: 'auto',
            check: { type: 'hasEstimate' },
          },
    ),
  });

const ticks = fc.dictionary(fc.constantFrom(...IDS), fc.boolean());

describe('template migration, for any pair of template versions and any ticks', () => {
  it('keeps exactly the ticks of manual items that still exist, and evaluates as before', () => {
    fc.assert(
      fc.property(items, items, ticks, (before, after, ticked) => {
        const previous = toTemplate(before, 1);
        const next = toTemplate(after, 2);
        const state: DodChecklistState = {
          schemaVersion: 1,
          templateId: previous.id,
          templateVersion: 1,
          items: Object.fromEntries(
            Object.entries(ticked).map(([id, done]) => [
              id,
              { done, by: 'acc', at: '2026-03-02T10:00:00Z' },
            ]),
          ),
        };
        const { state: migrated, dropped, added } = migrateChecklist(state, previous, next);
        const manualIds = next.items
          .filter((item) => item.kind === 'manual')
          .map((item) => item.id);

        expect(Object.keys(migrated.items).every((id) => manualIds.includes(id))).toBe(true);
        expect([...Object.keys(migrated.items), ...dropped].sort()).toEqual(
          Object.keys(ticked).sort(),
        );
        expect(added).toEqual(
          next.items.map((i) => i.id).filter((id) => !before.some((b) => b.id === id)),
        );
        expect(evaluateChecklist(next, migrated, anIssue()).items).toEqual(
          evaluateChecklist(next, state, anIssue()).items,
        );
      }),
    );
  });
});
