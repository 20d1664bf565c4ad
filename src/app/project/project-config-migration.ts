/**
 * Project configuration schema 1 → 2: the rename of Ballast's "work type" to "Ballast category"
 * (Jira Cloud now calls its issue types "work types", so Ballast's own name would stand beside the
 * system field; see manifest.yml). Schema 2 has the same shape; what changed is the meaning of
 * two strings a version-1 document may hold:
 *
 * - the incident JQL may use the old entity-property alias `workType` (`workType = reliability`):
 *   Jira no longer knows it, so it becomes `ballastCategory`. Only the field name outside quoted
 *   values is rewritten; the property path form `issue.property[ballast].workType` stays valid
 *   (the path inside the property did not change) and is left alone;
 * - the unclassified DoD template's auto item, when it still has its default text "Work type set",
 *   reads "Category set" (the item's id and check are unchanged, so ticks stay attached).
 *
 * Run on read (loadProjectConfig) for documents of schema 1 or without a version; nothing is
 * written until an admin saves, and the saved document is schema 2, never migrated again.
 */
import { CATEGORY_JQL_ALIAS } from '../issue/ballast-property';

const OLD_ALIAS = 'workType';
const OLD_DOD_TEXT = 'Work type set';
const NEW_DOD_TEXT = 'Category set';
const WORD = /[A-Za-z0-9_]/;

/** `jql` with the JQL field `workType` (any case, outside quotes, not a property path) renamed. */
export function renameCategoryAlias(jql: string): string {
  let out = '';
  let i = 0;
  while (i < jql.length) {
    const c = jql[i]!;
    if (c === '"' || c === "'") {
      // A quoted value: copied as is, up to the matching quote (backslash escapes honoured).
      let j = i + 1;
      while (j < jql.length && jql[j] !== c) j += jql[j] === '\\' ? 2 : 1;
      out += jql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const word = jql.slice(i, i + OLD_ALIAS.length);
    const before = jql[i - 1];
    const after = jql[i + OLD_ALIAS.length];
    if (
      word.toLowerCase() === OLD_ALIAS.toLowerCase() &&
      (before === undefined || (!WORD.test(before) && before !== '.' && before !== '[')) &&
      (after === undefined || !WORD.test(after))
    ) {
      out += CATEGORY_JQL_ALIAS;
      i += OLD_ALIAS.length;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** True for a stored document written before schema 2 (version 1, or no version at all). */
export function needsCategoryRename(stored: unknown): boolean {
  if (!isObject(stored)) return false;
  return stored.schemaVersion === undefined || stored.schemaVersion === 1;
}

/**
 * A version-1 document as version 2 would hold it. Anything it does not recognise is kept as it
 * is, so validation still reports it where it is.
 */
export function migrateProjectConfigV1(stored: Record<string, unknown>): Record<string, unknown> {
  const migrated: Record<string, unknown> = { ...stored, schemaVersion: 2 };
  if (typeof stored.incidentJql === 'string') {
    migrated.incidentJql = renameCategoryAlias(stored.incidentJql);
  }
  if (Array.isArray(stored.dodTemplates)) {
    migrated.dodTemplates = stored.dodTemplates.map((template: unknown) => {
      if (!isObject(template) || !Array.isArray(template.items)) return template;
      return {
        ...template,
        items: template.items.map((item: unknown) =>
          isObject(item) &&
          item.id === 'work-type-set' &&
          item.text === OLD_DOD_TEXT &&
          isObject(item.check) &&
          item.check.type === 'hasWorkType'
            ? { ...item, text: NEW_DOD_TEXT }
            : item,
        ),
      };
    });
  }
  return migrated;
}

/** The stored value as the current schema reads it. */
export function migrateStoredProjectConfig(stored: unknown): unknown {
  return needsCategoryRename(stored) && isObject(stored) ? migrateProjectConfigV1(stored) : stored;
}
