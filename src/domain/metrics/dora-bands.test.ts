import { describe, expect, it } from 'vitest';
import {
  changeFailureRateBand,
  deploymentFrequencyBand,
  leadTimeBand,
  timeToRestoreBand,
} from './dora-bands';

describe('DORA bands at their edges', () => {
  it.each([
    [3, null, 'elite'],
    [2.5, null, 'high'],
    [1, null, 'high'],
    [0.5, 1, 'medium'],
    [0, 0.5, 'low'],
    [0, null, null],
  ])('deployment frequency: %s days/week, %s days/month → %s', (week, month, band) => {
    expect(deploymentFrequencyBand(week, month)).toBe(band);
  });

  it.each([
    [23.99, 'elite'],
    [24, 'high'],
    [167.9, 'high'],
    [168, 'medium'],
    [719, 'medium'],
    [720, 'low'],
  ])('lead time: %s hours → %s', (hours, band) => {
    expect(leadTimeBand(hours)).toBe(band);
  });

  it.each([
    [0, 'elite'],
    [0.05, 'elite'],
    [0.0501, 'high'],
    [0.1, 'high'],
    [0.15, 'medium'],
    [0.1501, 'low'],
  ])('change failure rate: %s → %s', (rate, band) => {
    expect(changeFailureRateBand(rate)).toBe(band);
  });

  it.each([
    [0.99, 'elite'],
    [1, 'high'],
    [24, 'medium'],
    [167.99, 'medium'],
    [168, 'low'],
  ])('time to restore: %s hours → %s', (hours, band) => {
    expect(timeToRestoreBand(hours)).toBe(band);
  });
});
