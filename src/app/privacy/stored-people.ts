/**
 * Where Ballast stores people's Atlassian account ids — the only personal data it keeps (names are
 * looked up in Jira when shown and never stored: src/app/people/display-names.ts). The Forge user
 * privacy guidelines ask an app that stores personal data to report each account id periodically
 * and to erase or anonymise the data of an account Atlassian reports closed
 * (developer.atlassian.com/platform/forge/user-privacy-guidelines/). This list is what the weekly
 * report reads (report-personal-data.ts) and what test/reliability/stored-data.test.ts checks the
 * code against: a new field holding an account id fails that test until it is listed here.
 *
 * A path names fields inside the stored value: `a.b` a field, `[]` every array element, `*` every
 * value of a record. `text` paths are free text that may quote an id that is also stored in a
 * listed id field (they are not read for the report, only erased).
 */
import { FORMER_USER_ID } from '../../contract/people';

export interface PersonalDataField {
  /** Where the record is kept: a DocumentStore kind, a KVS key prefix, or the issue property. */
  readonly store: 'document' | 'kvs' | 'issue property';
  /** The document kind, key prefix or property key. */
  readonly kind: string;
  readonly path: string;
  /** The field beside it saying when it was written (the time reported to Atlassian). */
  readonly time?: string;
  readonly what: string;
  readonly text?: true;
}

export const PERSONAL_DATA: readonly PersonalDataField[] = [
  {
    store: 'document',
    kind: '*',
    path: 'updatedBy',
    what: 'who last saved any versioned document (src/adapters/forge/kvs/document-store.ts)',
  },
  {
    store: 'document',
    kind: 'planner-audit',
    path: 'entries[].accountId',
    time: 'at',
    what: 'who recorded an override, applied or undid a rebalance, or changed SLOs or the error-budget policy (the audit log)',
  },
  {
    store: 'document',
    kind: 'gate-overrides',
    path: 'entries[].accountId',
    time: 'at',
    what: 'who recorded a freeze override of the error-budget gate',
  },
  {
    store: 'document',
    kind: 'gate-overrides',
    path: 'entries[].endedBy',
    time: 'endedAt',
    what: 'who ended a freeze override early',
  },
  {
    store: 'document',
    kind: 'planner-undo',
    path: 'appliedBy',
    time: 'appliedAt',
    what: 'who applied the sprint’s last rebalance',
  },
  {
    store: 'document',
    kind: 'planner-undo',
    path: 'applying.accountId',
    time: 'at',
    what: 'who is applying a rebalance right now (a claim of at most a minute)',
  },
  {
    store: 'issue property',
    kind: 'ballast',
    path: 'workTypeSource.by',
    time: 'at',
    what: 'who chose the item’s category by hand',
  },
  {
    store: 'issue property',
    kind: 'ballast',
    path: 'dod.items.*.by',
    time: 'at',
    what: 'who ticked or unticked each Definition of Done item',
  },
  {
    store: 'document',
    kind: 'planner-audit',
    path: 'entries[].override.accountId',
    time: 'at',
    what: 'who recorded the freeze override that let a release through a freeze (issue #22)',
  },
  {
    store: 'kvs',
    kind: 'deploy',
    path: 'freezes[].override.accountId',
    time: 'receivedAt',
    what: 'the same person, on the deployment recorded during the freeze (app/delivery/push-log.ts); also in planner-audit',
  },
  {
    store: 'document',
    kind: 'notify-settings',
    path: 'jira.accountIds[]',
    what: 'the people a project admin chose to email Ballast’s notices to (src/app/notify); an erased one is skipped when sending',
  },
  {
    store: 'kvs',
    kind: 'sprint-commitment',
    path: 'notEnforcedBecause',
    what: 'why enforcement did not act: quotes the override’s author, who is also in planner-audit',
    text: true,
  },
];

/**
 * Actors that are Ballast itself, not people: `ballast-app` writes the project history
 * (src/app/issue/project-history.ts) and the erasure below; an erased person is FORMER_USER_ID.
 */
export const APP_ACTOR_ID = 'ballast-app';
const NOT_PEOPLE = new Set([APP_ACTOR_ID, FORMER_USER_ID, '']);

export const isPerson = (id: string): boolean => !NOT_PEOPLE.has(id);

/** The string values at `path` in `value` (missing fields and non-strings are skipped); all values with `any`. */
export function valuesAt(value: unknown, path: string, any: true): unknown[];
export function valuesAt(value: unknown, path: string): string[];
export function valuesAt(value: unknown, path: string, any = false): unknown[] {
  let current: unknown[] = [value];
  for (const step of path.split('.')) {
    const each = step.endsWith('[]');
    const name = each ? step.slice(0, -2) : step;
    current = current.flatMap((node): unknown[] => {
      if (node === null || typeof node !== 'object') return [];
      const record = node as Record<string, unknown>;
      if (name === '*') return Object.values(record);
      if (!Object.hasOwn(record, name)) return [];
      const next = record[name];
      return each ? (Array.isArray(next) ? (next as unknown[]) : []) : [next];
    });
  }
  return any ? current : current.filter((v): v is string => typeof v === 'string');
}

/** A person a record names, and when that part of the record was written (if it says). */
export interface PersonMention {
  readonly accountId: string;
  readonly at: string | undefined;
}

/** The people a stored record of this store and kind names, by the inventory above. */
export function peopleIn(
  store: PersonalDataField['store'],
  kind: string,
  value: unknown,
): PersonMention[] {
  return PERSONAL_DATA.filter(
    (f) => f.store === store && f.text !== true && f.kind === kind,
  ).flatMap((f) => {
    const steps = f.path.split('.');
    const field = steps.pop()!;
    const parents = steps.length === 0 ? [value] : valuesAt(value, steps.join('.'), true);
    return parents.flatMap((parent): PersonMention[] => {
      if (parent === null || typeof parent !== 'object') return [];
      const record = parent as Record<string, unknown>;
      const id = record[field];
      if (typeof id !== 'string' || !isPerson(id)) return [];
      const at = f.time === undefined ? undefined : record[f.time];
      return [{ accountId: id, at: typeof at === 'string' ? at : undefined }];
    });
  });
}

/**
 * The account id as a whole word: not part of a longer id (ids are letters, digits, `-` and `:`,
 * 1–128 characters; developer.atlassian.com/platform/forge/user-privacy-guidelines/), so erasing
 * `acc-1` never touches `acc-12`.
 */
function wholeId(accountId: string): RegExp {
  const escaped = accountId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9:-])${escaped}(?![A-Za-z0-9:-])`, 'g');
}

/** Whether the account id occurs anywhere in the value (any field, also inside free text). */
export function mentions(value: unknown, accountId: string): boolean {
  if (typeof value === 'string') return value.search(wholeId(accountId)) >= 0;
  if (Array.isArray(value)) return value.some((v) => mentions(v, accountId));
  if (value !== null && typeof value === 'object')
    return Object.values(value).some((v) => mentions(v, accountId));
  return false;
}

/**
 * The value with every occurrence of the account id replaced by FORMER_USER_ID — a field that is
 * the id becomes the marker, free text quoting it names the marker instead — and nothing else
 * changed: the record stays, with its counts, times and reasons, without the person. Keys are
 * kept as they are (no stored map is keyed by an account id).
 */
export function erasePerson<T>(value: T, accountId: string): T {
  if (accountId === '') return value;
  const pattern = wholeId(accountId);
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return node.replace(pattern, FORMER_USER_ID);
    if (Array.isArray(node)) return node.map(walk);
    if (node !== null && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
    return node;
  };
  return walk(value) as T;
}
