/**
 * `kvs.entity(name).query().index(...)`: items of one entity through one declared index. An item
 * is in the index when it has the range attribute (indexes are sparse) and, for a partitioned
 * index, equals the given partition values; `where` applies to the range attribute, `filters` to
 * any attributes, results are ordered by range value then key (ASC unless `sort: DESC`), paged by
 * cursor. Unlike the service, filters are applied before the page is cut, so a page is never
 * short because of them.
 */
import { attribute, matchesFilters, satisfies, type Clause, type FilterSet } from './conditions';
import { decodeCursor, encodeCursor, type Position } from './cursor';
import { badRequest } from './errors';
import { findEntity } from './entities';
import { checkLimit } from './limits';
import type { Entry, KvsStore } from './store';

export interface EntityQuery {
  entityName: string;
  indexName: string;
  partition?: unknown[];
  range?: Clause;
  filters?: FilterSet;
  sort?: 'ASC' | 'DESC';
  cursor?: string;
  limit?: number;
}

type SortValue = string | number;

const order = (a: Position, b: Position): number => {
  const [x, y] = [a.sort ?? '', b.sort ?? ''];
  if (x !== y) {
    if (typeof x === typeof y) return x < y ? -1 : 1;
    return typeof x === 'number' ? -1 : 1; // numbers before strings, consistently
  }
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
};

export function queryEntity(store: KvsStore, query: EntityQuery) {
  const definition = findEntity(store.definitions, query.entityName);
  const index = definition.indexes.find((candidate) => candidate.name === query.indexName);
  if (index === undefined)
    throw badRequest(
      'INDEX_NOT_FOUND',
      `Entity ${definition.name} has no index ${query.indexName}.`,
    );
  const partition = query.partition ?? [];
  if (partition.length !== index.partition.length)
    throw badRequest(
      'INVALID_PARTITION',
      `Index ${index.name} is partitioned by [${index.partition.join(', ')}]; got ${partition.length} value(s).`,
    );
  const size = checkLimit(query.limit);
  const direction = query.sort === 'DESC' ? -1 : 1;
  const from = decodeCursor(query.cursor);
  const positioned = store
    .entries({ kind: 'entity', entityName: definition.name })
    .flatMap((entry): (Entry & { at: Position })[] => {
      const value = entry.item.value;
      const sort = attribute(value, index.range);
      if (typeof sort !== 'string' && typeof sort !== 'number') return [];
      if (!index.partition.every((name, i) => attribute(value, name) === partition[i])) return [];
      if (query.range !== undefined && !satisfies(sort, query.range)) return [];
      if (!matchesFilters(value, query.filters)) return [];
      return [{ ...entry, at: { sort: sort satisfies SortValue, key: entry.key } }];
    })
    .filter(({ at }) => from === undefined || order(at, from) * direction > 0)
    .sort((a, b) => order(a.at, b.at) * direction);
  const page = positioned.slice(0, size);
  const last = page[page.length - 1];
  return {
    data: page,
    cursor: positioned.length > size && last !== undefined ? encodeCursor(last.at) : undefined,
  };
}
