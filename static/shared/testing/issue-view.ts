/**
 * IssueView fixtures for component tests: realistic defaults (a feature with a five-item DoD, three
 * done) that each test overrides where it matters. Values are what the backend would send.
 */
import type { IssueView } from '../../../src/contract/issue-panel';

type Dod = IssueView['dod'];
export type DodItem = Dod['items'][number];

export const VIEWER = 'acc-marco-member';

export const ITEMS: readonly DodItem[] = [
  {
    id: 'has-type',
    text: 'Has a category',
    required: true,
    kind: 'auto',
    state: 'done',
    reason: 'category is feature',
  },
  {
    id: 'has-estimate',
    text: 'Has an estimate',
    required: true,
    kind: 'auto',
    state: 'open',
    reason: 'no estimate',
  },
  {
    id: 'acceptance',
    text: 'Acceptance criteria met',
    required: true,
    kind: 'manual',
    state: 'done',
    by: VIEWER,
    at: '2026-11-20T09:30:00Z',
  },
  { id: 'code-review', text: 'Code reviewed', required: true, kind: 'manual', state: 'open' },
  {
    id: 'docs',
    text: 'Docs updated',
    required: false,
    kind: 'manual',
    state: 'done',
    by: 'acc-ada-admin',
    at: '2026-11-19T16:05:00Z',
  },
];

/** A DodEvaluation whose counts follow its items, as evaluate-checklist.ts computes them. */
export function dodOf(items: readonly DodItem[], template: Dod['template'] = defaultTemplate): Dod {
  const done = items.filter((i) => i.state === 'done').length;
  const openRequired = items.filter((i) => i.required && i.state === 'open');
  return {
    issueKey: 'SHOP-12',
    template,
    outdated: false,
    items,
    done,
    total: items.length,
    openRequired,
    complete: openRequired.length === 0,
    progress: `${done}/${items.length}`,
  };
}

const defaultTemplate = { id: 'feature', name: 'Feature', version: 1 };

export function issueView(overrides: Partial<IssueView> = {}): IssueView {
  return {
    issueKey: 'SHOP-12',
    workType: {
      type: 'feature',
      source: 'rule',
      reason: 'Rule #5 "story-is-feature" (feature): issue type is "Story".',
    },
    suggestion: null,
    noSuggestion: null,
    gate: null,
    dod: dodOf(ITEMS),
    history: null,
    problems: [],
    people: { 'acc-ada-admin': 'Ada Okafor', 'acc-marco-member': 'Marco Silva' },
    ...overrides,
  };
}

export const NO_DOD: Dod = dodOf([], null);

/** An unclassified item with the backend's suggestion, as panel-extras.ts sends it. */
export const SUGGESTED: Pick<IssueView, 'workType' | 'suggestion'> = {
  workType: {
    type: 'unclassified',
    source: 'none',
    reason: 'No manual category and no rule matched.',
  },
  suggestion: {
    type: 'debt',
    confidence: 0.781,
    basedOn: 312,
    evidenceCount: 41,
    evidence: ['word "refactor"', 'word "deprecated"'],
  },
};

/** A feature item while checkout availability's budget is spent. */
export const FROZEN_GATE: NonNullable<IssueView['gate']> = {
  state: 'FROZEN',
  mayStart: false,
  allowedBy: null,
  message: 'Feature work cannot start while the gate is frozen.',
  slos: ['checkout-availability'],
  statement: {
    state: 'FROZEN',
    since: '2026-11-20T08:00:00.000Z',
    sentences: [
      'The error budget of checkout-availability reached 0% (policy: freeze at or below 0%). Planning unfreezes when the budget is back at or above 5% for 24 hours — now -12%.',
    ],
    effect:
      'No feature work starts, except exempt items or under a freeze override a project admin records.',
  },
  override: null,
  wayOut:
    'Work on reliability until the budget recovers, mark the item Highest or label it security, or record an override with a reason.',
};

/** SHOP-12 resolved in March, before Ballast first saw SHOP on 20 Nov 2026 (its DoD all open). */
export const CLOSED_BEFORE_BALLAST: Partial<IssueView> = {
  history: {
    closedBeforeBallast: true,
    resolvedAt: '2026-03-02T09:30:00.000Z',
    firstSeenAt: '2026-11-20T12:00:00.000Z',
  },
};

/** An unclassified item the model cannot judge: too little evidence, and the backend says why. */
export const NOT_SUGGESTED: Pick<IssueView, 'workType' | 'noSuggestion'> = {
  workType: SUGGESTED.workType,
  noSuggestion:
    'No suggestion: The words and labels of this item appear only 3 times in the tagged history; a suggestion needs at least 5.',
};
