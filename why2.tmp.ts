import { DEFAULT_POLICY, replayPolicy } from './src/domain/gate';
import { DAY_MS, MINUTE_MS, sliSeriesFor, type SloSpec, type SliInterval } from './src/domain/slo';
import { minuteOf, lcg, START, END } from './bench/slo-report-data';
const T0 = Date.UTC(2026, 0, 1), AT = T0 + 30 * DAY_MS, N = 43200;
const spec = (i: number, ts: boolean): SloSpec => ({ name: 'x' + i, service: 's', indicator: { name: 'i', counts: 'good', counter: true, numerator: { type: 'P', spec: {} }, total: { type: 'P', spec: {} } } as never, target: 0.999, window: { kind: 'rolling', days: 30 }, budgeting: ts ? { method: 'Timeslices', sliceTarget: 0.99 } : { method: 'Occurrences' } });
const benchData = (i: number): SliInterval[] => Array.from({ length: N }, (_, m) => { const inc = (m + i * 97) % (10 * 1440) < 30; const bad = inc ? 200 : (m * 31 + i) % 997 === 0 ? 3 : 0; return { start: T0 + m * MINUTE_MS, end: T0 + (m + 1) * MINUTE_MS, good: 1000 - bad, total: 1000 }; });
const reportData = (i: number): SliInterval[] => { const r = lcg(i + 1); return Array.from({ length: N }, (_, k) => { const x = minuteOf(i, k, r); return { start: START + k * MINUTE_MS, end: START + (k + 1) * MINUTE_MS, ...x }; }); };
const cpu = (f: () => void) => { const b = process.cpuUsage(); f(); const u = process.cpuUsage(b); return ((u.user + u.system) / 1000).toFixed(0); };
const mode = process.argv[2];
const specsB = Array.from({ length: 50 }, (_, i) => spec(i, i % 2 === 1));
const specsR = Array.from({ length: 50 }, (_, i) => spec(i, i % 10 === 9));
let keep: unknown;
if (mode === 'bench') {
  const inputs = specsB.map((_, i) => benchData(i)); keep = inputs;
  const series = specsB.map((s, i) => sliSeriesFor(s, inputs[i]!));
  for (let r = 0; r < 3; r++) console.log('bench data, inputs kept', cpu(() => specsB.map((s, i) => replayPolicy(s, series[i]!, DEFAULT_POLICY, AT))));
} else if (mode === 'bench-dropped') {
  const series = specsB.map((s, i) => sliSeriesFor(s, benchData(i)));
  for (let r = 0; r < 3; r++) console.log('bench data, inputs dropped', cpu(() => specsB.map((s, i) => replayPolicy(s, series[i]!, DEFAULT_POLICY, AT))));
} else if (mode === 'bench-specs-report') {
  const series = specsR.map((s, i) => sliSeriesFor(s, benchData(i)));
  for (let r = 0; r < 3; r++) console.log('bench data, report specs (5 Timeslices)', cpu(() => specsR.map((s, i) => replayPolicy(s, series[i]!, DEFAULT_POLICY, AT))));
} else {
  const series = specsR.map((s, i) => sliSeriesFor(s, reportData(i)));
  for (let r = 0; r < 3; r++) console.log('report data', cpu(() => specsR.map((s, i) => replayPolicy(s, series[i]!, DEFAULT_POLICY, END))));
}
void keep;
