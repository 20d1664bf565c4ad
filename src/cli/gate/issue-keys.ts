/**
 * The Jira items a release carries, read from text people wrote (commit messages, a changelog):
 * every `<project key>-<number>` in it. A project key starts with an upper-case letter followed by
 * upper-case letters, digits or underscores, two characters at least by default
 * (https://confluence.atlassian.com/adminjiraserver0917/changing-the-project-key-format-1431246065.html:
 * "two or more uppercase alphabetical characters", "the first character must be a letter … only
 * letters, numbers or the underscore"; issue keys are "<project key>-<issue number>"). Text like
 * UTF-8 matches too: the app answers such keys as not belonging to a checked project.
 */
const KEY_IN_TEXT = /(?<![A-Za-z0-9_-])[A-Z][A-Z0-9_]+-[1-9][0-9]*(?![A-Za-z0-9_])/g;

/** Distinct keys in the order they first appear. */
export function issueKeysIn(text: string): string[] {
  return [...new Set(text.match(KEY_IN_TEXT) ?? [])];
}

/** `--keys SHOP-1,SHOP-2` (commas or spaces): each must be a whole key, or it is named. */
export function listedKeys(value: string): { keys: string[]; invalid: string[] } {
  const words = value.split(/[\s,]+/).filter(Boolean);
  const invalid = words.filter((w) => issueKeysIn(w).join('') !== w);
  return { keys: [...new Set(words.filter((w) => !invalid.includes(w)))], invalid };
}
