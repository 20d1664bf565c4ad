/**
 * An SLO's alerting: OpenSLO `spec.alertPolicies` (README "Notes (SLO)": each item an inline
 * AlertPolicy or `{ alertPolicyRef }`) kept as written, and the burn-rate alert table Ballast
 * evaluates, chosen by the annotation `ballast/alert-table` (`sloth`, Ballast's default, or
 * `workbook`; src/domain/slo/alert-table.ts says where each table comes from).
 */
import { DEFAULT_ALERT_TABLE, isAlertTableName, type AlertTableName } from '../alert-table';
import { asMap, describeValue, fail, type ReadContext, type YamlMap } from './context';

export const ALERT_TABLE_ANNOTATION = 'ballast/alert-table';

/** undefined: none written; null: a problem was recorded. */
export function readAlertPolicies(
  ctx: ReadContext,
  value: unknown,
): readonly YamlMap[] | undefined | null {
  // `alertPolicies:` with nothing after it (OpenSLO's own examples write it) is YAML null: none.
  if (value === undefined || value === null) return undefined;
  const path = ['spec', 'alertPolicies'];
  if (!Array.isArray(value)) return fail(ctx, path, `must be a list, got ${describeValue(value)}`);
  const policies: YamlMap[] = [];
  let ok = true;
  value.forEach((item: unknown, i) => {
    const policy = asMap(ctx, item, [...path, i]);
    if (!policy) {
      ok = false;
      return;
    }
    const isRef = policy.alertPolicyRef !== undefined;
    if (isRef && (typeof policy.alertPolicyRef !== 'string' || Object.keys(policy).length !== 1)) {
      ok = false;
      fail(
        ctx,
        [...path, i, 'alertPolicyRef'],
        'must be the only field, the name of an AlertPolicy',
      );
    } else if (!isRef && policy.kind !== 'AlertPolicy') {
      ok = false;
      fail(
        ctx,
        [...path, i],
        'needs alertPolicyRef (the name of an AlertPolicy) or an inline policy with kind: AlertPolicy, metadata and spec',
      );
    } else policies.push(policy);
  });
  return ok ? policies : null;
}

/** undefined: Ballast's default table. */
export function readAlertTable(
  ctx: ReadContext,
  annotations: Readonly<Record<string, string>> | undefined,
): AlertTableName | undefined | null {
  const value = annotations?.[ALERT_TABLE_ANNOTATION];
  if (value === undefined) return undefined;
  if (!isAlertTableName(value))
    return fail(
      ctx,
      ['metadata', 'annotations', ALERT_TABLE_ANNOTATION],
      `"${value}" is not allowed: sloth (Ballast's default: Sloth's four rows) or workbook (the SRE Workbook's table 5-8, three rows)`,
    );
  return value === DEFAULT_ALERT_TABLE ? undefined : value;
}
