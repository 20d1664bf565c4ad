import { describe, expect, it } from 'vitest';
import { anIncident } from './testing/generators';
import { timeToRestore } from './time-to-restore';

const lasting = (key: string, start: string, end: string | null) =>
  anIncident({ key, startedAt: start, resolvedAt: end });

describe('time to restore service', () => {
  it('is the median start → resolved of resolved incidents: [0.5, 2, 30] h gives 2 h (high)', () => {
    const incidents = [
      lasting('I1', '2026-03-01T10:00:00Z', '2026-03-01T10:30:00Z'),
      lasting('I2', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
      lasting('I3', '2026-03-03T10:00:00Z', '2026-03-04T16:00:00Z'),
      lasting('I4', '2026-03-05T10:00:00Z', null),
      lasting('I5', '2026-03-05T10:00:00Z', '2026-03-05T09:00:00Z'),
    ];
    expect(timeToRestore(incidents)).toEqual({
      status: 'ok',
      value: 2,
      unit: 'hours',
      sampleSize: 3,
      unresolved: 1,
      invalid: 1,
      band: 'high',
    });
  });

  it.each([
    [
      'one incident of 45 minutes is elite',
      [lasting('I1', '2026-03-01T10:00:00Z', '2026-03-01T10:45:00Z')],
      0.75,
      'elite',
    ],
    [
      'an even count takes the lower middle value (DevLake): 0.5 and 2 h give 0.5 h (elite)',
      [
        lasting('I1', '2026-03-01T10:00:00Z', '2026-03-01T10:30:00Z'),
        lasting('I2', '2026-03-02T10:00:00Z', '2026-03-02T12:00:00Z'),
      ],
      0.5,
      'elite',
    ],
  ])('%s', (_name, incidents, value, band) => {
    expect(timeToRestore(incidents)).toMatchObject({ value, band });
  });

  it.each([
    ['no incidents', []],
    ['only unresolved incidents', [lasting('I1', '2026-03-01T10:00:00Z', null)]],
  ])('has not enough data with %s', (_name, incidents) => {
    expect(timeToRestore(incidents)).toEqual({
      status: 'not-enough-data',
      unit: 'hours',
      sampleSize: 0,
      minimumSampleSize: 1,
      reason: 'needs 1 resolved incident, has 0',
    });
  });
});
