import { evaluateAutoCheck } from './auto-check';
import type { DodChecklistState } from './checklist-state';
import type { DodIssue } from './dod-issue';
import type { DodTemplate } from './dod-template';

/** One row of the checklist as the issue panel shows it. */
export interface DodItemResult {
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
  readonly kind: 'manual' | 'auto';
  readonly state: 'done' | 'open';
  /** Manual items: who last changed it and when (ISO-8601); absent when never touched. */
  readonly by?: string;
  readonly at?: string;
  /** Auto items: why the check passed or failed, e.g. "no estimate". */
  readonly reason?: string;
}

export interface DodEvaluation {
  readonly issueKey: string;
  /** The template evaluated against; null when the issue has no Definition of Done. */
  readonly template: {
    readonly id: string;
    readonly name: string;
    readonly version: number;
  } | null;
  /** True when the stored state follows another template or an older version of it. */
  readonly outdated: boolean;
  readonly items: readonly DodItemResult[];
  readonly done: number;
  readonly total: number;
  /** Required items still open, in template order. */
  readonly openRequired: readonly DodItemResult[];
  /** All required items done (optional items never block). */
  readonly complete: boolean;
  /** "3/5": done of all items, for the issue context. */
  readonly progress: string;
}

/**
 * Evaluates an issue's checklist against the current template. Ticks are matched by item id, so a
 * state that follows an older version still evaluates correctly (see migrate-checklist.ts); an issue
 * without a template is complete with nothing to do.
 */
export function evaluateChecklist(
  template: DodTemplate | undefined,
  state: DodChecklistState | undefined,
  issue: DodIssue,
): DodEvaluation {
  if (template === undefined) {
    return {
      issueKey: issue.key,
      template: null,
      outdated: false,
      items: [],
      done: 0,
      total: 0,
      openRequired: [],
      complete: true,
      progress: '0/0',
    };
  }
  const items = template.items.map((item): DodItemResult => {
    const base = { id: item.id, text: item.text, required: item.required, kind: item.kind };
    if (item.kind === 'auto') {
      const outcome = evaluateAutoCheck(item.check, issue);
      return { ...base, state: outcome.passed ? 'done' : 'open', reason: outcome.reason };
    }
    // Own keys only: an item id such as `constructor` (a valid id) must not read Object.prototype's.
    const stored =
      state !== undefined && Object.hasOwn(state.items, item.id) ? state.items[item.id] : undefined;
    if (stored === undefined) return { ...base, state: 'open' };
    return { ...base, state: stored.done ? 'done' : 'open', by: stored.by, at: stored.at };
  });
  const done = items.filter((item) => item.state === 'done').length;
  const openRequired = items.filter((item) => item.required && item.state === 'open');
  return {
    issueKey: issue.key,
    template: { id: template.id, name: template.name, version: template.version },
    outdated:
      state !== undefined &&
      (state.templateId !== template.id || state.templateVersion !== template.version),
    items,
    done,
    total: items.length,
    openRequired,
    complete: openRequired.length === 0,
    progress: `${done}/${items.length}`,
  };
}
