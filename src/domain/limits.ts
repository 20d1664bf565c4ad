/**
 * Ballast's stated limits on everything an admin or a connector supplies (issue #19, item 4): one
 * place for each figure, read by the validators that enforce it, by their refusal messages and by
 * README's "Limits" table (test/integration/stated-limits.integration.test.ts checks that the table
 * is exactly `limitsTable()`, so the two cannot drift).
 *
 * The figures are chosen so that nothing an admin may save can exceed what Forge hosted storage
 * keeps in one value (https://developer.atlassian.com/platform/forge/limits-kvs-ce: value size
 * 240 KiB, object depth 31, key length 500), and so that each one is far above what a person writes
 * by hand. Where Jira itself bounds a value (a name, a JQL query), the limit follows Jira's.
 */

import { MAX_SLI_COUNT } from './slo/sli-interval';

export interface StatedLimit {
  /** Where the value is, as the refusal names it (`error.field`, or the start of a problem). */
  readonly field: string;
  readonly limit: number;
  /** What is counted, plural: "rules", "characters", "levels", "bytes", "days". */
  readonly unit: string;
  /** Why this figure, in one sentence, with its source. */
  readonly why: string;
}

const limit = (field: string, value: number, unit: string, why: string): StatedLimit => ({
  field,
  limit: value,
  unit,
  why,
});

/**
 * The whole stored configuration as JSON. A project's configuration is one document in one Forge
 * storage value (240 KiB); 200,000 bytes leaves room for the document's own record around it.
 */
export const CONFIG_MAX_BYTES = 200_000;
/** Nesting of any JSON Ballast stores: Forge refuses values deeper than 31 (limits-kvs-ce). */
export const STORED_MAX_DEPTH = 24;

export const LIMITS = {
  configBytes: limit(
    'config',
    CONFIG_MAX_BYTES,
    'bytes',
    'The configuration is one Forge storage value, at most 240 KiB (Forge: KVS and Custom Entity Store limits); the rest is the record around it.',
  ),
  configDepth: limit(
    'config',
    STORED_MAX_DEPTH,
    'levels',
    'Forge refuses a stored value nested deeper than 31 levels (same page); 24 leaves room for the record around it.',
  ),
  rules: limit(
    'rules',
    200,
    'rules',
    'Every rule is tried in order on every issue at each refresh; 200 is ten times a large real set and keeps the list readable.',
  ),
  ruleDepth: limit(
    'rules[].when',
    5,
    'levels',
    'Nested all/any conditions (the `when` itself is level 1); a rule deeper than this cannot be read by a person, and the stored depth stays far below Forge’s 31.',
  ),
  ruleConditions: limit(
    'rules[].when',
    50,
    'conditions',
    'All conditions of one rule, nested ones included.',
  ),
  ruleValues: limit(
    'rules[].when.anyOf',
    100,
    'values',
    'Values of one condition (issue types, labels, keywords…).',
  ),
  ruleValueLength: limit(
    'rules[].when.anyOf[]',
    255,
    'characters',
    'One value or summary keyword: the longest name Jira takes (platform.v3.json: e.g. StatusCreate.name, maxLength 255; issue type names at most 60).',
  ),
  ruleId: limit(
    'rules[].id',
    64,
    'characters',
    'Stored on every issue the rule tags (the `ballast` issue property) and shown on the issue panel.',
  ),
  ruleDescription: limit('rules[].description', 500, 'characters', 'A sentence or two.'),
  dodTemplates: limit(
    'dodTemplates',
    50,
    'templates',
    'A template per category and issue type: 5 categories × 10 issue types.',
  ),
  dodItems: limit(
    'dodTemplates[].items',
    50,
    'items',
    'The issue panel lists every item of an issue’s checklist.',
  ),
  dodIssueTypes: limit(
    'dodTemplates[].issueTypes',
    50,
    'issue types',
    'Issue types one template applies to.',
  ),
  exemptionValues: limit(
    'capacity.exemption',
    50,
    'values',
    'Priorities or labels that exempt an item from the freeze (each list).',
  ),
  exemptionValueLength: limit(
    'capacity.exemption[]',
    255,
    'characters',
    'One priority or label name (Jira: priority names at most 60, CreatePriorityDetails.name).',
  ),
  gateWarning: limit(
    'capacity.gateTable.*.warning',
    500,
    'characters',
    'The planner shows the warning in one banner.',
  ),
  incidentJql: limit(
    'incidentJql',
    2_000,
    'characters',
    'Jira documents no JQL length limit (platform.v3.json gives none for `jql`); an incident filter is a few conditions, and the search request stays small.',
  ),
  incidentServices: limit(
    'incidentServices.byComponent',
    200,
    'components',
    'Component → service pairs.',
  ),
  serviceName: limit(
    'incidentServices',
    100,
    'characters',
    'A component or service name, as the push API allows for a service (src/contract/push-api.ts).',
  ),
  postmortemName: limit(
    'postmortem',
    255,
    'characters',
    'The issue type, label or link type name; Jira’s issue type names are at most 60 (IssueTypeCreateBean.name), link type and label names fit 255.',
  ),
  slosPerProject: limit(
    'sloIds',
    100,
    'SLOs',
    'SLOs of one project (the form, the import and the configuration’s SLO list); each is rolled up every five minutes.',
  ),
  openSloBytes: limit(
    'yaml',
    200_000,
    'characters',
    'A project’s SLOs are stored in one Forge storage value (240 KiB), checked again as stored (at most 200,000 bytes); the file is read whole before that.',
  ),
  openSloAliases: limit(
    'yaml',
    100,
    'alias uses',
    'YAML aliases (`*name`) in an OpenSLO file: the `yaml` library’s maxAliasCount, which stops an alias bomb (“billion laughs”) before it expands (eemeli/yaml, ToJSOptions.maxAliasCount).',
  ),
  openSloDepth: limit(
    'yaml',
    20,
    'levels',
    'Nesting of one OpenSLO document; DataSource and Alert* documents are stored as written, inside the project’s SLO record (Forge: depth at most 31).',
  ),
  overrideReason: limit(
    'reason',
    500,
    'characters',
    'The reason of a split override or a freeze override, kept in the audit log and shown in the planner.',
  ),
  rebalanceMoves: limit(
    'moves',
    200,
    'moves',
    'Moves one rebalance may apply in one request (one resolver invocation of at most 25 s); a sprint’s plan needs a few dozen at most.',
  ),
  pushBodyBytes: limit(
    'body (push API)',
    512 * 1024,
    'bytes',
    'One signed push (an SLI batch, a deployment or an incident); larger is refused (413 TOO_LARGE) before its signature is checked.',
  ),
  sliPoints: limit(
    'points',
    2_000,
    'points',
    'One-minute points per SLI batch: a day and a half of one SLO, or 33 hours of three.',
  ),
  sliCount: limit(
    'points[].good, points[].total',
    MAX_SLI_COUNT,
    'events',
    'Events per interval, whole numbers: every window’s sum stays exact below 2^53 (src/domain/slo/sli-interval.ts).',
  ),
  futureSkewMinutes: limit(
    'start, end, startedAt, finishedAt, detectedAt, resolvedAt',
    5,
    'minutes',
    'How far in the future a pushed SLI minute, deployment or incident time may be: the push signature’s own clock skew (MAX_CLOCK_SKEW_SECONDS, as Stripe and Slack allow).',
  ),
  historyDays: limit(
    'start, startedAt, finishedAt',
    400,
    'days',
    'How old pushed data may be: no figure reads further back (the longest SLO window, a quarter or 366 days rolling, plus a week of replay; DORA reads 168 days), so older data would be stored and never used.',
  ),
  rollingWindowDays: limit(
    'window.days, spec.timeWindow[0].duration',
    366,
    'days',
    'The longest rolling SLO window (a leap year); pushed data older than the history limit could never count.',
  ),
  sloQuery: limit(
    'numerator.query, total.query',
    4_000,
    'characters',
    'One metric query of the SLO form (a PromQL expression is a line or two).',
  ),
  sloText: limit(
    'displayName, service',
    200,
    'characters',
    'A display or service name in the SLO form.',
  ),
  sloDescription: limit(
    'description',
    2_000,
    'characters',
    'The form’s description; OpenSLO itself allows at most 1,050 in a file (go-sdk rules.StringMaxLength(1050)), which the import checks.',
  ),
} as const satisfies Record<string, StatedLimit>;

export type LimitName = keyof typeof LIMITS;

/** The limit's figure with its unit: "200 rules". */
export function figure(name: LimitName): string {
  const { limit: value, unit } = LIMITS[name];
  return `${value.toLocaleString('en')} ${unit}`;
}

/** The limit as a phrase: "at most 200 rules". */
export function atMost(name: LimitName): string {
  return `at most ${figure(name)}`;
}

/** "at most 200 rules are allowed; this has 5,000". */
export function overLimit(name: LimitName, actual: number): string {
  return `${atMost(name)} are allowed; this has ${actual.toLocaleString('en')}`;
}

/** README's "Limits" table, row for row (the test compares README's section with it). */
export function limitsTable(): string {
  const rows = Object.values(LIMITS).map(
    (l) => `| \`${l.field}\` | ${l.limit.toLocaleString('en')} ${l.unit} | ${l.why} |`,
  );
  return ['| field | limit | why |', '| --- | --- | --- |', ...rows].join('\n');
}
