/**
 * A latency SLO end to end through the CLI: the threshold fixture (p99 below 300 ms, Timeslices
 * of 1 minute, 99% over 2 weeks) with one day of per-minute points counted as good/total (1/1 or
 * 0/1, src/domain/slo/threshold.ts), 20 slow minutes out of 1,440.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from './main';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SPEC = 'test/fixtures/slo/openslo-forms/threshold-metric.valid.yaml';

function csv(): string {
  const rows = ['slo,start,end,good,total'];
  const t0 = Date.UTC(2026, 2, 1);
  for (let i = 0; i < 1440; i += 1) {
    const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
    rows.push(
      `search-latency,${iso(t0 + i * 60_000)},${iso(t0 + (i + 1) * 60_000)},${i < 20 ? 0 : 1},1`,
    );
  }
  return `${rows.join('\n')}\n`;
}

describe('ballast slo report with a threshold SLO', () => {
  it('budgets the slow minutes of a latency SLO like any Timeslices SLO', async () => {
    let stdout = '';
    const code = await main(
      [
        'slo',
        'report',
        '--spec',
        SPEC,
        '--data',
        'data.csv',
        '--at',
        '2026-03-02T00:00:00Z',
        '--format',
        'json',
      ],
      {
        readFile: (path) => (path === 'data.csv' ? csv() : readFileSync(`${root}${path}`, 'utf8')),
        stdout: (text) => (stdout += text),
        stderr: () => undefined,
      },
    );
    const slo = (JSON.parse(stdout) as { slos: Record<string, unknown>[] }).slos[0]!;
    expect([code, slo.name, slo.budgetingMethod, slo.sli]).toEqual([
      0,
      'search-latency',
      'Timeslices',
      1420 / 1440,
    ]);
    // (1 − 0.99) × 1,440 minutes is 14.4 up to float rounding (tolerance 1e-9).
    const budget = slo.budget as {
      unit: string;
      allowed: number;
      consumed: number;
      remaining: number;
    };
    expect([budget.unit, budget.consumed]).toEqual(['minutes', 20]);
    expect(budget.allowed).toBeCloseTo(14.4, 9);
    expect(budget.remaining).toBeCloseTo(1 - 20 / 14.4, 9);
  });
});
