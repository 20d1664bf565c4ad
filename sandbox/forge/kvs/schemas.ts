/**
 * The request bodies @forge/kvs sends (node_modules/@forge/kvs/out/interfaces/kvs-api.d.ts),
 * validated at the boundary: a malformed body is the service's 400 BAD_REQUEST.
 */
import { z } from 'zod';

const metadataField = z.enum(['CREATED_AT', 'UPDATED_AT', 'EXPIRE_TIME']);
const getOptions = z.object({ metadataFields: z.array(metadataField).optional() }).optional();
const ttl = z.object({
  value: z.number().int().positive(),
  unit: z.enum(['SECONDS', 'MINUTES', 'HOURS', 'DAYS']),
});
export const setOptions = z
  .object({
    ttl: ttl.optional(),
    keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
    returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
    returnMetadataFields: z.array(metadataField).optional(),
  })
  .optional();
export type SetOptions = z.infer<typeof setOptions>;
export type MetadataField = z.infer<typeof metadataField>;

const clause = z.object({ condition: z.string(), values: z.array(z.unknown()) });
const filterItem = clause.extend({ property: z.string() });
const filterSet = z.object({
  and: z.array(filterItem).optional(),
  or: z.array(filterItem).optional(),
});

const entityName = { entityName: z.string() };
export const getBody = z.object({ key: z.string(), options: getOptions });
export const setBody = z.object({ key: z.string(), value: z.unknown(), options: setOptions });
export const deleteBody = z.object({ key: z.string() });
export const entityGetBody = getBody.extend(entityName);
export const entitySetBody = setBody.extend(entityName);
export const entityDeleteBody = deleteBody.extend(entityName);

export const queryBody = z.object({
  limit: z.number().optional(),
  after: z.string().optional(),
  where: z
    .array(clause.extend({ property: z.literal('key') }))
    .max(1)
    .optional(),
  options: getOptions,
});

export const entityQueryBody = z.object({
  entityName: z.string(),
  indexName: z.string(),
  partition: z.array(z.unknown()).optional(),
  range: clause.optional(),
  filters: filterSet.optional(),
  sort: z.enum(['ASC', 'DESC']).optional(),
  cursor: z.string().optional(),
  limit: z.number().optional(),
  options: getOptions,
});

const batchItem = z.object({ key: z.string(), entityName: z.string().optional() });
export const batchSetBody = z.array(
  batchItem.extend({ value: z.unknown(), options: z.object({ ttl: ttl.optional() }).optional() }),
);
export const batchGetBody = z.array(batchItem.extend({ options: getOptions }));
export const batchDeleteBody = z.array(batchItem);

export const transactionBody = z.object({
  set: z
    .array(
      batchItem.extend({
        value: z.unknown(),
        conditions: filterSet.optional(),
        options: z.object({ ttl: ttl.optional() }).optional(),
      }),
    )
    .optional(),
  delete: z.array(batchItem.extend({ conditions: filterSet.optional() })).optional(),
  check: z.array(batchItem.extend({ conditions: filterSet })).optional(),
});
export type TransactionBody = z.infer<typeof transactionBody>;
