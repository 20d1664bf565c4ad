import { describe, expect, it } from 'vitest';
import { DEFAULT_DOD_TEMPLATES } from './default-templates';
import { validateDodTemplates } from './validate-templates';
import { aTemplate } from './testing/generators';

describe('validating Definition of Done templates', () => {
  it('accepts the default templates', () => {
    expect(validateDodTemplates(DEFAULT_DOD_TEMPLATES)).toEqual({
      ok: true,
      templates: DEFAULT_DOD_TEMPLATES,
    });
  });

  it('accepts an empty list (a project with no Definition of Done)', () => {
    expect(validateDodTemplates([])).toEqual({ ok: true, templates: [] });
  });

  it.each<[string, unknown, string[]]>([
    ['a value that is not a list', { id: 'x' }, ['templates: must be a list']],
    [
      'an item with empty text, naming template, item and field',
      [aTemplate({ items: [{ id: 'code-reviewed', text: ' ', required: true, kind: 'manual' }] })],
      ['template 1 ("team-feature"), item 1 ("code-reviewed"), field text: must not be empty'],
    ],
    [
      'an auto item whose label check has no label',
      [
        aTemplate({
          items: [
            {
              id: 'labelled',
              text: 'Labelled',
              required: true,
              kind: 'auto',
              check: { type: 'labelPresent' },
            },
          ],
        } as never),
      ],
      [
        'template 1 ("team-feature"), item 1 ("labelled"), field check.label: Invalid input: expected string, received undefined',
      ],
    ],
    [
      'a version of zero',
      [aTemplate({ version: 0 })],
      ['template 1 ("team-feature"), field version: must be 1 or more'],
    ],
    [
      'an item id with capitals',
      [aTemplate({ items: [{ id: 'Code', text: 'Code', required: true, kind: 'manual' }] })],
      [
        'template 1 ("team-feature"), item 1 ("Code"), field id: must be 1–64 lower-case letters, digits or dashes, starting with a letter or digit',
      ],
    ],
    [
      'a template with no items',
      [aTemplate({ items: [] })],
      ['template 1 ("team-feature"), field items: must list at least one item'],
    ],
    [
      'two items with the same id',
      [
        aTemplate({
          items: [
            { id: 'a', text: 'A', required: true, kind: 'manual' },
            { id: 'a', text: 'A again', required: false, kind: 'manual' },
          ],
        }),
      ],
      ['template "team-feature": item id "a" is used twice; ids must be unique'],
    ],
    [
      'two templates with the same id',
      [aTemplate({ workType: 'feature' }), aTemplate({ workType: 'debt' })],
      ['template id "team-feature" is used twice'],
    ],
    [
      'two generic templates for one work type',
      [aTemplate({ id: 'one' }), aTemplate({ id: 'two' })],
      [
        'templates "one" and "two" both apply to category feature and all issue types; narrow one of them',
      ],
    ],
    [
      'two templates claiming the same issue type',
      [
        aTemplate({ id: 'one', issueTypes: ['Bug'] }),
        aTemplate({ id: 'two', issueTypes: ['bug', 'Task'] }),
      ],
      [
        'templates "one" and "two" both apply to category feature and issue type "bug"; narrow one of them',
      ],
    ],
  ])('refuses %s', (_name, raw, errors) => {
    expect(validateDodTemplates(raw)).toEqual({ ok: false, errors });
  });

  it('allows a narrowed template next to a generic one for the same work type', () => {
    const templates = [
      aTemplate({ id: 'generic' }),
      aTemplate({ id: 'bugs', issueTypes: ['Bug'] }),
    ];
    expect(validateDodTemplates(templates).ok).toBe(true);
  });
});
