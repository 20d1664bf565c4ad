/**
 * Calling the app's resolvers the way the Custom UI does, for the authorization, fuzzing, fault and
 * concurrency tests: one Forge context carrying everything a module may give (project, issue,
 * board, sprint), the caller's accountId (or none: an anonymous caller), and a snapshot of the whole
 * sandbox KVS to prove that a refused call wrote nothing.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { ForgeHost } from '../../sandbox/forge/host';
import type { Envelope } from '../../src/contract/envelope';
import type { IssueView } from '../../src/contract/issue-panel';

/** The extension of a context that has it all: the issue panel's issue, the planner's board/sprint. */
export function fullExtension(issueKey: string, projectKey = 'SHOP'): Record<string, unknown> {
  return {
    type: 'jira:issuePanel',
    project: { key: projectKey },
    issue: { key: issueKey },
    board: { id: 1 },
    sprint: { id: 9 },
  };
}

export async function callResolver(
  host: ForgeHost,
  key: string,
  accountId: string | undefined,
  payload: unknown,
  extension: Record<string, unknown>,
): Promise<Envelope<unknown>> {
  return (await host.invokeResolver({
    moduleKey: 'ballast-issue-panel',
    functionKey: key,
    payload,
    accountId,
    extension,
  })) as Envelope<unknown>;
}

/** The resolver keys the contract declares (`'area/verb': { request…`), from src/contract/*.ts. */
export function contractKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync('src/contract')) {
    const text = readFileSync(`src/contract/${file}`, 'utf8');
    for (const match of text.matchAll(/'([a-z][a-zA-Z]*\/[a-zA-Z]+)':\s*\{\s*request/g))
      keys.add(match[1]!);
  }
  return [...keys].sort();
}

/** Everything the app has stored (plain keys, secrets, entities), as one comparable string. */
export function kvsSnapshot(host: ForgeHost): string {
  const { kv, secrets, entities } = host.kvs.store.state;
  // Reading an entity creates its (empty) namespace: not a write.
  const written = Object.fromEntries(
    Object.entries(entities).filter(([, space]) => Object.keys(space).length > 0),
  );
  return JSON.stringify({ kv, secrets, entities: written });
}

/** A well-formed SLO as the settings form sends it (`slo/save`), named `name`. */
export function sloFormFixture(name: string) {
  return {
    name,
    displayName: '',
    description: '',
    service: 'checkout',
    counts: 'good' as const,
    numerator: { type: 'Prometheus', query: 'sum(fast)' },
    total: { type: 'Prometheus', query: 'sum(all)' },
    counter: true,
    targetPercent: 99,
    window: { kind: 'rolling' as const, days: 28 },
    budgetingMethod: 'Occurrences' as const,
    timeSlicePercent: null,
  };
}

/** An issue panel resolver as `accountId` on the issue the payload names: its data, or a thrown error. */
export async function issuePanelData(
  host: ForgeHost,
  key: string,
  accountId: string,
  payload: { issueKey: string } & Record<string, unknown>,
): Promise<IssueView> {
  const envelope = (await callResolver(host, key, accountId, payload, {
    type: 'jira:issuePanel',
    project: { key: 'SHOP' },
    issue: { key: payload.issueKey },
  })) as Envelope<IssueView>;
  if (!envelope.ok)
    throw new Error(`${key} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data;
}
