/**
 * `ballast slo report` on real data (issue #25): 50 SLOs × 30 days of per-minute intervals
 * (bench/slo-report-data.ts), end to end with the compiled command, then its parts in process; and
 * the same eight burn-rate windows evaluated by a real Prometheus on the same events (backfilled by
 * `promtool tsdb create-blocks-from openmetrics`), values compared.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildCli } from '../scripts/build-cli.mjs';
import { readSliCsv } from '../src/cli/sli-csv';
import type { ReportJson } from '../src/cli/slo-report';
import { DEFAULT_POLICY, replayPolicy } from '../src/domain/gate';
import {
  computeSloStatus,
  parseOpenSlo,
  sliSeriesFor,
  sliceTargetOf,
  type SliColumns,
  type SloSpec,
} from '../src/domain/slo';
import { rollUpSlo, type StoredSloStatus } from '../src/app/slo/roll-up-slo';
import type { SliDayRecord, StoredInterval } from '../src/app/slo/sli-chunks';
import { daySumsOf } from '../src/app/slo/sli-day-sums';
import { dayOf, sliDayKey, sliDaySumsKey, sloStatusKey } from '../src/app/slo/storage-keys';
import { jsonKv } from './json-kv';
import {
  prometheusAvailable,
  startLocalPrometheusFrom,
} from '../test/fixtures/prometheus/local-prometheus';
import { summarize, time, type BenchResult, type BenchSuite } from './harness';
import {
  END,
  SLO_COUNT,
  isTimeslices,
  reportSpec,
  sloName,
  writeOpenMetrics,
  writeReportCsv,
} from './slo-report-data';

const ENTRY = 'packages/ballast-cli/dist/ballast.mjs';
const AT = new Date(END).toISOString();
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'] as const;

function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** PromQL for one window: the exact events of [at − w, at) from counters at every minute. */
function burnRateQuery(window: string): string {
  const delta = (metric: string) => `(${metric} - ${metric} offset ${window})`;
  return `(${delta('ballast_requests')} - ${delta('ballast_good')}) / ${delta('ballast_requests')} / (1 - 0.999)`;
}

interface PromVector {
  data: { result: { metric: { slo: string }; value: [number, string] }[] };
}

/**
 * `time` plus the CPU time of each measured run (user + sys of this process): on a machine shared
 * by other work the wall clock includes waiting for a core, the CPU time does not.
 */
async function timed(fn: () => unknown, options: { runs: number; warmup: number }) {
  const cpu: number[] = [];
  const timing = await time(() => {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
  }, options);
  const samples = cpu.slice(options.warmup).sort((a, b) => a - b);
  return { timing, cpuMs: samples[Math.floor(samples.length / 2)]! };
}

/** An SLO's columns stored as the app stores them: per UTC day, the day record and its sums. */
function storeAsDays(kv: ReturnType<typeof jsonKv>, spec: SloSpec, columns: SliColumns): void {
  const days = new Map<string, StoredInterval[]>();
  for (let k = 0; k < columns.length; k += 1) {
    const start = columns.starts[k]!;
    const date = dayOf(start);
    let day = days.get(date);
    if (day === undefined) days.set(date, (day = []));
    day.push([start, columns.ends[k]!, columns.good[k]!, columns.total[k]!]);
  }
  for (const [date, intervals] of days) {
    const record: SliDayRecord = { v: 1, intervals, batches: [] };
    kv.data.set(sliDayKey(spec.name, date), JSON.stringify(record));
    kv.data.set(
      sliDaySumsKey(spec.name, date),
      JSON.stringify(daySumsOf(record, sliceTargetOf(spec))),
    );
  }
}

const relative = (a: number, b: number): number =>
  a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));

const suite: BenchSuite = {
  title: 'slo report on 50 SLOs × 30 days, beside Prometheus',
  notes: `Data: bench/slo-report-data.ts, 50 SLOs × 43,200 one-minute intervals (2,160,000 CSV rows), rolling 30d, 5 of them Timeslices; report at ${AT}. End to end is the compiled command (\`node ${ENTRY} slo report --json\`), a whole process; the other rows run in one process. The app row stores the same data as the fiveMinute job stores it (a day record and its sums per SLO and UTC day, values as JSON text) and rolls it up with rollUpSlo; its stored burn rates are compared with Prometheus and with the report. Prometheus holds the same events as counters at every minute (Occurrences SLOs only: a Timeslices burn rate counts bad minutes, which has no PromQL counterpart), backfilled by promtool; its row is the eight burn-rate windows (5m … 3d and the 30d window) as eight instant queries at the same instant with exact differences (\`x - x offset w\`), compared with the report's burnRates.`,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-report-bench-'));
    try {
      const spec = join(dir, 'slos.yaml');
      const data = join(dir, 'sli.csv');
      await writeFile(spec, reportSpec());
      await writeReportCsv(data);
      const bytes = statSync(data).size;
      await buildCli({ quiet: true });

      let report: ReportJson | null = null;
      // Under GNU time where installed, for the process's CPU time (user + sys) beside the wall clock.
      const gnuTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;
      const endToEndCpu: number[] = [];
      const endToEnd = await time(
        () => {
          const argv = [
            ENTRY,
            'slo',
            'report',
            '--spec',
            spec,
            '--data',
            data,
            '--at',
            AT,
            '--json',
          ];
          const child = gnuTime
            ? spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...argv], {
                encoding: 'utf8',
                maxBuffer: 1 << 28,
              })
            : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
          if (child.status !== 0)
            throw new Error(`slo report exited ${child.status}: ${child.stderr}`);
          if (gnuTime) {
            const [user, sys] = child.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
            endToEndCpu.push((user! + sys!) * 1000);
          }
          report = JSON.parse(child.stdout) as ReportJson;
        },
        { runs: 5, warmup: 1 },
      );
      const endToEndCpuMs = endToEndCpu.slice(1).sort((a, b) => a - b)[2];

      const parsed = parseOpenSlo(readFileSync(spec, 'utf8'));
      if (!parsed.ok) throw new Error('the bench spec must be valid');
      const slos = parsed.bundle.slos;
      const names = slos.map((s) => s.name);
      let csv = readSliCsv(fileChunks(data), names);
      const parse = await timed(() => (csv = readSliCsv(fileChunks(data), names)), {
        runs: 5,
        warmup: 1,
      });
      const series = slos.map((s) => sliSeriesFor(s, csv.bySlo.get(s.name)!));
      const seriesTiming = await timed(
        () => slos.map((s) => sliSeriesFor(s, csv.bySlo.get(s.name)!)),
        { runs: 5, warmup: 1 },
      );
      const status = await timed(() => slos.map((s, i) => computeSloStatus(s, series[i]!, END)), {
        runs: 9,
        warmup: 2,
      });
      const replay = await timed(
        () => slos.map((s, i) => replayPolicy(s, series[i]!, DEFAULT_POLICY, END)),
        { runs: 5, warmup: 1 },
      );
      const cpu = (t: { cpuMs: number }) => ({ 'CPU ms (median)': t.cpuMs.toFixed(1) });

      // The app's engine on the same data: stored as the fiveMinute job stores it, rolled up by
      // rollUpSlo five minutes after a first run (the steady state), its stored burn rates compared.
      const appKv = jsonKv();
      slos.forEach((s) => storeAsDays(appKv, s, csv.bySlo.get(s.name)!));
      const rollUp = (s: SloSpec, at: number) =>
        rollUpSlo(appKv, {
          spec: s,
          projectKey: 'BENCH',
          policy: DEFAULT_POLICY,
          now: new Date(at),
          changedFrom: null,
          conflicts: 0,
        });
      const primed: StoredSloStatus[] = [];
      for (const s of slos) primed.push(await rollUp(s, END - 5 * 60_000));
      let rolledUp: StoredSloStatus[] = [];
      const appCalls = appKv.counters.calls;
      const app = await time(
        async () => {
          for (const p of primed) appKv.data.set(sloStatusKey(p.slo), JSON.stringify(p));
          rolledUp = [];
          for (const s of slos) rolledUp.push(await rollUp(s, END));
        },
        { runs: 7, warmup: 2 },
      );
      const appCallsPerRun = (appKv.counters.calls - appCalls) / 9;

      const results: BenchResult[] = [
        {
          name: 'slo report end to end: compiled command, 50 SLOs × 30 days, --json',
          aim: '≤ 1.5 s (issue #25; 10 s before)',
          timing: endToEnd,
          extra: {
            'CSV size': `${(bytes / 1e6).toFixed(0)} MB`,
            ...(endToEndCpuMs === undefined
              ? {}
              : { 'CPU ms (median, GNU time)': endToEndCpuMs.toFixed(0) }),
            'load average (1 min)': loadavg()[0]!.toFixed(1),
          },
        },
        {
          name: 'parse the CSV, streamed in 1 MiB chunks (readSliCsv)',
          aim: '≥ 150 MB/s (issue #25)',
          timing: parse.timing,
          extra: {
            'MB/s (median)': (bytes / 1e6 / (parse.timing.medianMs / 1000)).toFixed(0),
            'MB/s (best)': (bytes / 1e6 / (parse.timing.minMs / 1000)).toFixed(0),
            'MB/s of CPU time (median)': (bytes / 1e6 / (parse.cpuMs / 1000)).toFixed(0),
          },
        },
        {
          name: 'build the 50 series (sorted arrays with prefix sums)',
          aim: 'a fraction of the parse',
          timing: seriesTiming.timing,
          extra: cpu(seriesTiming),
        },
        {
          name: 'status of 50 SLOs at the instant (budgets, 8 burn rates, alerts)',
          aim: 'the figure Prometheus is held against',
          timing: status.timing,
          extra: cpu(status),
        },
        {
          name: 'policy replay of 50 SLOs every 5m over 30 days (8,640 steps each)',
          aim: 'no slower than the status needs (issue #25)',
          timing: replay.timing,
          extra: {
            ...cpu(replay),
            'replay / status (CPU)': (replay.cpuMs / status.cpuMs).toFixed(0),
          },
        },
      ];

      results.push({
        name: "the app's engine: rollUpSlo of the 50 SLOs from stored days (status, burn rates, alerts, one policy step), five minutes after the last run",
        aim: 'the app figure Prometheus is held against (issue #21 item 3)',
        timing: app,
        extra: { 'KVS calls per run': appCallsPerRun.toFixed(0) },
      });

      if (!prometheusAvailable()) {
        results.push({
          name: 'Prometheus: not installed (Debian package "prometheus")',
          aim: '—',
          timing: summarize([0]),
        });
        return results;
      }
      const openMetrics = join(dir, 'input.om.txt');
      await writeOpenMetrics(openMetrics);
      const promDir = mkdtempSync(join(tmpdir(), 'ballast-report-prom-'));
      const backfillStart = performance.now();
      const prometheus = await startLocalPrometheusFrom(openMetrics, promDir);
      const backfillMs = performance.now() - backfillStart;
      try {
        const query = async (window: string) => {
          const url = `${prometheus.url}/api/v1/query?query=${encodeURIComponent(burnRateQuery(window))}&time=${END / 1000}`;
          const answer = (await (await fetch(url)).json()) as PromVector;
          return new Map(answer.data.result.map((r) => [r.metric.slo, Number(r.value[1])]));
        };
        const all = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];
        let answers: Map<string, number>[] = [];
        const prom = await time(async () => (answers = await Promise.all(all.map(query))), {
          runs: 7,
          warmup: 2,
        });
        // Values compared: every Occurrences SLO, every window, report JSON against Prometheus.
        // …and the app's stored status (rollUpSlo) against Prometheus and against the report.
        let worst = 0;
        let worstApp = 0;
        let worstAppReport = 0;
        let compared = 0;
        const slosOf = (report as ReportJson | null)?.slos ?? [];
        for (let i = 0; i < SLO_COUNT; i += 1) {
          const mine = slosOf.find((s) => s.name === sloName(i))!.burnRates;
          const apps = rolledUp.find((r) => r.slo === sloName(i))!.status.burnRates;
          [...WINDOWS, 'window' as const].forEach((w, k) => {
            const ours = mine[w];
            const app = apps[w];
            if (ours === null || app === null) throw new Error(`${sloName(i)} ${w}: no value`);
            worstAppReport = Math.max(worstAppReport, relative(app, ours));
            if (isTimeslices(i)) return;
            const theirs = answers[k]!.get(sloName(i));
            if (theirs === undefined) throw new Error(`${sloName(i)} ${w}: no value`);
            worst = Math.max(worst, relative(ours, theirs));
            worstApp = Math.max(worstApp, relative(app, theirs));
            compared += 1;
          });
        }
        results.push({
          name: 'Prometheus: the same 8 burn-rate windows of 45 Occurrences SLOs, 8 instant queries (x - x offset w)',
          aim: 'values equal within 1e-9 relative',
          timing: prom,
          extra: {
            'values compared': compared,
            'largest relative difference': worst.toExponential(2),
            'largest relative difference, app roll-up (stored status)': worstApp.toExponential(2),
            'largest relative difference, app roll-up vs report (all 50 SLOs)':
              worstAppReport.toExponential(2),
            'report status / Prometheus (median)': (status.timing.medianMs / prom.medianMs).toFixed(
              3,
            ),
            'app roll-up / Prometheus (median)': (app.medianMs / prom.medianMs).toFixed(2),
            'report end to end / Prometheus (median)': (endToEnd.medianMs / prom.medianMs).toFixed(
              1,
            ),
            'promtool backfill + start': `${(backfillMs / 1000).toFixed(1)} s`,
          },
        });
        if (Math.max(worst, worstApp, worstAppReport) > 1e-9)
          throw new Error(
            `burn rates differ: report/Prometheus ${worst}, app/Prometheus ${worstApp}, app/report ${worstAppReport} relative`,
          );
      } finally {
        prometheus.stop();
      }
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default suite;
