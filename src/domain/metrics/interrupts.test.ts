import { describe, expect, it } from 'vitest';
import { interrupts } from './interrupts';
import { aSprint, anInterrupt, anItem } from './testing/generators';

describe('interrupts against the buffer', () => {
  // Capacity 40, buffer 10% = 4 points.
  it.each([
    ['within the buffer: 3 of 4 points', [anInterrupt({ points: 3 })], 3, 1, 0.075, 0.75, false],
    [
      'over the buffer: 5 + 1 of 4 points',
      [anInterrupt({ points: 5 }), anInterrupt({ points: 1, completed: false })],
      6,
      2,
      0.15,
      1.5,
      true,
    ],
    [
      // PRODUCT.md §2: every item added mid-sprint counts against the buffer, whatever it is.
      'every addition is an interrupt, committed work is not: 5 of a 4-point buffer',
      [
        anItem({ points: 5, committed: false, addedAfterStart: true, unplanned: false }),
        anItem({ points: 5, unplanned: true }),
      ],
      5,
      1,
      0.125,
      1.25,
      true,
    ],
    [
      'an addition taken out again is not an interrupt',
      [anInterrupt({ points: 5, removedAfterStart: true })],
      0,
      0,
      0,
      0,
      false,
    ],
    ['none at all', [], 0, 0, 0, 0, false],
  ])('%s', (_name, items, value, count, shareOfCapacity, bufferUsed, overBuffer) => {
    expect(interrupts(aSprint(), items)).toMatchObject({
      status: 'ok',
      value,
      count,
      capacity: 40,
      shareOfCapacity,
      bufferPoints: 4,
      bufferUsed,
      overBuffer,
    });
  });

  it('leaves the shares empty when capacity is unknown, but still counts', () => {
    expect(interrupts(aSprint({ capacity: null }), [anInterrupt({ points: 2 })])).toMatchObject({
      value: 2,
      count: 1,
      capacity: null,
      shareOfCapacity: null,
      bufferPoints: null,
      bufferUsed: null,
      overBuffer: null,
    });
  });

  it('leaves the buffer empty when the sprint has none', () => {
    expect(interrupts(aSprint({ bufferShare: 0 }), [anInterrupt({ points: 2 })])).toMatchObject({
      shareOfCapacity: 0.05,
      bufferPoints: null,
      overBuffer: null,
    });
  });

  it('has not enough data before the sprint starts', () => {
    expect(interrupts(aSprint({ state: 'future', startedAt: null }), [])).toMatchObject({
      status: 'not-enough-data',
    });
  });
});
