/**
 * What a person must never read on a Ballast screen (issue #18, "people's terms"): a raw ISO-8601
 * timestamp, an account id, or a float with more decimals than anyone reads. The scan runs on the
 * text a screen shows and on its accessible names (aria-label), which screen readers speak.
 *
 * Account ids: Jira Cloud's are opaque strings — 24 hex digits for newer accounts and
 * `557058:<uuid>` for older ones (developer.atlassian.com/cloud/jira/platform/deprecation-notice-user-privacy-api-migration-guide/,
 * "accountId … e.g. 5b10ac8d82e05b22cc7d4ef5"); the sandbox's are `acc-<name>`.
 *
 * Decimals: more than 2 is raw (8.966667), except a percentage with exactly 3 — the SLI of a
 * 99.9% objective ("99.915%"), where the third decimal decides whether it is met.
 */
export interface RawValue {
  readonly kind: 'iso-timestamp' | 'account-id' | 'long-float';
  readonly text: string;
}

const PATTERNS: readonly { kind: RawValue['kind']; pattern: RegExp }[] = [
  {
    kind: 'iso-timestamp',
    pattern: /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g,
  },
  { kind: 'account-id', pattern: /\bacc-[a-z0-9][a-z0-9-]*/gi },
  { kind: 'account-id', pattern: /\b[0-9a-f]{24}\b/gi },
  {
    kind: 'account-id',
    pattern: /\b\d{6}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  },
  { kind: 'long-float', pattern: /(?<![\w.])-?\d+\.\d{3,}(?![\d.])(?!(?<=\.\d{3})%)/g },
];

export function rawValuesIn(text: string): RawValue[] {
  const found: RawValue[] = [];
  let rest = text;
  for (const { kind, pattern } of PATTERNS) {
    for (const match of rest.matchAll(pattern)) found.push({ kind, text: match[0] });
    // A timestamp's seconds are not a float of their own: each value is reported once.
    rest = rest.replace(pattern, ' ');
  }
  return found;
}
