/**
 * What changed between two error-budget policies, field by field, in the words and units of the
 * settings page (static/project-settings ErrorBudgetSection): the audit log's "old → new".
 */
import type { AlertSeverity } from '../slo/alert-table';
import { HOUR_MS } from '../slo/duration';
import type { ErrorBudgetPolicy } from './policy';

export interface PolicyFieldChange {
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

/** A share as a person reads it: percent with at most two decimals ("25%", "0.5%"). */
const percent = (share: number): string => `${Number((share * 100).toFixed(2))}%`;
const hours = (ms: number): string => {
  const h = Number((ms / HOUR_MS).toFixed(2));
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
};
const alerts = (list: readonly AlertSeverity[]): string =>
  list.length === 0 ? 'none' : [...list].sort().join(' and ');

/** In the settings page's order; each field with its label there and how its value reads. */
const FIELDS: readonly {
  readonly key: keyof ErrorBudgetPolicy;
  readonly label: string;
  readonly show: (policy: ErrorBudgetPolicy) => string;
}[] = [
  { key: 'atRiskBelow', label: 'At risk below', show: (p) => percent(p.atRiskBelow) },
  { key: 'freezeAtOrBelow', label: 'Frozen at or below', show: (p) => percent(p.freezeAtOrBelow) },
  {
    key: 'unfreezeAtOrAbove',
    label: 'Leave frozen at or above',
    show: (p) => percent(p.unfreezeAtOrAbove),
  },
  { key: 'unfreezeHold', label: 'Held for', show: (p) => hours(p.unfreezeHold) },
  {
    key: 'postmortemBudgetShare',
    label: 'Postmortem when one incident spends more than',
    show: (p) => percent(p.postmortemBudgetShare),
  },
  {
    key: 'atRiskOnAlerts',
    label: 'At risk on firing alerts',
    show: (p) => alerts(p.atRiskOnAlerts),
  },
  {
    key: 'minDataCoverage',
    label: 'No data below coverage',
    show: (p) => percent(p.minDataCoverage),
  },
];

/** The fields whose value reads differently after the change; empty when none does. */
export function errorBudgetPolicyChanges(
  before: ErrorBudgetPolicy,
  after: ErrorBudgetPolicy,
): PolicyFieldChange[] {
  return FIELDS.flatMap(({ label, show }) => {
    const from = show(before);
    const to = show(after);
    return from === to ? [] : [{ field: label, from, to }];
  });
}
