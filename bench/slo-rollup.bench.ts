/**
 * The fiveMinute job's SLO work at scale (issue #21 item 2): for every SLO, merge the new minutes
 * (compactSli) and roll up status and policy state (rollUpSlo), on a store that keeps values as
 * JSON text, so every read pays the parse a remote store's answer costs. How the cost grows with
 * SLOs, stored days and new minutes, beside the roll-up before day sums
 * (test/support/roll-up-slo-reference.ts: every stored minute of the window read as an object).
 */
import { loadavg } from 'node:os';
import { DEFAULT_POLICY } from '../src/domain/gate';
import { DAY_MS, MINUTE_MS, sliceTargetOf, type SloSpec } from '../src/domain/slo';
import { compactSli } from '../src/app/slo/compact-sli';
import { rollUpSlo } from '../src/app/slo/roll-up-slo';
import { SLOS_AT_ONCE } from '../src/app/slo/refresh-slos';
import type { SliDayRecord, SliRawRecord, StoredInterval } from '../src/app/slo/sli-chunks';
import { daySumsOf } from '../src/app/slo/sli-day-sums';
import { dayOf, sliDayKey, sliDaySumsKey, sliRawKey } from '../src/app/slo/storage-keys';
import { referenceRollUpSlo } from '../test/support/roll-up-slo-reference';
import { time, type BenchSuite, type Timing } from './harness';
import { READ_UNITS_PER_MINUTE, jsonKv, type Counters } from './json-kv';

const START = Date.UTC(2026, 0, 1);

function spec(i: number): SloSpec {
  return {
    name: `slo-${String(i).padStart(2, '0')}`,
    service: `svc-${i % 5}`,
    indicator: {
      name: `sli-${i}`,
      counts: 'good',
      counter: true,
      numerator: { type: 'Prometheus', spec: {} },
      total: { type: 'Prometheus', spec: {} },
    },
    target: 0.999,
    window: { kind: 'rolling', days: 30 },
    // Every tenth SLO counts good minutes (Timeslices), as in bench/slo-report-data.ts.
    budgeting:
      i % 10 === 9 ? { method: 'Timeslices', sliceTarget: 0.95 } : { method: 'Occurrences' },
  };
}

/** Minute m of SLO i: 1,000 events, a few bad, a 30-minute incident every 10 days. */
function minute(i: number, m: number): StoredInterval {
  const incident = (m + i * 97) % (10 * 1440) < 30;
  const bad = incident ? 200 : (m * 31 + i) % 997 === 0 ? 3 : 0;
  const t = START + m * MINUTE_MS;
  return [t, t + MINUTE_MS, 1000 - bad, 1000];
}

interface World {
  readonly kv: ReturnType<typeof jsonKv>;
  readonly specs: readonly SloSpec[];
  now: number;
  batch: number;
}

/** `days` stored days per SLO, as compaction leaves them (day and sums), up to midday. */
function world(slos: number, days: number): World {
  const kv = jsonKv();
  const specs = Array.from({ length: slos }, (_, i) => spec(i));
  const minutes = days * 1440 - 720;
  specs.forEach((s, i) => {
    for (let d = 0; d * 1440 < minutes; d += 1) {
      const intervals: StoredInterval[] = [];
      for (let m = d * 1440; m < Math.min(minutes, (d + 1) * 1440); m += 1)
        intervals.push(minute(i, m));
      const date = dayOf(START + d * DAY_MS);
      const day: SliDayRecord = { v: 1, intervals, batches: [] };
      kv.data.set(sliDayKey(s.name, date), JSON.stringify(day));
      kv.data.set(sliDaySumsKey(s.name, date), JSON.stringify(daySumsOf(day, sliceTargetOf(s))));
    }
  });
  return { kv, specs, now: START + minutes * MINUTE_MS, batch: 0 };
}

type RollUp = typeof rollUpSlo;

/** One run of the job's SLO work after `newMinutes` more minutes were pushed for every SLO. */
async function job(w: World, newMinutes: number, rollUp: RollUp): Promise<void> {
  const from = w.now;
  w.now += newMinutes * MINUTE_MS;
  w.batch += 1;
  const now = new Date(w.now);
  w.specs.forEach((s, i) => {
    const byDay = new Map<string, StoredInterval[]>();
    for (let t = from; t < w.now; t += MINUTE_MS) {
      const iv = minute(i, (t - START) / MINUTE_MS);
      byDay.set(dayOf(t), [...(byDay.get(dayOf(t)) ?? []), iv]);
    }
    for (const [date, intervals] of byDay) {
      const raw: SliRawRecord = {
        v: 1,
        batchId: `b${w.batch}`,
        receivedAt: now.toISOString(),
        intervals,
      };
      w.kv.data.set(sliRawKey(s.name, date, `b${w.batch}`), JSON.stringify(raw));
    }
  });
  let next = 0;
  const worker = async () => {
    while (next < w.specs.length) {
      const s = w.specs[next++]!;
      const compaction = await compactSli(w.kv, s.name, now, sliceTargetOf(s));
      await rollUp(w.kv, {
        spec: s,
        projectKey: 'P',
        policy: DEFAULT_POLICY,
        now,
        changedFrom: compaction.changedFrom,
        conflicts: compaction.conflicts,
      });
    }
  };
  await Promise.all(Array.from({ length: SLOS_AT_ONCE }, worker));
}

interface Measured {
  readonly timing: Timing;
  /** Median CPU time (user + sys) of a run: on a shared machine the wall clock waits for a core. */
  readonly cpuMs: number;
  readonly perRun: Counters;
}

async function measure(
  slos: number,
  days: number,
  newMinutes: number,
  rollUp: RollUp,
  runs: number,
): Promise<Measured> {
  const w = world(slos, days);
  await job(w, 5, rollUp); // the first run replays the policy over a week: not the steady state
  const before = { ...w.kv.counters };
  const warmup = rollUp === rollUpSlo ? 1 : 0;
  const cpu: number[] = [];
  const timing = await time(
    async () => {
      const start = process.cpuUsage();
      await job(w, newMinutes, rollUp);
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    },
    { runs, warmup },
  );
  const samples = cpu.slice(warmup).sort((a, b) => a - b);
  const n = runs + warmup;
  const c = w.kv.counters;
  const perRun = {
    calls: (c.calls - before.calls) / n,
    bytes: (c.bytes - before.bytes) / n,
    units: (c.units - before.units) / n,
    dayKeys: (c.dayKeys - before.dayKeys) / n,
    sumKeys: (c.sumKeys - before.sumKeys) / n,
  };
  return { timing, cpuMs: samples[Math.floor(samples.length / 2)]!, perRun };
}

const SIZES: readonly (readonly [slos: number, days: number, minutes: number, grows: string])[] = [
  [5, 30, 5, 'SLOs'],
  [20, 30, 5, 'SLOs'],
  [50, 30, 5, 'SLOs, stored days, new minutes'],
  [50, 7, 5, 'stored days'],
  [50, 14, 5, 'stored days'],
  [50, 30, 60, 'new minutes'],
  [50, 30, 1440, 'new minutes'],
];

const suite: BenchSuite = {
  title: 'fiveMinute job: SLO compaction + roll-up at scale',
  notes: [
    'Each row: every SLO gets the new minutes as one pushed batch, then the job merges them (compactSli) and rolls the SLO up (rollUpSlo), eight SLOs at a time, after a first run that reached the steady state. The store keeps values as JSON text, so each read pays the parse of a remote answer; calls, bytes and days are per run.',
    'Before: the same job with the roll-up before day sums (test/support/roll-up-slo-reference.ts), which read every stored minute of the window. Read units: Forge counts KVS reads in 10 KB units, 4,000 a minute per installation (https://developer.atlassian.com/platform/forge/limits-kvs-ce); before, 50 SLOs × 30 days needed more than the quota every five minutes.',
    'Growth: the roll-up reads the sums of every stored day (a few hundred bytes each) and the minutes of the days a window edge cuts — today, yesterday, three days back and the window start, about four — so its cost grows with SLOs, barely with stored days, and with new minutes only through the merge of the day they land in.',
  ].join('\n\n'),
  async run() {
    const rows = [];
    for (const [slos, days, minutes, grows] of SIZES) {
      const load = loadavg()[0]!.toFixed(1);
      const fast = await measure(slos, days, minutes, rollUpSlo, 5);
      const old = await measure(slos, days, minutes, referenceRollUpSlo, 3);
      const mb = (b: number) => (b / 1e6).toFixed(2);
      rows.push({
        name: `${slos} SLOs × ${days} days stored, ${minutes.toLocaleString('en')} new minutes each (grows: ${grows})`,
        aim:
          slos === 50 && days === 30 && minutes === 5
            ? '≤ 1 s for 50 SLOs with 30 days stored (issue #21)'
            : 'the growth table (issue #21 item 2)',
        timing: fast.timing,
        extra: {
          'CPU ms (median)': fast.cpuMs.toFixed(0),
          'before: median ms, CPU ms': `${old.timing.medianMs.toFixed(0)}, ${old.cpuMs.toFixed(0)}`,
          'before ÷ now (CPU)': (old.cpuMs / fast.cpuMs).toFixed(1),
          'KVS calls': fast.perRun.calls.toFixed(0),
          'day records / day sums read per SLO': `${(fast.perRun.dayKeys / slos).toFixed(1)} / ${(fast.perRun.sumKeys / slos).toFixed(1)} (before: ${(old.perRun.dayKeys / slos).toFixed(1)} / 0)`,
          'MB read (before)': `${mb(fast.perRun.bytes)} (${mb(old.perRun.bytes)})`,
          'read units (before)': `${fast.perRun.units.toFixed(0)} (${old.perRun.units.toFixed(0)}) of ${READ_UNITS_PER_MINUTE.toLocaleString('en')} a minute`,
          'load average (1 min) before': load,
        },
      });
    }
    return rows;
  },
};
export default suite;
