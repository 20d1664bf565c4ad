/**
 * Accessors and resolvers for the less regular JQL fields: entity-property aliases, custom fields,
 * dates, numbers, users and sprints.
 */
import type { IssueRecord } from '../state/types';
import { dateFunction, parseJqlDate } from './dates';
import {
  eq,
  notExist,
  type Accessor,
  type JqlContext,
  type PropertyAlias,
  type ValueRef,
} from './field-types';
import { JqlError } from './lexer';

function propertyValue(issue: IssueRecord, alias: PropertyAlias): unknown {
  let current: unknown = issue.properties[alias.propertyKey];
  for (const part of alias.path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function dateResolver(field: string, ctx: JqlContext): (value: ValueRef) => number {
  return (value) => {
    const ms =
      'text' in value
        ? parseJqlDate(value.text, ctx.now)
        : dateFunction(value.func, value.args, ctx.now);
    if (ms === undefined) {
      const shown = 'text' in value ? value.text : `${value.func}()`;
      throw new JqlError(
        `Date value '${shown}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
        value.pos,
      );
    }
    return ms;
  };
}

export function numberResolver(field: string): (value: ValueRef) => number {
  return (value) => {
    const n = 'text' in value ? Number(value.text) : Number.NaN;
    if (!Number.isFinite(n)) throw notExist(field, value);
    return n;
  };
}

export const time = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export function aliasAccessor(alias: PropertyAlias, ctx: JqlContext): Accessor {
  const raw = (issue: IssueRecord): unknown => propertyValue(issue, alias);
  if (alias.type === 'number') {
    return {
      type: 'ordered',
      name: alias.alias,
      value: (i) => (typeof raw(i) === 'number' ? (raw(i) as number) : null),
      resolve: numberResolver(alias.alias),
    };
  }
  if (alias.type === 'date') {
    return {
      type: 'ordered',
      name: alias.alias,
      value: (i) => (typeof raw(i) === 'string' ? Date.parse(raw(i) as string) : null),
      resolve: dateResolver(alias.alias, ctx),
    };
  }
  if (alias.type === 'text') {
    return {
      type: 'text',
      name: alias.alias,
      value: (i) => (typeof raw(i) === 'string' ? (raw(i) as string) : ''),
    };
  }
  const strings = (issue: IssueRecord): string[] => {
    const v = raw(issue);
    const list = Array.isArray(v) ? (v as unknown[]) : v === undefined || v === null ? [] : [v];
    return list.map((x) => String(x).toLowerCase());
  };
  return {
    type: 'set',
    name: alias.alias,
    values: strings,
    resolve: (value) =>
      'text' in value ? [value.text.toLowerCase()] : userFunction(alias.alias, value, ctx),
  };
}

export function userFunction(field: string, value: ValueRef, ctx: JqlContext): string[] {
  if (
    !('text' in value) &&
    value.func.toLowerCase() === 'currentuser' &&
    ctx.callerAccountId !== undefined
  ) {
    return [ctx.callerAccountId.toLowerCase()];
  }
  if ('text' in value) return [value.text.toLowerCase()];
  throw notExist(field, value);
}

export function sprintResolver(ctx: JqlContext): (value: ValueRef) => string[] {
  const sprints = ctx.store.state.sprints;
  return (value) => {
    if ('func' in value) {
      const wanted = {
        opensprints: ['active', 'future'],
        closedsprints: ['closed'],
        futuresprints: ['future'],
      }[value.func.toLowerCase()];
      if (wanted === undefined) throw notExist('sprint', value);
      return sprints.filter((s) => wanted.includes(s.state)).map((s) => String(s.id));
    }
    const found = sprints.filter((s) => String(s.id) === value.text || eq(s.name, value.text));
    if (found.length === 0) throw notExist('sprint', value);
    return found.map((s) => String(s.id));
  };
}

/** Custom fields by id, `cf[10016]` or name: numbers compare as numbers, the rest as strings. */
export function customFieldAccessor(name: string, ctx: JqlContext): Accessor | undefined {
  const field = ctx.store.state.fields.find(
    (f) => f.custom && f.clauseNames.some((c) => eq(c, name)),
  );
  if (field === undefined || field.schema.custom === 'com.pyxis.greenhopper.jira:gh-sprint')
    return undefined;
  if (field.schema.type === 'number') {
    return {
      type: 'ordered',
      name,
      value: (i) =>
        typeof i.custom[field.id] === 'number' ? (i.custom[field.id] as number) : null,
      resolve: numberResolver(name),
    };
  }
  return {
    type: 'set',
    name,
    values: (i) => {
      const v = i.custom[field.id];
      const list = Array.isArray(v) ? (v as unknown[]) : v === undefined || v === null ? [] : [v];
      return list.map((x) =>
        String(typeof x === 'object' && x !== null && 'value' in x ? x.value : x).toLowerCase(),
      );
    },
    resolve: (v) => ('text' in v ? [v.text.toLowerCase()] : []),
  };
}
