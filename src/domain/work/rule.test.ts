import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from './default-rules';
import { parseRules } from './rule';
import { ValidationError } from './validation-error';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseRules(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseRules', () => {
  it('accepts the default rules unchanged', () => {
    expect(parseRules(DEFAULT_RULES)).toEqual(DEFAULT_RULES);
  });

  it('accepts nested all/any conditions', () => {
    const rules = [
      {
        id: 'billing-debt',
        type: 'debt',
        when: {
          all: [
            { field: 'component', anyOf: ['billing'] },
            { any: [{ field: 'summaryKeyword', anyOf: ['cleanup', 'migrate'] }] },
          ],
        },
      },
    ];
    expect(parseRules(rules)).toEqual(rules);
  });

  it.each([
    [
      'a rule with no values to match',
      [{ id: 'bugs', type: 'reliability', when: { field: 'issueType', anyOf: [] } }],
      'rule "bugs" (#1), field "when.anyOf": must list at least one value',
    ],
    [
      'a rule with an unknown work type',
      [{ id: 'bugs', type: 'bugfix', when: { field: 'issueType', anyOf: ['Bug'] } }],
      'rule "bugs" (#1), field "type": must be one of feature, debt, toil, reliability',
    ],
    [
      'a rule with an unknown field deep inside a combinator',
      [{ id: 'x', type: 'debt', when: { all: [{ field: 'lables', anyOf: ['a'] }] } }],
      'rule "x" (#1), field "when.all.0.field": must be one of issueType, label, component, parentIssueType, parentKey, summaryKeyword',
    ],
    [
      'a rule without an id',
      [{ type: 'debt', when: { field: 'label', anyOf: ['a'] } }],
      'rule #1, field "id": must be text',
    ],
    [
      'a condition mixing two forms',
      [{ id: 'x', type: 'debt', when: { field: 'label', anyOf: ['a'], any: [] } }],
      'rule "x" (#1), field "when.any": must list at least one condition',
    ],
    [
      'a field without values',
      [{ id: 'x', type: 'debt', when: { field: 'label' } }],
      'rule "x" (#1), field "when.anyOf": is required next to field',
    ],
    [
      'a summary keyword that can never match',
      [{ id: 'x', type: 'toil', when: { field: 'summaryKeyword', anyOf: ['ops', '--'] } }],
      'rule "x" (#1), field "when.anyOf.1": keyword "--" has no letter or digit, so it can never match',
    ],
    [
      'two rules with the same id',
      [
        { id: 'x', type: 'debt', when: { field: 'label', anyOf: ['a'] } },
        { id: 'x', type: 'toil', when: { field: 'label', anyOf: ['b'] } },
      ],
      'rule "x" (#2), field "id": ids must be unique, "x" is used twice',
    ],
    ['something that is not a list', { id: 'x' }, 'rules: rules must be a list'],
  ])('rejects %s with a message naming the rule and field', (_name, input, message) => {
    expect(problemsOf(input)).toContain(message);
  });

  it('reports a duplicate id even when another rule is invalid too', () => {
    const input = [
      { id: 'a', type: 'debt', when: { field: 'label', anyOf: ['x'] } },
      { id: 'a', type: 'nope', when: { field: 'label', anyOf: ['y'] } },
    ];
    expect(problemsOf(input)).toContain(
      'rule "a" (#2), field "id": ids must be unique, "a" is used twice',
    );
  });

  it('reports every problem at once, not only the first', () => {
    const input = [
      { id: 'a', type: 'nope', when: { field: 'label', anyOf: ['x'] } },
      { id: 'b', type: 'debt', when: { field: 'label', anyOf: [] } },
    ];
    expect(problemsOf(input)).toHaveLength(2);
  });
});
