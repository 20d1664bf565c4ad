import type { ClassifiableItem } from '../classifiable-item';

/** A plain Task with no labels or components; override only what a test is about. */
export function anItem(overrides: Partial<ClassifiableItem> = {}): ClassifiableItem {
  return {
    key: 'BAL-1',
    issueType: 'Task',
    summary: 'Update the onboarding copy',
    labels: [],
    components: [],
    ...overrides,
  };
}
