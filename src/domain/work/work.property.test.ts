import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClassifiableItem } from './classifiable-item';
import { classify } from './classify';
import { DEFAULT_RULES } from './default-rules';
import { suggestWorkType, trainWorkTypeModel, type TaggedExample } from './work-type-suggestion';
import { WORK_TYPES } from './work-type';

const words = fc.constantFrom(
  'rotate',
  'refactor',
  'alert',
  'export',
  'slo',
  'ops',
  'bug',
  'story',
  'cleanup',
);
// Items from adapters leave `manualType` out when unset; generate them the same way.
const withoutUndefined = ({ manualType, ...rest }: ClassifiableItem): ClassifiableItem =>
  manualType === undefined ? rest : { ...rest, manualType };
const leaf: fc.Arbitrary<ClassifiableItem> = fc
  .record({
    key: fc.constantFrom('BAL-1', 'BAL-2', 'BAL-3'),
    issueType: fc.constantFrom('Bug', 'Story', 'Epic', 'Task', 'Sub-task'),
    summary: fc.array(words, { maxLength: 5 }).map((w) => w.join(' ')),
    labels: fc.subarray(['tech-debt', 'toil', 'sre', 'security', 'frontend']),
    components: fc.subarray(['db', 'web']),
    manualType: fc.option(fc.constantFrom(...WORK_TYPES), { nil: undefined, freq: 4 }),
  })
  .map(withoutUndefined);
const item: fc.Arbitrary<ClassifiableItem> = fc
  .tuple(leaf, fc.option(leaf, { nil: undefined }))
  .map(([child, parent]) => (parent === undefined ? child : { ...child, parent }));

const example: fc.Arbitrary<TaggedExample> = fc.record({
  type: fc.constantFrom(...WORK_TYPES),
  summary: fc.array(words, { maxLength: 4 }).map((w) => w.join(' ')),
  labels: fc.subarray(['ops', 'sre']),
  issueType: fc.constantFrom('Bug', 'Task', 'Story'),
});

describe('work-type properties', () => {
  it('a manual type always decides, whatever the rules and parent', () => {
    fc.assert(
      fc.property(item, (it) => {
        const result = classify(it, DEFAULT_RULES);
        if (it.manualType !== undefined)
          expect([result.type, result.source.kind]).toEqual([it.manualType, 'manual']);
      }),
    );
  });

  it('a rule decision names a rule that exists and has the type it gave', () => {
    fc.assert(
      fc.property(item, (it) => {
        const { source, type } = classify(it, DEFAULT_RULES);
        if (source.kind === 'rule')
          expect(DEFAULT_RULES[source.rulePosition - 1]).toMatchObject({ id: source.ruleId, type });
      }),
    );
  });

  it('the suggestion does not depend on the order of the tagged history', () => {
    fc.assert(
      fc.property(
        fc.array(example, { minLength: 20, maxLength: 40 }).chain((history) =>
          fc.tuple(
            fc.constant(history),
            fc.shuffledSubarray(history, {
              minLength: history.length,
              maxLength: history.length,
            }),
            example,
          ),
        ),
        ([history, reordered, probe]) => {
          expect(suggestWorkType(trainWorkTypeModel(reordered), probe)).toEqual(
            suggestWorkType(trainWorkTypeModel(history), probe),
          );
        },
      ),
    );
  });

  it('a suggestion always has a confidence between the threshold and 1', () => {
    fc.assert(
      fc.property(
        fc.array(example, { minLength: 20, maxLength: 40 }),
        example,
        (history, probe) => {
          const result = suggestWorkType(trainWorkTypeModel(history), probe);
          if (result.kind === 'suggestion')
            expect(result.confidence >= 0.6 && result.confidence <= 1).toBe(true);
        },
      ),
    );
  });
});
