import { describe, expect, it } from 'vitest';
import { repeatIncidents } from './repeat-incidents';
import { anIncident } from './testing/generators';

const on = (key: string, date: string, repeatKey?: string | null) =>
  anIncident({ key, startedAt: `${date}T10:00:00Z`, repeatKey });

describe('repeat incidents', () => {
  it('counts an incident whose cause recurred within 90 days of the previous one', () => {
    const incidents = [
      on('I3', '2026-03-20', 'db-pool'), // 48 days after I1: repeat
      on('I1', '2026-01-31', 'db-pool'),
      on('I2', '2026-02-10', 'cert-expiry'),
      on('I4', '2026-06-18', 'db-pool'), // exactly 90 days after I3: repeat
      on('I5', '2026-10-01', 'db-pool'), // 105 days after I4: not a repeat
      on('I6', '2026-03-01', null),
      on('I7', '2026-03-01'),
    ];
    expect(repeatIncidents(incidents)).toEqual({
      status: 'ok',
      value: 2,
      unit: 'count',
      sampleSize: 5,
      share: 0.4,
      repeatKeys: ['I3', 'I4'],
      unkeyed: 2,
      windowDays: 90,
    });
  });

  it('uses the window it is given', () => {
    const incidents = [on('I1', '2026-03-01', 'x'), on('I2', '2026-03-10', 'x')];
    expect(repeatIncidents(incidents, { windowDays: 7 })).toMatchObject({ value: 0, share: 0 });
  });

  it('has not enough data when no incident has a repeat key', () => {
    expect(repeatIncidents([on('I1', '2026-03-01')])).toEqual({
      status: 'not-enough-data',
      unit: 'count',
      sampleSize: 0,
      minimumSampleSize: 1,
      reason: 'needs 1 incident with a repeat key, has 0',
    });
  });
});
