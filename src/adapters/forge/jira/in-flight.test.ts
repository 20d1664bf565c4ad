import { describe, expect, it } from 'vitest';
import { InFlightSlots } from './in-flight';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('InFlightSlots', () => {
  it('runs at most `size` at once, the rest in the order they came', async () => {
    const slots = new InFlightSlots(2);
    const started: number[] = [];
    const release: (() => void)[] = [];
    const runs = [0, 1, 2, 3].map((n) =>
      slots.run(async () => {
        started.push(n);
        await new Promise<void>((resolve) => release.push(resolve));
        return n;
      }),
    );
    await tick();
    expect([started, slots.inFlight]).toEqual([[0, 1], 2]);
    release.shift()!();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    while (release.length > 0 || started.length < 4) {
      release.shift()?.();
      await tick();
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(slots.inFlight).toBe(0);
  });

  it('frees the slot when the work fails', async () => {
    const slots = new InFlightSlots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(() => Promise.resolve('next'))).toBe('next');
    expect(slots.inFlight).toBe(0);
  });

  it('refuses a size that is not a whole number of at least 1', () => {
    expect(() => new InFlightSlots(0)).toThrow(/at least 1, not 0/);
  });
});
