/**
 * The JQL fields the sandbox understands, each as an accessor over an issue record:
 * - `set` fields compare identities (project, status, sprint, labels…): a value resolves to the
 *   canonical ids it names, and an unknown value is an error, as in Jira ("The value 'X' does not
 *   exist for the field 'project'.");
 * - `ordered` fields compare numbers or times (created, story points, numeric property aliases);
 * - `text` fields support `~` (summary).
 */
import type { IssueRecord } from '../state/types';
import { byLookup, EMPTY_VALUE, eq, notExist, type Accessor, type JqlContext } from './field-types';
import {
  aliasAccessor,
  customFieldAccessor,
  dateResolver,
  sprintResolver,
  time,
  userFunction,
} from './field-values';
import { JqlError } from './lexer';

export {
  EMPTY_VALUE,
  type Accessor,
  type JqlContext,
  type PropertyAlias,
  type ValueRef,
} from './field-types';

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
