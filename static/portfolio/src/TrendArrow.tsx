/** A trend arrow from the backend's Trend (src/domain/metrics/trend-direction.ts), with words. */
import type { Trend } from '../../../src/contract/portfolio';

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;
const WORDS = { up: 'rose', down: 'fell', flat: 'held steady' } as const;

export function TrendArrow({ trend, period }: { trend: Trend | null; period: string }) {
  if (trend === null) return null;
  const verdict = trend.better === null ? '' : trend.better ? ', better' : ', worse';
  const label = `${WORDS[trend.direction]} since the ${period} before${verdict}`;
  const tone =
    trend.better === null ? 'trend-neutral' : trend.better ? 'trend-better' : 'trend-worse';
  return (
    <span className={`trend ${tone}`} title={label} aria-label={label} role="img">
      {ARROW[trend.direction]}
    </span>
  );
}
