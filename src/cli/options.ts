/**
 * The options of every command, for `node:util` parseArgs. Kept apart from the commands' code so
 * that `--help`, completion and argument checks load nothing heavy (no zod, yaml or SLO engine):
 * the compiled command starts in tens of milliseconds (issue #25).
 */

/** `--json` on the commands a machine reads: one JSON value per line on stdout. */
const JSON_OUTPUT = { json: { type: 'boolean', default: false } } as const;

export const VALIDATE_OPTIONS = { ...JSON_OUTPUT } as const;

export const REPORT_OPTIONS = {
  spec: { type: 'string' },
  data: { type: 'string' },
  at: { type: 'string' },
  format: { type: 'string', default: 'table' },
  step: { type: 'string' },
  'forecast-at': { type: 'string' },
  ...JSON_OUTPUT,
} as const;

export const SLI_SYNC_OPTIONS = {
  prometheus: { type: 'string' },
  spec: { type: 'string' },
  target: { type: 'string' },
  'secret-file': { type: 'string' },
  since: { type: 'string', default: '35d' },
  until: { type: 'string' },
  once: { type: 'boolean', default: false },
  every: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  'basic-auth-file': { type: 'string' },
  'bearer-token-file': { type: 'string' },
  rate: { type: 'string', default: '10' },
  slo: { type: 'string' },
  ...JSON_OUTPUT,
} as const;

export const RECORD_COMMON = {
  target: { type: 'string' },
  'secret-file': { type: 'string' },
  id: { type: 'string' },
  service: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  ...JSON_OUTPUT,
} as const;

export const DEPLOY_OPTIONS = {
  ...RECORD_COMMON,
  environment: { type: 'string' },
  status: { type: 'string' },
  issues: { type: 'string' },
  'started-at': { type: 'string' },
  'finished-at': { type: 'string' },
} as const;

/** `gate check`: where the app is, what the release is of, and which items it carries. */
export const GATE_CHECK_OPTIONS = {
  target: { type: 'string' },
  'secret-file': { type: 'string' },
  project: { type: 'string' },
  service: { type: 'string' },
  keys: { type: 'string' },
  'commits-from': { type: 'string' },
  stdin: { type: 'boolean', default: false },
  'fail-open': { type: 'boolean', default: false },
  'fail-closed': { type: 'boolean', default: false },
  ...JSON_OUTPUT,
} as const;

export const INCIDENT_OPTIONS = {
  ...RECORD_COMMON,
  title: { type: 'string' },
  'started-at': { type: 'string' },
  'detected-at': { type: 'string' },
  'resolved-at': { type: 'string' },
  'deployment-id': { type: 'string' },
} as const;
