import { describe, expect, it } from 'vitest';
import { startedEarly } from './first-load';

describe('startedEarly', () => {
  it('starts the load at once and hands that promise to the first caller only', async () => {
    let calls = 0;
    const load = startedEarly(() => Promise.resolve(++calls));
    expect(calls).toBe(1);
    await expect(load()).resolves.toBe(1);
    await expect(load()).resolves.toBe(2);
    expect(calls).toBe(2);
  });

  it('keeps an early failure for the first caller, and a retry loads again', async () => {
    let calls = 0;
    const load = startedEarly(() => {
      calls += 1;
      return calls === 1
        ? Promise.reject(new Error('first answer failed'))
        : Promise.resolve('second');
    });
    await new Promise((resolve) => setTimeout(resolve, 0)); // no unhandled rejection meanwhile
    await expect(load()).rejects.toThrow('first answer failed');
    await expect(load()).resolves.toBe('second');
  });
});
