/**
 * Immediate feedback while the policy is typed: the shares and the buffer should add up to 100%.
 * Only a hint next to the field — the backend validates the saved policy and its message is shown.
 */
import { WORK_TYPES } from './config-types';
import type { PolicyDraft } from './draft';

export type ShareSum =
  | { readonly kind: 'ok'; readonly total: number }
  | { readonly kind: 'off'; readonly total: number; readonly missing: number }
  | { readonly kind: 'incomplete'; readonly blank: readonly string[] };

// The same allowance the backend uses, so 33.3 + 33.3 + 33.4 is 100.
const EPSILON = 1e-9;

export function shareSum(policy: PolicyDraft): ShareSum {
  const fields = [
    ...WORK_TYPES.map((type) => [type, policy.targets[type]] as const),
    ['buffer', policy.buffer] as const,
  ];
  const blank = fields.filter(([, v]) => v.trim() === '' || !Number.isFinite(Number(v)));
  if (blank.length > 0) return { kind: 'incomplete', blank: blank.map(([name]) => name) };
  const total = fields.reduce((sum, [, v]) => sum + Number(v), 0);
  const rounded = Math.round(total * 100) / 100;
  if (Math.abs(total - 100) <= EPSILON) return { kind: 'ok', total: 100 };
  return { kind: 'off', total: rounded, missing: Math.round((100 - total) * 100) / 100 };
}

export function shareSumText(sum: ShareSum): string {
  switch (sum.kind) {
    case 'ok':
      return 'Targets and buffer add up to 100%.';
    case 'incomplete':
      return `Enter a number for ${sum.blank.join(', ')}.`;
    case 'off':
      return sum.missing > 0
        ? `Targets and buffer add up to ${sum.total}%: ${sum.missing} points short of 100%.`
        : `Targets and buffer add up to ${sum.total}%: ${-sum.missing} points over 100%.`;
  }
}
