import type { Figure } from '../../contract/project-page';
import type { MetricResult } from '../../domain/metrics/metric-result';

/** A domain result as a contract figure: the value, or null and why. */
export function figure(result: MetricResult<number, object>): Figure {
  return result.status === 'ok'
    ? { value: result.value, unit: result.unit, sampleSize: result.sampleSize, reason: null }
    : { value: null, unit: result.unit, sampleSize: result.sampleSize, reason: result.reason };
}
