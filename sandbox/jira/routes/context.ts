/** What every route handler receives. */
import type { IncomingMessage } from 'node:http';
import type { JiraEvents } from '../events';
import type { PropertyAlias } from '../jql/fields';
import type { Caller } from '../permissions';
import type { RenderContext } from '../render/common';
import type { JiraStore } from '../state/store';
import type { Route } from '../http/router';

export interface JiraContext {
  req: IncomingMessage;
  query: URLSearchParams;
  body: unknown;
  caller: Caller;
  store: JiraStore;
  events: JiraEvents;
  now: () => Date;
  baseUrl: string;
  aliases: readonly PropertyAlias[];
  render: RenderContext;
}

export type JiraRoute = Route<JiraContext>;

/** All values of a repeatable query parameter, comma-separated ones split (Jira accepts both). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  const n = raw === null ? Number.NaN : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : fallback;
}
