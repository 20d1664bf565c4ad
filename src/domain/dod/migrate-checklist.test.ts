import { describe, expect, it } from 'vitest';
import { evaluateChecklist } from './evaluate-checklist';
import { migrateChecklist } from './migrate-checklist';
import { aManualItem, aState, aTemplate, anIssue } from './testing/generators';

const v1 = aTemplate({
  version: 1,
  items: [
    aManualItem('code-reviewed', { text: 'Code reviewed' }),
    aManualItem('demoed', { text: 'Demoed' }),
  ],
});
// v2: "code-reviewed" renamed, "demoed" removed, "security-review" added as required.
const v2 = aTemplate({
  version: 2,
  items: [
    aManualItem('code-reviewed', { text: 'Code reviewed by a second person' }),
    aManualItem('security-review', { text: 'Security review done' }),
  ],
});
const ticked = aState({ 'code-reviewed': true, demoed: true });

describe('moving a checklist to a new template version', () => {
  const migration = migrateChecklist(ticked, v1, v2);

  it('keeps ticks of items whose id is kept, with who and when, even when the text changed', () => {
    expect(migration.state.items['code-reviewed']).toEqual({
      done: true,
      by: 'acc-ana',
      at: '2026-03-02T10:00:00Z',
    });
  });

  it('drops items the template removed', () => {
    expect(migration.dropped).toEqual(['demoed']);
    expect(migration.state.items).not.toHaveProperty('demoed');
  });

  it('reports new items, which start open', () => {
    expect(migration.added).toEqual(['security-review']);
    const evaluation = evaluateChecklist(v2, migration.state, anIssue());
    expect(evaluation.openRequired.map((item) => [item.id, item.text])).toEqual([
      ['security-review', 'Security review done'],
    ]);
    expect(evaluation.complete).toBe(false);
  });

  it('follows the new version afterwards', () => {
    expect([migration.state.templateId, migration.state.templateVersion]).toEqual([
      'team-feature',
      2,
    ]);
    expect(evaluateChecklist(v2, migration.state, anIssue()).outdated).toBe(false);
  });

  it('gives the same evaluation as reading the old state against the new template', () => {
    const direct = evaluateChecklist(v2, ticked, anIssue());
    const migrated = evaluateChecklist(v2, migration.state, anIssue());
    expect(migrated.items).toEqual(direct.items);
  });

  it('drops a manual item that became automatic (its tick no longer means anything)', () => {
    const v3 = aTemplate({
      version: 3,
      items: [
        {
          id: 'demoed',
          text: 'Demoed',
          required: true,
          kind: 'auto',
          check: { type: 'labelPresent', label: 'demoed' },
        },
      ],
    });
    expect(migrateChecklist(ticked, v1, v3).dropped).toEqual(['code-reviewed', 'demoed']);
  });

  it('lists nothing as added when the previous template is unknown', () => {
    expect(migrateChecklist(ticked, undefined, v2).added).toEqual([]);
  });

  it('keeps shared ticks when the work type changed and the issue moves to another template', () => {
    const debt = aTemplate({
      id: 'team-debt',
      workType: 'debt',
      items: [aManualItem('code-reviewed')],
    });
    const moved = migrateChecklist(ticked, v1, debt);
    expect([moved.state.templateId, Object.keys(moved.state.items)]).toEqual([
      'team-debt',
      ['code-reviewed'],
    ]);
  });

  it('migrates an empty checklist to an empty checklist', () => {
    expect(migrateChecklist(aState(), v1, v2)).toEqual({
      state: { schemaVersion: 1, templateId: 'team-feature', templateVersion: 2, items: {} },
      dropped: [],
      added: ['security-review'],
    });
  });
});
