/**
 * The JQL fields the sandbox understands, each as an accessor over an issue record:
 * - `set` fields compare identities (project, status, sprint, labels…): a value resolves to the
 *   canonical ids it names, and an unknown value is an error, as in Jira ("The value 'X' does not
 *   exist for the field 'project'.");
 * - `ordered` fields compare numbers or times (created, story points, numeric property aliases);
 * - `text` fields support `~` (summary).
 */
import type { JiraStore } from '../state/store';
import type { IssueRecord } from '../state/types';
import { JqlError } from './lexer';
import { dateFunction, parseJqlDate } from './dates';

/** An entity-property search alias, as a Forge `jira:entityProperty` module declares it. */
export interface PropertyAlias {
  alias: string;
  propertyKey: string;
  /** Dot path inside the property value, e.g. `workType`. */
  path: string;
  type: 'string' | 'text' | 'number' | 'date' | 'user';
}

export interface JqlContext {
  store: JiraStore;
  now: Date;
  callerAccountId: string | undefined;
  aliases: readonly PropertyAlias[];
  /** Projects the caller may browse; values naming others do not exist for them, as in Jira. */
  visibleProjectIds: ReadonlySet<string>;
}

/** A resolved value that stands for "no value" (resolution = Unresolved). */
export const EMPTY_VALUE = '\u0000empty';

export type ValueRef =
  { text: string; pos: number } | { func: string; args: string[]; pos: number };

export type Accessor =
  | {
      type: 'set';
      name: string;
      values: (issue: IssueRecord) => string[];
      resolve: (value: ValueRef) => string[];
    }
  | {
      type: 'ordered';
      name: string;
      value: (issue: IssueRecord) => number | null;
      resolve: (value: ValueRef) => number;
    }
  | { type: 'text'; name: string; value: (issue: IssueRecord) => string };

const notExist = (field: string, value: ValueRef): JqlError =>
  'text' in value
    ? new JqlError(`The value '${value.text}' does not exist for the field '${field}'.`, value.pos)
    : new JqlError(
        `The function '${value.func}' is not supported for the field '${field}'.`,
        value.pos,
      );

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function byLookup(
  field: string,
  lookup: (text: string) => string[],
): (value: ValueRef) => string[] {
  return (value) => {
    if (!('text' in value)) throw notExist(field, value);
    const found = lookup(value.text);
    if (found.length === 0) throw notExist(field, value);
    return found;
  };
}

function propertyValue(issue: IssueRecord, alias: PropertyAlias): unknown {
  let current: unknown = issue.properties[alias.propertyKey];
  for (const part of alias.path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function dateResolver(field: string, ctx: JqlContext): (value: ValueRef) => number {
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

function numberResolver(field: string): (value: ValueRef) => number {
  return (value) => {
    const n = 'text' in value ? Number(value.text) : Number.NaN;
    if (!Number.isFinite(n)) throw notExist(field, value);
    return n;
  };
}

const time = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

function aliasAccessor(alias: PropertyAlias, ctx: JqlContext): Accessor {
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

function userFunction(field: string, value: ValueRef, ctx: JqlContext): string[] {
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

function sprintResolver(ctx: JqlContext): (value: ValueRef) => string[] {
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

/** The accessor for a JQL field name, or undefined when the sandbox does not support the field. */
export function fieldAccessor(name: string, ctx: JqlContext): Accessor | undefined {
  const { store } = ctx;
  const lower = name.toLowerCase();
  const alias = ctx.aliases.find((a) => a.alias.toLowerCase() === lower);
  if (alias !== undefined) return aliasAccessor(alias, ctx);
  const property = /^issue\.property\[([^\]]+)\]\.(.+)$/i.exec(name);
  if (property !== null) {
    return aliasAccessor(
      {
        alias: name,
        propertyKey: property[1] as string,
        path: property[2] as string,
        type: 'string',
      },
      ctx,
    );
  }
  switch (lower) {
    case 'project':
      return {
        type: 'set',
        name: 'project',
        values: (i) => [i.projectId],
        resolve: byLookup('project', (t) =>
          store.state.projects
            .filter(
              (p) =>
                ctx.visibleProjectIds.has(p.id) && (p.id === t || eq(p.key, t) || eq(p.name, t)),
            )
            .map((p) => p.id),
        ),
      };
    case 'status':
      return {
        type: 'set',
        name: 'status',
        values: (i) => [i.statusId],
        resolve: byLookup('status', (t) =>
          store.state.statuses.filter((s) => s.id === t || eq(s.name, t)).map((s) => s.id),
        ),
      };
    case 'statuscategory': {
      const categories = {
        new: ['new', 'to do', '2'],
        indeterminate: ['indeterminate', 'in progress', '4'],
        done: ['done', '3'],
      };
      return {
        type: 'set',
        name: 'statusCategory',
        values: (i) => [store.status(i.statusId)?.category ?? ''],
        resolve: byLookup('statusCategory', (t) =>
          Object.entries(categories)
            .filter(([, names]) => names.includes(t.toLowerCase()))
            .map(([key]) => key),
        ),
      };
    }
    case 'issuetype':
    case 'type':
      return {
        type: 'set',
        name: 'issuetype',
        values: (i) => [i.issueTypeId],
        resolve: (value) => {
          if ('func' in value) {
            // standardIssueTypes() and subTaskIssueTypes(), as in Jira.
            const subtask = { standardissuetypes: false, subtaskissuetypes: true }[
              value.func.toLowerCase()
            ];
            if (subtask === undefined) throw notExist('issuetype', value);
            return store.state.issueTypes.filter((x) => x.subtask === subtask).map((x) => x.id);
          }
          return byLookup('issuetype', (t) =>
            store.state.issueTypes.filter((x) => x.id === t || eq(x.name, t)).map((x) => x.id),
          )(value);
        },
      };
    case 'resolution':
      return {
        type: 'set',
        name: 'resolution',
        values: (i) => (i.resolutiondate === null ? [] : ['10000']),
        // "Unresolved" names the empty value: `resolution = Unresolved` finds open issues.
        resolve: byLookup('resolution', (t) =>
          eq(t, 'unresolved') ? [EMPTY_VALUE] : eq(t, 'done') || t === '10000' ? ['10000'] : [],
        ),
      };
    case 'priority':
      return {
        type: 'set',
        name: 'priority',
        values: (i) => [i.priorityId],
        resolve: byLookup('priority', (t) =>
          store.state.priorities.filter((p) => p.id === t || eq(p.name, t)).map((p) => p.id),
        ),
      };
    case 'labels':
      return {
        type: 'set',
        name: 'labels',
        values: (i) => i.labels.map((l) => l.toLowerCase()),
        resolve: (v) => ('text' in v ? [v.text.toLowerCase()] : []),
      };
    case 'key':
    case 'issuekey':
    case 'id':
      return {
        type: 'set',
        name: 'key',
        values: (i) => [i.id],
        resolve: (v) => {
          const issue = 'text' in v ? store.issue(v.text) : undefined;
          if (issue === undefined || !ctx.visibleProjectIds.has(issue.projectId)) {
            throw new JqlError(
              `An issue with key '${'text' in v ? v.text : v.func}' does not exist for field 'key'.`,
              v.pos,
            );
          }
          return [issue.id];
        },
      };
    case 'parent':
      return {
        type: 'set',
        name: 'parent',
        values: (i) => (i.parentId === null ? [] : [i.parentId]),
        resolve: byLookup('parent', (t) => {
          const p = store.issue(t);
          return p === undefined ? [] : [p.id];
        }),
      };
    case 'sprint':
      return {
        type: 'set',
        name: 'sprint',
        values: (i) => i.sprintIds.map(String),
        resolve: sprintResolver(ctx),
      };
    case 'assignee':
    case 'reporter': {
      const get = (i: IssueRecord): string | null =>
        lower === 'assignee' ? i.assigneeAccountId : i.reporterAccountId;
      return {
        type: 'set',
        name: lower,
        values: (i) => {
          const a = get(i);
          return a === null ? [] : [a.toLowerCase()];
        },
        resolve: (v) => userFunction(lower, v, ctx),
      };
    }
    case 'created':
    case 'createddate':
      return {
        type: 'ordered',
        name: 'created',
        value: (i) => time(i.created),
        resolve: dateResolver('created', ctx),
      };
    case 'updated':
    case 'updateddate':
      return {
        type: 'ordered',
        name: 'updated',
        value: (i) => time(i.updated),
        resolve: dateResolver('updated', ctx),
      };
    case 'resolved':
    case 'resolutiondate':
      return {
        type: 'ordered',
        name: 'resolved',
        value: (i) => time(i.resolutiondate),
        resolve: dateResolver('resolved', ctx),
      };
    case 'summary':
      return { type: 'text', name: 'summary', value: (i) => i.summary };
    default:
      return customFieldAccessor(name, ctx);
  }
}

/** Custom fields by id, `cf[10016]` or name: numbers compare as numbers, the rest as strings. */
function customFieldAccessor(name: string, ctx: JqlContext): Accessor | undefined {
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
