import { z } from 'zod';
import { LIMITS, atMost } from '../limits';
import { WORK_TYPES } from '../work/work-type';
import type { DodTemplate } from './dod-template';

/**
 * Schemas for templates arriving as JSON (settings page, KVS). Structural checks live here; the
 * cross-field rules (unique ids, unambiguous scopes) are in validate-templates.ts.
 */
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const idSchema = z
  .string()
  .regex(
    ID_PATTERN,
    'must be 1–64 lower-case letters, digits or dashes, starting with a letter or digit',
  );
const textSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

const autoCheckSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('hasEstimate') }),
  z.strictObject({ type: z.literal('hasWorkType') }),
  z.strictObject({ type: z.literal('allSubtasksDone') }),
  z.strictObject({ type: z.literal('fieldSet'), field: nameSchema, fieldName: nameSchema }),
  z.strictObject({ type: z.literal('labelPresent'), label: nameSchema }),
  z.strictObject({
    type: z.literal('linkExists'),
    linkType: nameSchema,
    linkedIssueType: nameSchema.optional(),
  }),
  z.strictObject({ type: z.literal('postmortemLinked') }),
]);

const itemBase = { id: idSchema, text: textSchema, required: z.boolean() };

const itemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...itemBase, kind: z.literal('manual') }),
  z.strictObject({ ...itemBase, kind: z.literal('auto'), check: autoCheckSchema }),
]);

export const dodTemplateSchema = z.strictObject({
  id: idSchema,
  version: z.number().int('must be a whole number').positive('must be 1 or more'),
  name: nameSchema,
  workType: z.enum([...WORK_TYPES, 'unclassified']),
  issueTypes: z
    .array(nameSchema)
    .max(LIMITS.dodIssueTypes.limit, `must list ${atMost('dodIssueTypes')}`),
  items: z
    .array(itemSchema)
    .min(1, 'must list at least one item')
    .max(LIMITS.dodItems.limit, `must list ${atMost('dodItems')}`),
}) satisfies z.ZodType<DodTemplate>;
