/** `ballast slo validate FILE`: checks an OpenSLO v1 file; exit 0 when valid, 1 with the errors. */
import { parseOpenSlo, type OpenSloIssue } from '../domain/slo';
import { readInput, type CliIo } from './io';

/** `file:line: document 2 (SLO x): spec.objectives[0].target: message`. */
export function formatOpenSloIssue(file: string, issue: OpenSloIssue): string {
  const where = issue.line === null ? file : `${file}:${issue.line}`;
  const path = issue.path === '' ? '' : `${issue.path}: `;
  return `${where}: ${issue.document}: ${path}${issue.message}`;
}

export function sloValidate(file: string, io: CliIo, { json = false } = {}): number {
  const result = parseOpenSlo(readInput(io, file, 'OpenSLO file'));
  if (json) {
    // For machines: the same findings as one JSON object on stdout, with the same exit code.
    const counts = result.ok
      ? {
          slos: result.bundle.slos.length,
          slis: result.bundle.indicators.length,
          services: result.bundle.services.length,
        }
      : { slos: null, slis: null, services: null };
    const problems = result.ok ? [] : result.issues;
    io.stdout(`${JSON.stringify({ file, valid: result.ok, ...counts, problems })}\n`);
    return result.ok ? 0 : 1;
  }
  if (!result.ok) {
    io.stderr(`${result.issues.map((i) => formatOpenSloIssue(file, i)).join('\n')}\n`);
    io.stderr(`${file}: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}\n`);
    return 1;
  }
  const { services, indicators, slos, others = [] } = result.bundle;
  const kept = [...new Set(others.map((d) => d.kind))].map(
    (kind) => `, ${others.filter((d) => d.kind === kind).length} ${kind}`,
  );
  io.stdout(
    `${file}: valid OpenSLO v1 — ${slos.length} SLO, ${indicators.length} SLI, ${services.length} Service${kept.join('')}\n`,
  );
  return 0;
}
