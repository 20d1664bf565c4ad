import { describe, expect, it } from 'vitest';
import { dayEndsBefore, isBefore, RETENTION, retentionCutoff, sliKeepFrom } from './retention';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;

describe('the stated retention', () => {
  it.each([
    ['sliDays', '2025-10-16T12:00:00.000Z'],
    ['deployments', '2025-10-16T12:00:00.000Z'],
    ['sprintSnapshots', '2024-11-20T12:00:00.000Z'],
    ['auditEntries', '2024-11-20T12:00:00.000Z'],
  ] as const)('keeps %s from %s on at 2026-11-20T12:00Z', (kind, first) => {
    expect(new Date(retentionCutoff(kind, NOW)).toISOString()).toBe(first);
  });

  it('keeps SLI data as long as the oldest push accepted (LIMITS.historyDays, 400 days)', () => {
    expect(RETENTION.sliDays.days).toBe(400);
  });

  it('keeps an SLO’s data from where its roll-up reads when that is earlier than the cutoff', () => {
    const needed = NOW - 426 * DAY;
    expect(sliKeepFrom(NOW, needed)).toBe(needed);
    expect(sliKeepFrom(NOW, NOW - 35 * DAY)).toBe(NOW - 400 * DAY);
    expect(sliKeepFrom(NOW, undefined)).toBe(NOW - 400 * DAY);
  });

  it('deletes a day only once all of it is before the first instant kept', () => {
    const keepFrom = Date.parse('2025-10-16T12:00:00.000Z');
    expect(dayEndsBefore('2025-10-15', keepFrom)).toBe(true);
    expect(dayEndsBefore('2025-10-16', keepFrom)).toBe(false);
    expect(dayEndsBefore('2025-10-16', Date.parse('2025-10-17T00:00:00.000Z'))).toBe(true);
  });

  it('keeps what it cannot date', () => {
    expect(dayEndsBefore('not-a-day', NOW)).toBe(false);
    expect(dayEndsBefore('2025-13-40', NOW)).toBe(false);
    expect(isBefore(undefined, NOW)).toBe(false);
    expect(isBefore(null, NOW)).toBe(false);
    expect(isBefore('yesterday', NOW)).toBe(false);
    expect(isBefore('2026-11-20T11:59:59.999Z', NOW)).toBe(true);
    expect(isBefore('2026-11-20T12:00:00.000Z', NOW)).toBe(false);
  });
});
