/**
 * Categories as the UI names them. The list mirrors src/domain/work/work-type.ts, which Custom UI may
 * not import (only src/contract/); the type below keeps the two in step at compile time.
 */
import type { SetWorkTypeRequest } from '../../src/contract/issue-panel';
import type { IssueView } from '../../src/contract/issue-panel';

export type WorkType = NonNullable<SetWorkTypeRequest['workType']>;
export type WorkTypeOrUnclassified = IssueView['workType']['type'];

export const WORK_TYPE_CHOICES: readonly WorkType[] = ['feature', 'debt', 'toil', 'reliability'];

export const WORK_TYPE_LABELS: Readonly<Record<WorkTypeOrUnclassified, string>> = {
  feature: 'Feature',
  debt: 'Debt',
  toil: 'Toil',
  reliability: 'Reliability',
  unclassified: 'Unclassified',
};
