/**
 * A short, stable digest of a sprint's items as the split sees them (key, work type, estimate), so a
 * proposal or an override can name the plan it was computed on and a later write can tell whether
 * the sprint changed in between. Independent of item order.
 */
import { createHash } from 'node:crypto';
import type { SprintItem } from '../../domain/capacity';

export function sprintFingerprint(items: readonly SprintItem[]): string {
  const lines = items
    .map((item) => `${item.key}|${item.type}|${item.estimate ?? '-'}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}
