import { describe, expect, it } from 'vitest';
import { mttd } from './mttd';
import { mttr } from './mttr';
import { anIncident } from './testing/generators';

const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2026, 2, day, hour, minute)).toISOString();

describe('MTTR (median and mean start → resolved)', () => {
  it('gives the median 2 h and the mean 10.8333 h of [0.5, 2, 30] h', () => {
    const incidents = [
      anIncident({ key: 'I1', startedAt: at(1, 10), resolvedAt: at(1, 10, 30) }),
      anIncident({ key: 'I2', startedAt: at(2, 10), resolvedAt: at(2, 12) }),
      anIncident({ key: 'I3', startedAt: at(3, 10), resolvedAt: at(4, 16) }),
      anIncident({ key: 'I4', startedAt: at(5, 10), resolvedAt: null }),
    ];
    expect(mttr(incidents)).toEqual({
      status: 'ok',
      value: 2,
      unit: 'hours',
      sampleSize: 3,
      meanHours: 10.8333,
      unresolved: 1,
      invalid: 0,
    });
  });

  it('has not enough data with no resolved incident', () => {
    expect(mttr([anIncident({ resolvedAt: null })])).toEqual({
      status: 'not-enough-data',
      unit: 'hours',
      sampleSize: 0,
      minimumSampleSize: 1,
      reason: 'needs 1 resolved incident, has 0',
    });
  });
});

describe('MTTD (impact start → detected)', () => {
  it('uses only incidents that record detection: [0.25, 1] h gives the median 0.25 h (lower middle) and mean 0.625 h', () => {
    const incidents = [
      anIncident({ key: 'I1', startedAt: at(1, 10), detectedAt: at(1, 10, 15) }),
      anIncident({ key: 'I2', startedAt: at(2, 10), detectedAt: at(2, 11) }),
      anIncident({ key: 'I3', startedAt: at(3, 10) }),
      anIncident({ key: 'I4', startedAt: at(3, 10), detectedAt: null }),
      anIncident({ key: 'I5', startedAt: at(4, 10), detectedAt: at(4, 9) }),
    ];
    expect(mttd(incidents)).toEqual({
      status: 'ok',
      value: 0.25,
      unit: 'hours',
      sampleSize: 2,
      meanHours: 0.625,
      withoutDetection: 2,
      invalid: 1,
    });
  });

  it.each([
    ['no incidents', []],
    ['incidents without the detection field', [anIncident()]],
  ])('has not enough data with %s', (_name, incidents) => {
    expect(mttd(incidents)).toMatchObject({
      status: 'not-enough-data',
      reason: 'needs 1 incident with a detection time, has 0',
    });
  });
});
