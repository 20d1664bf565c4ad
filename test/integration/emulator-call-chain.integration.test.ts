/**
 * The emulator's call statistics: the longest chain of calls made one after another (what the
 * benchmarks record beside the total), and the latency knob applied to every call on its own, so
 * calls sent at the same time wait for it at the same time (parallel reads show their gain).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN_ACCOUNT_ID,
  ACCOUNT_HEADER,
  createJiraEmulator,
  NO_FAULTS,
  type JiraEmulator,
} from '../../sandbox/jira';
import { longestChain } from '../../sandbox/jira/http/stats';

const anchor = new Date('2026-11-20T12:00:00Z');
let jira: JiraEmulator;

beforeAll(async () => {
  jira = await createJiraEmulator({ seed: { anchor }, now: () => anchor });
});
afterAll(async () => jira.close());

const field = () =>
  fetch(`${jira.url}/rest/api/3/field`, { headers: { [ACCOUNT_HEADER]: ADMIN_ACCOUNT_ID } }).then(
    (r) => r.text(),
  );

describe('longestChain', () => {
  it.each([
    ['no calls', [], 0],
    [
      'three at once',
      [
        [0, 10],
        [1, 11],
        [2, 12],
      ],
      1,
    ],
    [
      'three in a row',
      [
        [0, 10],
        [10, 20],
        [21, 30],
      ],
      3,
    ],
    [
      'a long call beside two in a row',
      [
        [0, 30],
        [0, 10],
        [12, 20],
      ],
      2,
    ],
    [
      'rounds of two',
      [
        [0, 10],
        [0, 10],
        [10, 20],
        [10, 20],
        [20, 30],
      ],
      3,
    ],
  ] as const)('%s: %i', (_name, spans, chain) => {
    expect(longestChain(spans.map(([start, end]) => ({ start, end })))).toBe(chain);
  });
});

describe('the emulator’s call statistics under latency', () => {
  it('counts 8 calls at once as a chain of 1, 3 in a row as 3', async () => {
    jira.faults.update({ ...NO_FAULTS, latencyMs: 100 });
    try {
      jira.stats.reset();
      await Promise.all(Array.from({ length: 8 }, field));
      // Each call sleeps on its own: the 8 overlap, none waited for another.
      expect(jira.stats.snapshot()).toMatchObject({ total: 8, chain: 1 });

      jira.stats.reset();
      for (let i = 0; i < 3; i += 1) await field();
      expect(jira.stats.snapshot()).toMatchObject({ total: 3, chain: 3 });
    } finally {
      jira.faults.update(NO_FAULTS);
    }
  });
});
