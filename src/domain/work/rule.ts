import { z } from 'zod';
import { conditionShape } from '../json-shape-limits';
import { LIMITS, atMost, overLimit } from '../limits';
import { tokenize } from './text-tokens';
import { describeZodIssues, quoted, ValidationError } from './validation-error';
import { WORK_TYPES, type WorkType } from './work-type';

/** Item fields a rule can test. Each test is "the field has any of these values" (case-insensitive). */
export const RULE_FIELDS = [
  'issueType',
  'label',
  'component',
  'parentIssueType',
  'parentKey',
  'summaryKeyword',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

/** One test on one field, or `all` / `any` of nested conditions. */
export type RuleCondition =
  | { readonly field: RuleField; readonly anyOf: readonly string[] }
  | { readonly all: readonly RuleCondition[] }
  | { readonly any: readonly RuleCondition[] };

/**
 * A classification rule as the project admin edits it (data, stored with the project policy).
 * Rules are evaluated in list order and the first match wins (PRODUCT.md §1).
 */
export interface ClassificationRule {
  /** Stable id shown to people ("tagged by rule bug-is-reliability") and stored on the issue. */
  readonly id: string;
  readonly type: WorkType;
  readonly when: RuleCondition;
  readonly description?: string;
}

const nonEmptyText = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'must not be empty' });

/** A text of at most `name`'s limit of characters (src/domain/limits.ts). */
const boundedText = (name: 'ruleValueLength' | 'ruleId') =>
  nonEmptyText.max(LIMITS[name].limit, { error: `must be ${atMost(name)}` });

const conditionList = (): z.ZodArray<z.ZodType<RuleCondition>> =>
  z
    .array(conditionSchema, { error: 'must be a list of conditions' })
    .min(1, { error: 'must list at least one condition' });

/**
 * One object with every form's keys optional, then a check that exactly one form is used: unlike a
 * union, this keeps zod's path into nested conditions, so a typo deep in `all` is reported where it is.
 */
const conditionSchema: z.ZodType<RuleCondition> = z.lazy(() =>
  z
    .strictObject(
      {
        field: z
          .enum(RULE_FIELDS, { error: `must be one of ${RULE_FIELDS.join(', ')}` })
          .optional(),
        anyOf: z
          .array(boundedText('ruleValueLength'), { error: 'must be a list of values' })
          .min(1, { error: 'must list at least one value' })
          .max(LIMITS.ruleValues.limit, { error: `must list ${atMost('ruleValues')}` })
          .optional(),
        all: conditionList().optional(),
        any: conditionList().optional(),
      },
      {
        error: (issue) =>
          (issue.code === 'unrecognized_keys'
            ? `has unknown key(s) ${issue.keys.join(', ')}; `
            : '') +
          'must be a condition object: { field, anyOf }, { all: [...] } or { any: [...] }',
      },
    )
    .superRefine((value, ctx) => {
      const forms = [value.field !== undefined || value.anyOf !== undefined, value.all, value.any];
      if (forms.filter(Boolean).length !== 1) {
        ctx.addIssue({
          code: 'custom',
          message: 'must use exactly one form: { field, anyOf }, { all: [...] } or { any: [...] }',
        });
      } else if (value.field === undefined && value.anyOf !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['field'], message: 'is required next to anyOf' });
      } else if (value.anyOf === undefined && value.field !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['anyOf'], message: 'is required next to field' });
      } else if (value.field === 'summaryKeyword') {
        // Keywords match whole words; one with no letter or digit could never match anything.
        value.anyOf?.forEach((keyword, index) => {
          if (tokenize(keyword).length === 0) {
            ctx.addIssue({
              code: 'custom',
              path: ['anyOf', index],
              message: `keyword ${quoted(keyword)} has no letter or digit, so it can never match`,
            });
          }
        });
      }
    })
    .transform((value): RuleCondition => {
      if (value.all) return { all: value.all };
      if (value.any) return { any: value.any };
      return { field: value.field ?? 'label', anyOf: value.anyOf ?? [] };
    }),
);

const ruleSchema = z.strictObject({
  id: boundedText('ruleId'),
  type: z.enum(WORK_TYPES, { error: `must be one of ${WORK_TYPES.join(', ')}` }),
  when: conditionSchema,
  description: z
    .string({ error: 'must be text' })
    .max(LIMITS.ruleDescription.limit, { error: `must be ${atMost('ruleDescription')}` })
    .optional(),
});

const rulesSchema = z.array(ruleSchema, { error: 'rules must be a list' });

function sizeProblems(input: unknown): string[] {
  if (!Array.isArray(input)) return [];
  if (input.length > LIMITS.rules.limit) return [`rules: ${overLimit('rules', input.length)}`];
  return input.flatMap((raw: unknown, index) => {
    const when: unknown =
      typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'when')
        ? (raw as { when: unknown }).when
        : undefined;
    const { depth, conditions } = conditionShape(when);
    const where = `${ruleLabel(input, index)}, field "when"`;
    if (depth > LIMITS.ruleDepth.limit)
      return [
        `${where}: conditions nest ${depth.toLocaleString('en')} levels deep; ${atMost('ruleDepth')} are allowed`,
      ];
    if (conditions > LIMITS.ruleConditions.limit)
      return [`${where}: ${overLimit('ruleConditions', conditions)}`];
    return [];
  });
}

function idOf(raw: unknown): string | undefined {
  return typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
    ? raw.id
    : undefined;
}

function ruleLabel(input: unknown, index: number): string {
  const id = idOf(Array.isArray(input) ? (input[index] as unknown) : undefined);
  return id ? `rule ${quoted(id)} (#${index + 1})` : `rule #${index + 1}`;
}

/**
 * Validates rules read from storage or a settings form. Throws a ValidationError listing every
 * problem, each naming the rule (id and position) and the field, e.g.
 * `rule "bugs" (#1), field "when.anyOf": must list at least one value`.
 */
export function parseRules(input: unknown): readonly ClassificationRule[] {
  // The size limits first, measured without recursion: zod's walk of 5,000 rules or of conditions
  // nested thousands deep is what must not run (issue #19, item 4).
  const oversized = sizeProblems(input);
  if (oversized.length > 0) throw new ValidationError('classification rules', oversized);
  const parsed = rulesSchema.safeParse(input);
  const problems = parsed.success
    ? []
    : describeZodIssues(parsed.error, (path) => {
        const [index, ...rest] = path;
        return typeof index === 'number'
          ? { where: ruleLabel(input, index), rest }
          : { where: 'rules', rest: path };
      });
  // Duplicate ids are checked on the raw input too, so they are reported alongside other problems.
  const ids = Array.isArray(input) ? input.map((raw: unknown) => idOf(raw)) : [];
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (id === undefined) return;
    if (seen.has(id)) {
      problems.push(
        `${ruleLabel(input, index)}, field "id": ids must be unique, ${quoted(id)} is used twice`,
      );
    }
    seen.add(id);
  });
  if (!parsed.success || problems.length > 0) {
    throw new ValidationError('classification rules', problems);
  }
  return parsed.data;
}
