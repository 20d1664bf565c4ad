import { describe, expect, it } from 'vitest';
import { earliestPlausible, latestPlausible, timeProblem } from './plausible-time';

const now = new Date('2026-11-20T12:00:00Z');

describe('plausible pushed times', () => {
  it('accepts up to 5 minutes ahead and 400 days back, refuses one millisecond beyond', () => {
    expect(new Date(latestPlausible(now)).toISOString()).toBe('2026-11-20T12:05:00.000Z');
    expect(new Date(earliestPlausible(now)).toISOString()).toBe('2025-10-16T12:00:00.000Z');
    const check = (at: string) => timeProblem([{ field: 'finishedAt', at }], [], now);
    expect(check('2026-11-20T12:05:00.000Z')).toBeNull();
    expect(check('2025-10-16T12:00:00.000Z')).toBeNull();
    expect(check('2026-11-20T12:05:00.001Z')).toEqual({
      field: 'finishedAt',
      message:
        'finishedAt: 2026-11-20T12:05:00.001Z is more than 5 minutes in the future (now 2026-11-20T12:00:00.000Z); send times as they happened',
    });
    expect(check('2025-10-16T11:59:59.999Z')?.message).toBe(
      'finishedAt: 2025-10-16T11:59:59.999Z is older than 400 days (the earliest accepted is 2025-10-16T12:00:00.000Z); no figure reads data that old',
    );
  });

  it('refuses an end before its start, naming the end; an absent time is not checked', () => {
    const times = (startedAt: string, resolvedAt?: string) =>
      timeProblem(
        [
          { field: 'startedAt', at: startedAt },
          { field: 'resolvedAt', at: resolvedAt },
        ],
        [['startedAt', 'resolvedAt']],
        now,
      );
    expect(times('2026-11-20T10:00:00Z', '2026-11-20T09:00:00Z')).toEqual({
      field: 'resolvedAt',
      message:
        'resolvedAt: 2026-11-20T09:00:00.000Z is before startedAt (2026-11-20T10:00:00.000Z); it cannot end before it started',
    });
    expect(times('2026-11-20T10:00:00Z', '2026-11-20T10:00:00Z')).toBeNull();
    expect(times('2026-11-20T10:00:00Z')).toBeNull();
  });
});
