import type { ClassificationRule } from './rule';

/**
 * The default rules of PRODUCT.md §1: Bug → reliability; labels tech-debt/refactor → debt;
 * toil/manual/ops → toil; sre/slo/incident/postmortem → reliability; Story/Epic → feature.
 * The label rules come before Story/Epic so a Story labelled `tech-debt` is debt, not feature;
 * Bug comes first as the brief lists it.
 */
export const DEFAULT_RULES: readonly ClassificationRule[] = [
  {
    id: 'bug-is-reliability',
    type: 'reliability',
    when: { field: 'issueType', anyOf: ['Bug'] },
    description: 'Bugs are production health work',
  },
  {
    id: 'debt-labels',
    type: 'debt',
    when: { field: 'label', anyOf: ['tech-debt', 'refactor'] },
    description: 'Labelled as technical debt',
  },
  {
    id: 'toil-labels',
    type: 'toil',
    when: { field: 'label', anyOf: ['toil', 'manual', 'ops'] },
    description: 'Labelled as manual, repetitive operations work',
  },
  {
    id: 'reliability-labels',
    type: 'reliability',
    when: { field: 'label', anyOf: ['sre', 'slo', 'incident', 'postmortem'] },
    description: 'Labelled as reliability work',
  },
  {
    id: 'story-epic-is-feature',
    type: 'feature',
    when: { field: 'issueType', anyOf: ['Story', 'Epic'] },
    description: 'Stories and epics are feature work unless a rule above says otherwise',
  },
];
