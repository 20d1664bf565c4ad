/** Types shared by the JQL field accessors, and the value look-up helpers they have in common. */
import type { JiraStore } from '../state/store';
import type { IssueRecord } from '../state/types';
import { JqlError } from './lexer';

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

export const notExist = (field: string, value: ValueRef): JqlError =>
  'text' in value
    ? new JqlError(`The value '${value.text}' does not exist for the field '${field}'.`, value.pos)
    : new JqlError(
        `The function '${value.func}' is not supported for the field '${field}'.`,
        value.pos,
      );

export const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

export function byLookup(
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
