import { describe, expect, it } from 'vitest';
import {
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  timeToRestoreBand,
} from './dora-bands';

// Every boundary of the DevLake 2023 table (dora-bands.ts): just below, at, just above.
describe('DORA 2023 bands at every boundary', () => {
  it.each([
    [4.99, null, 'high'],
    [5, null, 'elite'],
    [5.01, null, 'elite'],
    [0.99, 1, 'medium'],
    [1, null, 'high'],
    [1.01, null, 'high'],
    [0, 0.99, 'low'],
    [0, 1, 'medium'],
    [0, 1.01, 'medium'],
    [0, null, null],
  ])('deployment frequency: %s days/week, %s days/month → %s', (week, month, band) => {
    expect(deploymentFrequencyBand(week, month)).toBe(band);
  });

  it.each([
    [23.99, 'elite'],
    [24, 'high'],
    [24.01, 'high'],
    [167.99, 'high'],
    [168, 'medium'],
    [168.01, 'medium'],
    [719.99, 'medium'],
    [720, 'low'],
    [720.01, 'low'],
  ])('lead time: %s hours → %s', (hours, band) => {
    expect(leadTimeBand(hours)).toBe(band);
  });

  it.each([
    [0, 'elite'],
    [0.0499, 'elite'],
    [0.05, 'elite'],
    [0.0501, 'high'],
    [0.0999, 'high'],
    [0.1, 'high'],
    [0.1001, 'medium'],
    [0.1499, 'medium'],
    [0.15, 'medium'],
    [0.1501, 'low'],
  ])('change failure rate: %s → %s', (rate, band) => {
    expect(changeFailureRateBand(rate)).toBe(band);
  });

  it.each([
    [0.99, 'elite'],
    [1, 'high'],
    [1.01, 'high'],
    [23.99, 'high'],
    [24, 'medium'],
    [24.01, 'medium'],
    [167.99, 'medium'],
    [168, 'low'],
    [168.01, 'low'],
  ])('time to restore: %s hours → %s', (hours, band) => {
    expect(timeToRestoreBand(hours)).toBe(band);
  });
});
