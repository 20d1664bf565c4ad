import type { DodIssue } from '../dod-issue';
import type { DodItem, DodTemplate } from '../dod-template';
import type { DodChecklistState } from '../checklist-state';

/** Test data with sensible defaults; override only what a test is about. */
export function anIssue(overrides: Partial<DodIssue> = {}): DodIssue {
  return {
    key: 'BAL-1',
    issueType: 'Story',
    workType: 'feature',
    estimate: 3,
    labels: [],
    fields: {},
    subtasks: [],
    links: [],
    ...overrides,
  };
}

export function aManualItem(id: string, overrides: Partial<DodItem> = {}): DodItem {
  return { id, text: `Item ${id}`, required: true, kind: 'manual', ...overrides } as DodItem;
}

export function aTemplate(overrides: Partial<DodTemplate> = {}): DodTemplate {
  return {
    id: 'team-feature',
    version: 1,
    name: 'Team feature DoD',
    workType: 'feature',
    issueTypes: [],
    items: [
      aManualItem('code-reviewed', { text: 'Code reviewed' }),
      aManualItem('docs-updated', { text: 'Docs updated', required: false }),
      {
        id: 'estimated',
        text: 'Estimate set',
        required: true,
        kind: 'auto',
        check: { type: 'hasEstimate' },
      },
    ],
    ...overrides,
  };
}

export function aState(
  ticked: Readonly<Record<string, boolean>> = {},
  overrides: Partial<DodChecklistState> = {},
): DodChecklistState {
  const items = Object.fromEntries(
    Object.entries(ticked).map(([id, done]) => [
      id,
      { done, by: 'acc-ana', at: '2026-03-02T10:00:00Z' },
    ]),
  );
  return { schemaVersion: 1, templateId: 'team-feature', templateVersion: 1, items, ...overrides };
}
