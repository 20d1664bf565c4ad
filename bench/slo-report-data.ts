/**
 * The "real data" of issue #25: 50 SLOs × 30 days of per-minute SLI intervals (2,160,000 CSV rows,
 * ~122 MB), deterministic (an LCG): steady traffic with a few bad minutes, and an outage per SLO at
 * a different time so some SLOs are HEALTHY, some AT_RISK, some FROZEN. Every tenth SLO is
 * Timeslices. Written as the CSV `slo report --data` reads, the spec it names, and the same
 * counters as OpenMetrics for promtool.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export const SLO_COUNT = 50;
export const DAYS = 30;
export const MINUTE = 60_000;
/** The data starts here; the report is at the end: START + 30 days. */
export const START = Date.UTC(2026, 2, 1);
export const END = START + DAYS * 1440 * MINUTE;

export const sloName = (i: number): string => `svc${String(i).padStart(2, '0')}-availability`;

export function reportSpec(): string {
  return Array.from({ length: SLO_COUNT }, (_, i) => {
    const timeslices = i % 10 === 9;
    return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${sloName(i)}
spec:
  service: svc${i}
  indicator:
    metadata:
      name: ${sloName(i)}-requests
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: Prometheus
            spec:
              query: sum(good_total{slo="${sloName(i)}"})
        total:
          metricSource:
            type: Prometheus
            spec:
              query: sum(requests_total{slo="${sloName(i)}"})
  timeWindow:
    - duration: 30d
      isRolling: true
  budgetingMethod: ${timeslices ? 'Timeslices' : 'Occurrences'}
  objectives:
    - target: 0.999${timeslices ? '\n      timeSliceTarget: 0.95\n      timeSliceWindow: 1m' : ''}
`;
  }).join('---\n');
}

/** Minute k of SLO i: good and total events. */
export function minuteOf(
  i: number,
  k: number,
  rand: () => number,
): { good: number; total: number } {
  const total = 800 + Math.floor(rand() * 400);
  const outageStart = ((i * 7919) % (DAYS - 2)) * 1440 + 600;
  const outage = k >= outageStart && k < outageStart + 20 + (i % 5) * 15;
  const badRate = outage ? 0.05 + (i % 3) * 0.03 : rand() < 0.02 ? 0.01 : 0.0002;
  const bad = Math.floor(total * badRate + rand());
  return { good: total - bad, total };
}

export const lcg = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

/** Writes the CSV, minute by minute across the SLOs (as an export of a metrics store would). */
export async function writeReportCsv(path: string): Promise<number> {
  const out = createWriteStream(path);
  const rands = Array.from({ length: SLO_COUNT }, (_, i) => lcg(i + 1));
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('slo,start,end,good,total\n');
  for (let k = 0; k < DAYS * 1440; k += 1) {
    const start = iso(START + k * MINUTE);
    const end = iso(START + (k + 1) * MINUTE);
    let chunk = '';
    for (let i = 0; i < SLO_COUNT; i += 1) {
      const m = minuteOf(i, k, rands[i]!);
      chunk += `${sloName(i)},${start},${end},${m.good},${m.total}\n`;
    }
    await write(chunk);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

/** Every tenth SLO is Timeslices: its burn rate counts bad minutes, which PromQL cannot compare. */
export const isTimeslices = (i: number): boolean => i % 10 === 9;

/**
 * The same events as counters for Prometheus, Occurrences SLOs only: `ballast_requests{slo}` and
 * `ballast_good{slo}` at every minute boundary from START (0) to END, so `x - x offset w` at END is
 * exactly the events of [END − w, END). Backfilled with promtool (declared gauges, as
 * test/fixtures/connector/shop-data.ts does: promtool wants no `_total` suffix rules then).
 */
export async function writeOpenMetrics(path: string): Promise<void> {
  const minutes = DAYS * 1440;
  const totals: Float64Array[] = [];
  const goods: Float64Array[] = [];
  for (let i = 0; i < SLO_COUNT; i += 1) {
    const rand = lcg(i + 1);
    const total = new Float64Array(minutes + 1);
    const good = new Float64Array(minutes + 1);
    for (let k = 0; k < minutes; k += 1) {
      const m = minuteOf(i, k, rand);
      total[k + 1] = total[k]! + m.total;
      good[k + 1] = good[k]! + m.good;
    }
    totals.push(total);
    goods.push(good);
  }
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  for (const [family, values] of [
    ['ballast_requests', totals],
    ['ballast_good', goods],
  ] as const) {
    await write(`# TYPE ${family} gauge\n`);
    for (let i = 0; i < SLO_COUNT; i += 1) {
      if (isTimeslices(i)) continue;
      let chunk = '';
      for (let k = 0; k <= minutes; k += 1) {
        chunk += `${family}{slo="${sloName(i)}"} ${values[i]![k]} ${(START + k * MINUTE) / 1000}\n`;
        if (chunk.length > 1 << 16) {
          await write(chunk);
          chunk = '';
        }
      }
      await write(chunk);
    }
  }
  await write('# EOF\n');
  out.end();
  await once(out, 'finish');
}
