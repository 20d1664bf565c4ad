import { describe, expect, it } from 'vitest';
import { selectTemplate } from './select-template';
import { aTemplate } from './testing/generators';

const templates = [
  aTemplate({ id: 'feature-generic' }),
  aTemplate({ id: 'feature-bugs', issueTypes: ['Bug'] }),
  aTemplate({ id: 'toil-tasks', workType: 'toil', issueTypes: ['Task'] }),
];

describe('selecting the template an issue follows', () => {
  it.each([
    ['a feature Story gets the generic feature template', 'feature', 'Story', 'feature-generic'],
    ['a feature Bug gets the template narrowed to bugs', 'feature', 'bug', 'feature-bugs'],
    ['a toil Task gets the toil template for tasks', 'toil', 'Task', 'toil-tasks'],
    ['a toil Story gets none: no generic toil template', 'toil', 'Story', undefined],
    ['an unclassified item gets none here', 'unclassified', 'Story', undefined],
  ] as const)('%s', (_name, workType, issueType, expected) => {
    expect(selectTemplate(templates, { workType, issueType })?.id).toBe(expected);
  });

  it('finds nothing in an empty list', () => {
    expect(selectTemplate([], { workType: 'feature', issueType: 'Story' })).toBeUndefined();
  });
});
