/** The report for people: one row per SLO, then the gate and its reasons. */
import type { ReportJson } from './slo-report';

const pct = (x: number | null, digits = 3): string =>
  x === null ? 'no data' : `${(x * 100).toFixed(digits)}%`;
const rate = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

function duration(seconds: number | null): string {
  if (seconds === null) return 'not burning';
  if (seconds === 0) return 'exhausted';
  if (seconds < 3600) return `${(seconds / 60).toFixed(0)}m`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)}h`;
  return `${(seconds / 86_400).toFixed(1)}d`;
}

export function reportTable(report: ReportJson): string {
  const head = [
    'SLO',
    'service',
    'target',
    'window',
    'SLI',
    'budget left',
    'burn 1h',
    'burn 6h',
    'burn 1d',
    'alerts',
    'exhausts in',
    'state',
  ];
  const rows = report.slos.map((s) => [
    s.name,
    s.service,
    pct(s.target, 2),
    s.window,
    pct(s.sli),
    pct(s.budgetRemaining, 1),
    rate(s.burnRates['1h']),
    rate(s.burnRates['6h']),
    rate(s.burnRates['1d']),
    s.alerts
      .filter((a) => a.firing)
      .map((a) => `${a.severity} ${a.longWindow}/${a.shortWindow}`)
      .join(', ') || '—',
    duration(s.exhaustsInSeconds),
    s.state,
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  const out = [
    `SLO report at ${report.at}`,
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ];
  out.push(`Project gate: ${report.gate.state}`);
  for (const r of report.gate.reasons) out.push(`  ${r.slo} (${r.state}): ${r.message}`);
  for (const s of report.slos) {
    for (const p of s.postmortems) {
      out.push(
        `Postmortem needed: ${s.name} incident ${p.start} – ${p.end} spent ${pct(p.budgetShare, 1)} of the budget`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
