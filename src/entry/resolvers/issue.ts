/** Resolvers of the issue panel and issue context: `issue/get`, `issue/setWorkType`, `issue/tickDodItem`. */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import { getIssueView } from '../../app/issue/get-issue-view';
import type { IssueDeps } from '../../app/issue/issue-snapshot';
import { kvIssueWriteLock, type IssueWriteLock } from '../../app/issue/issue-write-lock';
import { panelExtras } from '../../app/issue/panel-extras';
import { setWorkType } from '../../app/issue/set-work-type';
import { tickDodItem } from '../../app/issue/tick-dod-item';
import type { NotePerson } from '../../app/issue/note-person';
import { noteIssuePerson } from '../../app/privacy/issue-people-index';
import type { IssueView } from '../../contract/issue-panel';
import { WORK_TYPES } from '../../domain/work';
import type { Clock } from '../../ports/clock';
import type { KeyValueStore } from '../../ports/key-value-store';
import { readContext, readPayload, type ResolverContext } from './context';

const issueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'must be an issue key like SHOP-12');
const getSchema = z.object({ issueKey: issueKey.optional() });
const setSchema = z.object({ issueKey, workType: z.enum(WORK_TYPES).nullable() });
const tickSchema = z.object({ issueKey, itemId: z.string().min(1).max(100), done: z.boolean() });

/** The issue the panel is on: the payload must name the issue of the Forge context. */
function issueScope(
  context: ResolverContext,
  requested: string,
): { projectKey: string; issueKey: string } {
  if (context.issueKey && context.issueKey !== requested) {
    throw new AppError(
      'FORBIDDEN',
      `This panel belongs to ${context.issueKey}, not ${requested}.`,
      { field: 'issueKey' },
    );
  }
  const projectKey = context.projectKey ?? requested.slice(0, requested.lastIndexOf('-'));
  return { projectKey, issueKey: requested };
}

export interface IssueResolverDeps {
  readonly issueDeps: () => IssueDeps;
  /** Ballast's storage: the suggestion model and the SLO statuses behind the gate line. */
  readonly kv: () => KeyValueStore;
  readonly clock: Clock;
}

export function issueResolvers(deps: IssueResolverDeps) {
  /** The issue deps with the panel's suggestion and gate; the first load may train the model. */
  const panelDeps = (
    projectKey: string,
    trainIfMissing: boolean,
  ): IssueDeps & { lock: IssueWriteLock; notePerson: NotePerson } => {
    const base = deps.issueDeps();
    const extras = { ...base, kv: deps.kv(), clock: deps.clock };
    return {
      ...base,
      viewExtras: panelExtras(extras, projectKey, { trainIfMissing }),
      lock: kvIssueWriteLock(extras.kv),
      notePerson: (accountId, issueKey, at) => noteIssuePerson(extras.kv, accountId, issueKey, at),
    };
  };
  return {
    'issue/get': (payload: unknown, rawContext: unknown): Promise<IssueView> => {
      const context = readContext(rawContext);
      const input = readPayload(getSchema, payload);
      // No key: the frame's own issue (the context names it for the issue panel and context).
      const requested = input.issueKey ?? context.issueKey;
      if (requested === undefined)
        throw new AppError('BAD_REQUEST', 'Name the issue: this frame’s Forge context has none.', {
          field: 'issueKey',
        });
      const scope = issueScope(context, requested);
      return getIssueView(panelDeps(scope.projectKey, true), scope.projectKey, scope.issueKey);
    },
    'issue/setWorkType': (payload: unknown, rawContext: unknown): Promise<IssueView> => {
      const context = readContext(rawContext);
      const input = readPayload(setSchema, payload);
      const actor = { accountId: context.accountId, at: deps.clock.now() };
      const scope = issueScope(context, input.issueKey);
      return setWorkType(panelDeps(scope.projectKey, false), {
        ...scope,
        workType: input.workType,
        actor,
      });
    },
    'issue/tickDodItem': (payload: unknown, rawContext: unknown): Promise<IssueView> => {
      const context = readContext(rawContext);
      const input = readPayload(tickSchema, payload);
      const actor = { accountId: context.accountId, at: deps.clock.now() };
      const scope = issueScope(context, input.issueKey);
      return tickDodItem(panelDeps(scope.projectKey, false), {
        ...scope,
        itemId: input.itemId,
        done: input.done,
        actor,
      });
    },
  };
}
