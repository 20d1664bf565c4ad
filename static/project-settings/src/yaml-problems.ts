/**
 * Problems of an OpenSLO import as the editor shows them: grouped by line (for the gutter markers)
 * and where each line starts in the text (to put the cursor there). Pure, tested in Node.
 */
import type { SloImportProblem } from '../../../src/contract/slo';

export function problemsByLine(problems: readonly SloImportProblem[]): Map<number, string[]> {
  const byLine = new Map<number, string[]>();
  for (const problem of problems) {
    if (problem.line === null) continue;
    byLine.set(problem.line, [...(byLine.get(problem.line) ?? []), problem.message]);
  }
  return byLine;
}

/** Character offsets [start, end) of a 1-based line; the last line when the text is shorter. */
export function lineRange(text: string, line: number): { start: number; end: number } {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  const start = lines.slice(0, index).reduce((sum, l) => sum + l.length + 1, 0);
  return { start, end: start + (lines[index]?.length ?? 0) };
}

/** Problems come back on a failed import as `error.problems`; anything else is one message. */
export function importProblems(error: {
  message: string;
  problems?: readonly SloImportProblem[];
}): readonly SloImportProblem[] {
  return error.problems && error.problems.length > 0
    ? error.problems
    : [{ line: null, message: error.message }];
}
