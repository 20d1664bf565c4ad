import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ResolverError } from '../../../src/contract/envelope';
import {
  CLOSED_BEFORE_BALLAST,
  FROZEN_GATE,
  NOT_SUGGESTED,
  ITEMS,
  NO_DOD,
  SUGGESTED,
  VIEWER,
  dodOf,
  issueView,
  type DodItem,
} from '../../shared/testing/issue-view';
import { IssuePanel } from './IssuePanel';
import { SuggestionHint, confidencePercent } from './SuggestionHint';
import { pickerValue, requestedType } from './WorkTypeSection';
import type { PanelActions } from './panel-actions';
import type { PanelState } from './panel-state';

interface ButtonElement {
  type: unknown;
  props: { onClick: () => void; children?: unknown };
}

/** The one button in an element tree (SuggestionHint renders no components but the lozenge). */
function findButton(node: unknown): ButtonElement {
  const found: ButtonElement[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n === null || typeof n !== 'object' || !('props' in n)) return;
    const element = n as ButtonElement;
    if (element.type === 'button') found.push(element);
    walk(element.props.children);
  };
  walk(node);
  if (found.length !== 1) throw new Error(`expected one button, found ${found.length}`);
  return found[0]!;
}

const noActions: PanelActions = { tick: async () => {}, setWorkType: async () => {} };

function render(state: PanelState): string {
  return renderToStaticMarkup(
    <IssuePanel state={state} actions={noActions} onRetry={() => {}} onDismissError={() => {}} />,
  );
}

function ready(overrides: Partial<Extract<PanelState, { status: 'ready' }>> = {}): PanelState {
  return {
    status: 'ready',
    view: issueView(),
    viewer: VIEWER,
    pendingTicks: {},
    pendingType: false,
    actionError: undefined,
    ...overrides,
  };
}

/** The markup of one checklist row. */
function row(html: string, itemId: string): string {
  const match = new RegExp(`<li[^>]*data-item-id="${itemId}"[^>]*>.*?</li>`).exec(html);
  if (!match) throw new Error(`no checklist row for ${itemId} in ${html}`);
  return match[0];
}

const failed = (error: Partial<ResolverError>): PanelState => ({
  status: 'failed',
  error: { code: 'INTERNAL', message: 'Jira did not answer.', retryable: true, ...error },
});

describe('IssuePanel states', () => {
  it('says it is loading, as a polite status', () => {
    const html = render({ status: 'loading' });
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading Ballast for this issue');
  });

  it('shows the backend message and a Retry button when the failure is retryable', () => {
    const html = render(failed({ code: 'JIRA_UNAVAILABLE', message: 'Jira is busy (429).' }));
    expect(html).toContain('role="alert"');
    expect(html).toContain('Jira is busy (429).');
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it('offers Retry only as a second action when trying again at once cannot help', () => {
    const html = render(failed({ code: 'BAD_REQUEST', message: 'Bad key.', retryable: false }));
    expect(html).toContain('Bad key.');
    // A Retry on every error (issue #18): here only the quiet one, for after the fix.
    expect(html).not.toMatch(/button-primary[^>]*>Retry</);
    expect(html).toContain('Retry once that is done');
  });

  it.each(['FORBIDDEN', 'NOT_FOUND'] as const)(
    'tells the user they lack access on %s, with Retry only for after the fix',
    (code) => {
      const html = render(failed({ code, message: 'You cannot browse SHOP.', retryable: true }));
      expect(html).toContain('You don’t have access to this issue in Ballast');
      expect(html).toContain('You cannot browse SHOP.');
      // A Retry on every error (issue #18): here only the quiet one, for after the fix.
      expect(html).not.toMatch(/button-primary[^>]*>Retry</);
      expect(html).toContain('Retry once that is done');
    },
  );
});

describe('IssuePanel category', () => {
  it('shows the type as its lozenge with the rule sentence as the reason', () => {
    const html = render(ready());
    expect(html).toContain('class="lozenge lozenge-feature"');
    expect(html).toContain(
      'Rule #5 &quot;story-is-feature&quot; (feature): issue type is &quot;Story&quot;.',
    );
    expect(html).toContain('Set by a rule');
  });

  it('says who chose a manual type and when, and selects it in the picker', () => {
    const view = issueView({
      workType: {
        type: 'toil',
        source: 'manual',
        reason: 'Set by hand to toil.',
        setBy: VIEWER,
        setAt: '2026-11-21T10:00:00Z',
      },
    });
    const html = render(ready({ view }));
    expect(html).toContain('class="lozenge lozenge-toil"');
    expect(html).toContain('Chosen by you on <time dateTime="2026-11-21T10:00:00Z">');
    expect(html).toMatch(/<option value="toil" selected="">Toil<\/option>/);
  });

  it('selects "Let rules decide" when no person chose the type', () => {
    const html = render(ready());
    expect(html).toMatch(/<option value="" selected="">Let rules decide<\/option>/);
    expect(html).toMatch(/<label[^>]*>Change category<\/label>/);
  });

  it('shows an unclassified item as such', () => {
    const view = issueView({
      workType: { type: 'unclassified', source: 'none', reason: 'No manual category, no rule.' },
    });
    expect(render(ready({ view }))).toContain('lozenge-unclassified');
  });

  it('offers Apply only once another choice is picked', () => {
    expect(render(ready())).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Apply<\/button>/);
  });

  it('says the change is being saved, keeping the controls focusable', () => {
    const html = render(ready({ pendingType: true }));
    expect(html).toMatch(/<button[^>]*aria-busy="true"[^>]*>Saving…<\/button>/);
    expect(html).not.toMatch(/<(select|button)[^>]* disabled=""/);
  });
});

describe('IssuePanel Definition of Done', () => {
  it('says "Closed before Ballast" instead of the checklist for an item Done before Ballast', () => {
    const html = render(ready({ view: issueView(CLOSED_BEFORE_BALLAST) }));
    expect(html).toContain('Closed before Ballast');
    expect(html).toContain('left out of the Definition of Done figures');
    expect(html).not.toContain('required items open');
    expect(html).not.toContain('3 of 5 done');
    expect(html).not.toContain('type="checkbox"');
  });

  it('shows the progress and how many required items are open, as computed by the backend', () => {
    const html = render(ready());
    expect(html).toContain('3 of 5 done');
    expect(html).toContain('2 required items open');
    expect(html).toContain('aria-valuenow="3"');
  });

  it('says "Ready to close" when every required item is done', () => {
    const items = ITEMS.map((i): DodItem => (i.required ? { ...i, state: 'done' } : i));
    const html = render(ready({ view: issueView({ dod: dodOf(items) }) }));
    expect(html).toContain('Ready to close');
    expect(html).not.toContain('required items open');
  });

  it('renders manual items as tickable checkboxes and auto items as disabled ones with the reason', () => {
    const html = render(ready());
    expect(row(html, 'code-review')).not.toContain('disabled');
    expect(row(html, 'code-review')).not.toContain('checked');
    expect(row(html, 'has-estimate')).toContain('disabled=""');
    expect(row(html, 'has-estimate')).toContain('no estimate');
    expect(row(html, 'has-estimate')).toContain('Automatic');
    expect(row(html, 'has-type')).toContain('checked=""');
  });

  it('labels each checkbox with the item text and its required/optional mark', () => {
    const html = render(ready());
    expect(row(html, 'code-review')).toMatch(
      /<label for="[^"]+"[^>]*>Code reviewed<span[^>]*>Required/,
    );
    expect(row(html, 'docs')).toContain('Optional');
  });

  it('shows who ticked a manual item and when', () => {
    const html = render(ready());
    expect(row(html, 'acceptance')).toContain(
      'Ticked by you on <time dateTime="2026-11-20T09:30:00Z">',
    );
    expect(row(html, 'docs')).toContain('Ticked by Ada Okafor');
    expect(html).not.toContain('acc-ada-admin');
  });

  it('shows a tick in flight as ticked and saving', () => {
    const html = render(ready({ pendingTicks: { 'code-review': true } }));
    expect(row(html, 'code-review')).toContain('checked=""');
    expect(row(html, 'code-review')).toContain('aria-busy="true"');
    expect(row(html, 'code-review')).toContain('Saving…');
  });

  it('says so when no Definition of Done applies', () => {
    const html = render(ready({ view: issueView({ dod: NO_DOD }) }));
    expect(html).toContain('No Definition of Done applies to this issue');
    expect(html).not.toContain('checkbox');
  });
});

describe('IssuePanel messages', () => {
  it('shows the backend problems as a warning', () => {
    const view = issueView({ problems: ['The stored checklist was unreadable and was reset.'] });
    const html = render(ready({ view }));
    expect(html).toContain('message-warning');
    expect(html).toContain('The stored checklist was unreadable and was reset.');
  });

  it('shows no warning without problems', () => {
    expect(render(ready())).not.toContain('message-warning');
  });

  it('shows a failed change as an alert', () => {
    const html = render(ready({ actionError: 'Couldn’t update “Code reviewed”: Conflict.' }));
    expect(html).toMatch(/role="alert"[^>]*>.*Couldn’t update “Code reviewed”: Conflict\./);
  });
});

describe('IssuePanel suggestion', () => {
  it('shows the backend suggestion under the picker with its confidence and history size', () => {
    const html = render(ready({ view: issueView(SUGGESTED) }));
    expect(html).toContain('role="note" aria-label="Suggested category"');
    expect(html).toMatch(
      /Suggested: <\/span><span class="lozenge lozenge-debt"[^>]*>Debt<\/span> — 78% confident, learned from 312 tagged items/,
    );
    expect(html).toContain(
      'Mostly because of word &quot;refactor&quot;, word &quot;deprecated&quot;',
    );
    expect(html).toMatch(
      /<button[^>]*aria-label="Use this: set the category to Debt"[^>]*>Use this<\/button>/,
    );
    // Below the picker, inside the category section.
    expect(html.indexOf('Suggested: ')).toBeGreaterThan(html.indexOf('Change category'));
  });

  it('shows no suggestion when the backend sends none', () => {
    expect(render(ready())).not.toContain('Suggested');
    expect(render(ready())).not.toContain('Use this');
  });

  it('keeps "Use this" focusable but inert while a change is saved', () => {
    const html = render(ready({ view: issueView(SUGGESTED), pendingType: true }));
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Use this<\/button>/);
  });

  it('"Use this" sets the suggested type by hand, like the picker', () => {
    const picked: (string | null)[] = [];
    const element = SuggestionHint({
      suggestion: SUGGESTED.suggestion!,
      pending: false,
      onUse: (type) => picked.push(type),
    });
    const button = findButton(element);
    button.props.onClick();
    expect(picked).toEqual(['debt']);
  });

  it('rounds the confidence the backend computed down to a whole percent', () => {
    expect(confidencePercent(0.781)).toBe('78%');
    expect(confidencePercent(0.605)).toBe('60%');
    // Never a certainty the backend did not claim.
    expect(confidencePercent(0.999)).toBe('99%');
  });

  it('says why there is no suggestion, as the backend wrote it', () => {
    const html = render(ready({ view: issueView(NOT_SUGGESTED) }));
    expect(html).toContain(
      'No suggestion: The words and labels of this item appear only 3 times in the tagged history; a suggestion needs at least 5.',
    );
    expect(html).not.toContain('Use this');
  });
});

describe('IssuePanel gate line', () => {
  it('warns that feature work is frozen in the FROZEN colour, with the policy’s rule and the way out', () => {
    const html = render(ready({ view: issueView({ gate: FROZEN_GATE }) }));
    // The same tone class as the planner's banner and the project page's lozenge (gate-tone.ts).
    expect(html).toMatch(
      /<section class="message message-gate gate gate-tone-frozen" aria-labelledby="[^"]+" data-gate="FROZEN">/,
    );
    expect(html).toContain('Error budget gate: Frozen — feature work cannot start');
    expect(html).toContain('Feature work cannot start while the gate is frozen.');
    expect(html).toContain(
      'Frozen since <time dateTime="2026-11-20T08:00:00.000Z">20 Nov 2026, 08:00</time>.',
    );
    expect(html).toContain(
      'Planning unfreezes when the budget is back at or above 5% for 24 hours — now -12%.',
    );
    // Never "budget spent" beside a budget that is not: the statement says what the rule is.
    expect(html).not.toContain('Budget spent');
    expect(html).toContain('Way out: </span>Work on reliability until the budget recovers');
  });

  it('names who recorded the override that lets the item start, and until when in local time', () => {
    const gate = {
      ...FROZEN_GATE,
      mayStart: true,
      message: 'This item may start: a freeze override is in force.',
      override: { accountId: 'acc-ada-admin', until: '2026-11-20T16:00:34.198Z', reason: 'Launch' },
      wayOut: null,
    };
    const html = render(ready({ view: issueView({ gate }) }));
    expect(html).toContain(
      'feature work may start until <time dateTime="2026-11-20T16:00:34.198Z">20 Nov 2026, 16:00</time> (Ada Okafor: “Launch”).',
    );
    expect(html).not.toContain('acc-ada-admin');
  });

  it('says an exempt item may still start, with no way out to offer', () => {
    const gate = {
      ...FROZEN_GATE,
      mayStart: true,
      allowedBy: 'exempt' as const,
      message: 'SHOP-12 has exempt priority Highest.',
      wayOut: null,
    };
    const html = render(ready({ view: issueView({ gate }) }));
    expect(html).toContain('Error budget gate: Frozen — this item is exempt and may start');
    expect(html).toContain('SHOP-12 has exempt priority Highest.');
    expect(html).not.toContain('Way out');
  });

  it('says an overridden item may start under an override, never that it is exempt', () => {
    const gate = {
      ...FROZEN_GATE,
      mayStart: true,
      allowedBy: 'override' as const,
      message: 'Feature work may start under an override by Ada Admin: launch.',
      // As the backend sends it while an override lifts the freeze (app/gate/statement-in-force.ts).
      statement: {
        ...FROZEN_GATE.statement,
        effect: 'An override lets feature work start: the normal split applies until it ends.',
      },
      wayOut: null,
    };
    const html = render(ready({ view: issueView({ gate }) }));
    expect(html).toContain('Error budget gate: Frozen — this item may start under an override');
    expect(html).not.toContain('exempt');
  });

  it('shows no gate line when the backend sends none', () => {
    expect(render(ready())).not.toContain('Error budget gate');
  });
});

describe('category picker values', () => {
  it('shows a manual type as itself and anything else as "Let rules decide"', () => {
    expect(pickerValue({ type: 'toil', source: 'manual', reason: '' })).toBe('toil');
    expect(pickerValue({ type: 'toil', source: 'rule', reason: '' })).toBe('');
    expect(pickerValue({ type: 'debt', source: 'parent', reason: '' })).toBe('');
  });

  it('sends the picked type, or null for "Let rules decide"', () => {
    expect(requestedType('reliability')).toBe('reliability');
    expect(requestedType('')).toBeNull();
  });
});
