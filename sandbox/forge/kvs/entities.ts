/**
 * Custom entities as the manifest declares them (`app.storage.entities`, schema in
 * node_modules/@forge/manifest/out/schema/manifest-schema.json): typed attributes and indexes. An
 * index is either an attribute name (range on that attribute) or `{ name, range: [attr],
 * partition?: [attrs] }`. Writes are checked against the attribute types, as the service does.
 */
import { z } from 'zod';
import { badRequest } from './errors';

export type AttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

export interface IndexDefinition {
  name: string;
  range: string;
  partition: string[];
}

export interface EntityDefinition {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: IndexDefinition[];
}

const manifestEntity = z.object({
  name: z.string().min(3).max(60),
  attributes: z.record(
    z.string(),
    z.object({ type: z.enum(['string', 'boolean', 'float', 'integer', 'any']) }),
  ),
  indexes: z
    .array(
      z.union([
        z.string(),
        z.object({
          name: z.string(),
          range: z.array(z.string()).min(1),
          partition: z.array(z.string()).min(1).optional(),
        }),
      ]),
    )
    .optional(),
});

/** Reads `app.storage.entities` from a parsed manifest (absent: no entities). */
export function entitiesFromManifest(manifest: unknown): EntityDefinition[] {
  const raw = z
    .object({
      app: z
        .object({ storage: z.object({ entities: z.array(z.unknown()).optional() }).optional() })
        .optional(),
    })
    .parse(manifest).app?.storage?.entities;
  return (raw ?? []).map((entry) => {
    const entity = manifestEntity.parse(entry);
    return {
      name: entity.name,
      attributes: Object.fromEntries(
        Object.entries(entity.attributes).map(([name, { type }]) => [name, type]),
      ),
      indexes: (entity.indexes ?? []).map((index) =>
        typeof index === 'string'
          ? { name: index, range: index, partition: [] }
          : { name: index.name, range: index.range[0] ?? '', partition: index.partition ?? [] },
      ),
    };
  });
}

const typeMatches = (type: AttributeType, value: unknown): boolean => {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'any':
      return true;
  }
};

export function checkEntityValue(definition: EntityDefinition, value: unknown): void {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw badRequest(
      'INVALID_ENTITY_VALUE',
      `An entity value must be an object (${definition.name}).`,
    );
  for (const [name, attributeValue] of Object.entries(value as Record<string, unknown>)) {
    const type = definition.attributes[name];
    if (type === undefined)
      throw badRequest(
        'INVALID_ATTRIBUTE',
        `Attribute ${name} is not declared on entity ${definition.name}.`,
      );
    if (
      attributeValue !== undefined &&
      attributeValue !== null &&
      !typeMatches(type, attributeValue)
    )
      throw badRequest(
        'INVALID_ATTRIBUTE_TYPE',
        `Attribute ${name} of entity ${definition.name} must be ${type}.`,
      );
  }
}

export function findEntity(
  definitions: ReadonlyMap<string, EntityDefinition>,
  name: string,
): EntityDefinition {
  const definition = definitions.get(name);
  if (definition === undefined)
    throw badRequest(
      'ENTITY_NOT_FOUND',
      `Entity ${name} is not declared in the manifest (app.storage.entities).`,
    );
  return definition;
}
