import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ResolverError } from '../../../src/contract/envelope';
import type { SprintEvaluation } from '../../../src/contract/planner';
import { OverrideForm } from './OverrideForm';
import { Planner } from './Planner';
import type { PlannerActions } from './planner-actions';
import type { PlannerState } from './planner-state';
import {
  COMPLIANT,
  VIEWER,
  planEvaluation,
  plannerBoard,
  plannerView,
} from './testing/planner-view';

const noActions: PlannerActions = {
  loadBoard: async () => {},
  chooseSprint: async () => {},
  apply: async () => {},
  undo: async () => {},
  override: () => Promise.resolve(true),
  reload: async () => {},
  call: () => new Promise(() => {}),
};

function ready(
  view: SprintEvaluation = plannerView(),
  overrides: Partial<Extract<PlannerState, { status: 'ready' }>> = {},
): PlannerState {
  return {
    status: 'ready',
    board: plannerBoard(),
    sprintId: view.sprint.id,
    sprint: { status: 'ready', view },
    busy: null,
    actionError: undefined,
    notice: undefined,
    ...overrides,
  };
}

function render(state: PlannerState): string {
  return renderToStaticMarkup(
    <Planner
      state={state}
      actions={noActions}
      viewer={VIEWER}
      onRetry={() => {}}
      onDismissError={() => {}}
    />,
  );
}

/** The markup of the element whose attribute matches, up to its closing tag (no nesting of the same tag). */
function element(html: string, tag: string, attribute: string): string {
  const match = new RegExp(`<${tag}[^>]*${attribute}[^>]*>.*?</${tag}>`).exec(html);
  if (!match) throw new Error(`no <${tag} ${attribute}> in ${html}`);
  return match[0];
}

const failure = (error: Partial<ResolverError>): ResolverError => ({
  code: 'INTERNAL',
  message: 'Jira did not answer.',
  retryable: true,
  ...error,
});

describe('the sprint’s scope change since its start', () => {
  const text = (html: string) => element(html, 'p', 'data-scope-change').replace(/<[^>]+>/g, '');

  it('shows added, removed and re-estimated work as the backend computed it, in the unit', () => {
    expect(text(render(ready()))).toBe(
      'Scope since the start: +5 pts added after the start (2 items) · −2 pts removed (1 item) · committed work re-estimated +3 pts · 8% churn',
    );
  });

  it('writes hours for an original-estimate basis (the view carries hours, not seconds)', () => {
    const view = plannerView({
      evaluation: planEvaluation({ basis: 'originalEstimate' }),
      scopeChange: {
        ...plannerView().scopeChange!,
        added: 1.5,
        removed: 0,
        removedCount: 0,
        reestimated: -2,
      },
    });
    expect(text(render(ready(view)))).toContain(
      '+1.5 h added after the start (2 items) · −0 h removed (0 items) · committed work re-estimated −2 h',
    );
  });

  it('says why there is no scope change, and shows nothing for a sprint not started', () => {
    const why = plannerView({
      scopeChange: {
        ...plannerView().scopeChange!,
        value: null,
        reason: 'the sprint has not started yet',
      },
    });
    expect(text(render(ready(why)))).toBe(
      'Scope change since the start: the sprint has not started yet.',
    );
    expect(render(ready(plannerView({ scopeChange: null })))).not.toContain('data-scope-change');
  });
});

describe('Planner states', () => {
  it('says it is loading, as a polite status', () => {
    const html = render({ status: 'loading' });
    expect(html).toContain('role="status"');
    expect(html).toContain('Loading the sprint planner…');
  });

  it('shows a retryable failure with the backend message and Retry', () => {
    const html = render({
      status: 'failed',
      error: failure({
        code: 'JIRA_UNAVAILABLE',
        message: 'Jira is rate-limiting requests right now.',
      }),
    });
    expect(html).toContain('Ballast couldn’t load this board’s sprint planning');
    expect(html).toContain('Jira is rate-limiting requests right now.');
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it.each(['FORBIDDEN', 'NOT_FOUND'] as const)(
    'says the viewer has no access on %s and whom to ask, with Retry only for after the fix',
    (code) => {
      const html = render({
        status: 'failed',
        error: failure({ code, message: 'Project SHOP does not exist or you cannot see it.' }),
      });
      expect(html).toContain('You don’t have access to this board’s sprint planning');
      expect(html).toContain('Ask a Jira administrator');
      // A Retry on every error (issue #18): here only the quiet one, for after the fix.
      expect(html).not.toMatch(/button-primary[^>]*>Retry</);
      expect(html).toContain('Retry once that is done');
    },
  );

  it('explains an empty board and what to do', () => {
    const html = render({
      ...(ready() as Extract<PlannerState, { status: 'ready' }>),
      board: plannerBoard({ sprints: [], selectedSprintId: null }),
      sprintId: null,
    });
    expect(html).toContain('This board has no active or future sprint');
    expect(html).toContain('Create a sprint on the backlog');
    expect(html).not.toContain('<select');
  });

  it('keeps the sprint chooser while the chosen sprint loads', () => {
    const html = render(ready(plannerView(), { sprint: { status: 'loading' } }));
    expect(html).toMatch(/<label[^>]*>Sprint<\/label><select/);
    expect(html).toContain('Loading the sprint’s plan…');
  });
});

describe('Planner sprint chooser', () => {
  it('lists the open sprints with their state and selects the chosen one', () => {
    const html = render(ready());
    expect(html).toContain('<option value="9" selected="">SHOP Sprint 9 (active)</option>');
    expect(html).toContain('<option value="10">SHOP Sprint 10 (future)</option>');
  });
});

describe('Planner, the last closed sprint', () => {
  it('shows its strict predictability with the work added and completed beside it, not inside it', () => {
    const html = render(ready());
    expect(element(html, 'p', 'data-last-closed="SHOP Sprint 8"')).toContain(
      'SHOP Sprint 8: predictability 91% — 78 pts of 86 pts committed done; beside it, 5 pts added after the start and done.',
    );
  });

  it('says so when it falls below the baseline, and shows nothing without a closed sprint', () => {
    const below = ready(
      plannerView({
        lastClosedSprint: {
          name: 'SHOP Sprint 8',
          committed: 20,
          committedCompleted: 0,
          addedCompleted: 16,
          predictability: 0,
          meetsBaseline: false,
          reason: null,
        },
      }),
    );
    expect(render(below)).toContain(
      'SHOP Sprint 8: predictability 0% — 0 pts of 20 pts committed done, below the 80% baseline; beside it, 16 pts added after the start and done.',
    );
    expect(render(ready(plannerView({ lastClosedSprint: null })))).not.toContain(
      'data-last-closed',
    );
  });
});

describe('Planner gate and verdict', () => {
  it('shows the NO_DATA gate as its own state with the backend reason, never as healthy', () => {
    const html = render(ready());
    const gate = element(html, 'div', 'data-gate="NO_DATA"');
    expect(gate).toContain('Error budget gate: no data');
    expect(gate).toContain('No SLO is linked to this project');
    expect(gate).not.toContain('healthy');
  });

  it('lists each violation in words with amounts rounded to one decimal', () => {
    const html = render(ready());
    expect(html).toContain('The plan breaks the split and is over the capacity (2 problems)');
    expect(html).toContain('Feature is 10.2 pts under its minimum of 50.2 pts (55% of capacity).');
    expect(html).toContain('Planned work is 3.8 pts over the 82.2 pts available after the buffer.');
    expect(html).not.toContain('10.233333');
  });

  it('never says the plan fits beside a spent buffer that overcommits the sprint (issue #18: 96 pts against 91.3)', () => {
    // After an Apply that filled the plan to 79 of the 82.2 after the buffer, beside 17 added since
    // the start: 7.9 beyond the 9.1 buffer, so planned work may use 74.3 (domain buffer-usage.ts).
    const evaluation = planEvaluation({
      used: 79,
      available: 74.3,
      remaining: -4.7,
      violations: [
        {
          kind: 'capacity',
          direction: 'over',
          amount: 4.7,
          used: 79,
          plannable: 74.3,
          bufferOverflow: 7.87,
          sprintTotal: 96,
          capacity: 91.3,
          message: 'planned work is 4.7 points over the 74.3 points left for it: …',
        },
      ],
      buffer: {
        reserved: 9.13,
        used: 17,
        remaining: -7.87,
        spent: true,
        overflow: 7.87,
        unplannedKeys: ['SHOP-201', 'SHOP-199'],
        overflowKeys: ['SHOP-199'],
      },
    });
    const html = render(ready(plannerView({ evaluation })));
    expect(html).toContain('The plan is over the capacity (1 problem)');
    expect(html).toContain(
      'Planned work is 4.7 pts over the 74.3 pts left for it: with the work added after the start, the sprint holds 96 pts against a capacity of 91.3 pts.',
    );
    expect(html).toContain('Available: 82.2 pts after the buffer, less the 7.9 pts');
    expect(html).toContain('Buffer spent:');
    const verdict = element(html, 'div', 'data-verdict="nonCompliant"');
    expect(verdict).not.toContain('fits');
    expect(verdict).not.toContain('keeps the split');
  });

  it('says the plan keeps the split when it does', () => {
    const html = render(ready(plannerView({ evaluation: COMPLIANT })));
    expect(html).toContain('data-verdict="compliant"');
    expect(html).toContain('The plan keeps the split');
  });
});

describe('Planner split bars and capacity', () => {
  it('draws one bar per category from the backend share, band and target', () => {
    const html = render(ready());
    const feature = element(html, 'li', 'data-work-type="feature"');
    expect(feature).toContain('40 pts · 43.8%');
    expect(feature).toContain('Under target');
    expect(feature).toContain(
      'aria-label="feature: 43.8% of capacity planned, target 60% (55–65%)"',
    );
    expect(feature).toContain('left:55%;width:10%');
    expect(feature).toContain('width:43.8%');
    expect(feature).toContain('left:60%');
    expect(element(html, 'li', 'data-work-type="debt"')).toContain('Within target');
  });

  it('counts unclassified work apart and says what to do', () => {
    expect(render(ready())).toContain(
      '5 items, 29 pts (31.8%): they use capacity but count toward no type.',
    );
  });

  it('shows capacity used against what is available after the buffer, and the overrun', () => {
    const html = render(ready());
    expect(html).toContain(
      '<strong>86 pts</strong> planned of <strong>82.2 pts</strong> available',
    );
    expect(html).toContain('3.8 pts over');
    expect(html).toContain('buffer 9.1 pts kept for unplanned work');
  });

  it('flags a spent buffer with the items added after the start that do not fit', () => {
    const evaluation = {
      ...plannerView().evaluation,
      buffer: {
        reserved: 9.133333,
        used: 17,
        remaining: -7.866667,
        spent: true,
        overflow: 7.866667,
        unplannedKeys: ['SHOP-201', 'SHOP-199', 'SHOP-194', 'SHOP-198', 'SHOP-205'],
        overflowKeys: ['SHOP-194', 'SHOP-198', 'SHOP-205'],
      },
    };
    const html = render(ready(plannerView({ evaluation })));
    expect(html).toContain('17 pts of it used by 5 items added after the start (spent)');
    const flag = element(html, 'p', 'data-overflow="SHOP-194 SHOP-198 SHOP-205"');
    expect(flag).toContain('Buffer spent:');
    expect(flag).toContain('use 17 pts of the 9.1 pts kept for unplanned work;');
    expect(flag).toContain('SHOP-194, SHOP-198, SHOP-205 do not fit');
    expect(render(ready())).not.toContain('Buffer spent');
  });

  it('explains unknown capacity instead of drawing a bar', () => {
    const evaluation = {
      ...plannerView().evaluation,
      capacity: {
        amount: null,
        explanation: 'No closed sprints yet: capacity is unknown.',
        sprintsUsed: [],
      },
    };
    const html = render(ready(plannerView({ evaluation })));
    expect(html).toContain('No closed sprints yet: capacity is unknown.');
    expect(html).not.toContain('capacity-track');
  });

  it('lists the items that are not ready with why', () => {
    const html = render(ready());
    expect(element(html, 'li', 'data-issue-key="SHOP-345"')).toContain('no estimate, no category');
    expect(element(html, 'li', 'data-issue-key="SHOP-197"')).toContain('no category');
  });
});

describe('Planner rebalance', () => {
  it('lists each move as a row: key linked to the issue, summary, status, assignee, size, a checked box', () => {
    const html = render(ready());
    const out = element(html, 'li', 'data-move="out"');
    expect(out).toContain('<a class="issue-key issue-link" href="/browse/SHOP-207">SHOP-207</a>');
    expect(out).toContain('Show estimated delivery date on the returns');
    expect(out).toContain('data-status-category="new">To Do</span>');
    expect(out).toContain('Tomás Novak');
    expect(out).toContain('3 pts');
    expect(out).toMatch(/<input type="checkbox"[^>]*aria-label="Move SHOP-207 out to the backlog"/);
    expect(out).toMatch(/<input type="checkbox"[^>]*checked=""/);
    const pulled = element(html, 'li', 'data-move="in"');
    expect(pulled).toContain('SHOP-292');
    expect(pulled).toContain('Unassigned');
    expect(pulled).toContain('feature is under its minimum of 50.2 points');
    expect(html).toContain('Move out to the backlog');
    expect(html).toContain('Pull in from the backlog');
    expect(html).toContain(
      'After all 2 moves: 82 pts planned of 82.2 pts available — the plan keeps the split and fits.',
    );
    expect(html).toMatch(/<button[^>]*aria-disabled="false"[^>]*>Apply 2 moves<\/button>/);
  });

  it('lists the started or Done items it may not move out, with why', () => {
    const held = element(render(ready()), 'li', 'data-held="SHOP-204"');
    expect(held).toContain('href="/browse/SHOP-204"');
    expect(held).toContain('data-status-category="done">Done</span>');
    expect(held).toContain('13 pts');
    expect(held).toContain('SHOP-204 is Done: finished work stays in the running sprint');
  });

  it('says there is nothing to move when the plan keeps the split', () => {
    const view = plannerView({
      evaluation: COMPLIANT,
      proposal: {
        moves: [],
        held: [],
        after: COMPLIANT,
        compliant: true,
        reasons: [],
        fingerprint: 'f',
      },
    });
    const html = render(ready(view));
    expect(html).toContain('The plan keeps the split and fits: nothing to move.');
    expect(html).not.toContain('Apply');
  });

  it('marks Apply busy while applying, keeping it focusable', () => {
    const html = render(ready(plannerView(), { busy: 'apply' }));
    expect(html).toMatch(
      /<button[^>]*aria-disabled="true"[^>]*aria-busy="true"[^>]*>Applying…<\/button>/,
    );
    expect(html).not.toMatch(/<button[^>]* disabled=""/);
  });

  it('without "Schedule issues", disables Apply and says which permission is missing', () => {
    const state = ready();
    const html = render({
      ...(state as Extract<PlannerState, { status: 'ready' }>),
      board: plannerBoard({ canSchedule: false }),
    });
    expect(html).toMatch(/<button[^>]*aria-disabled="true"[^>]*>Apply 2 moves<\/button>/);
    expect(html).toContain(
      'You need Jira’s “Schedule issues” permission in this project to move items.',
    );
  });

  it('offers Undo for the last applied rebalance, saying who applied it', () => {
    const view = plannerView({
      evaluation: COMPLIANT,
      undo: {
        appliedAt: '2026-11-21T10:00:00Z',
        appliedBy: VIEWER,
        moves: [
          { key: 'SHOP-197', direction: 'out' },
          { key: 'SHOP-292', direction: 'in' },
        ],
      },
    });
    const html = render(ready(view));
    expect(html).toContain(
      'Last rebalance: 2 moves applied by you on <time dateTime="2026-11-21T10:00:00Z">',
    );
    expect(html).toMatch(/<button[^>]*>Undo rebalance<\/button>/);
  });

  it('shows a refused change as an alert and the outcome of a change as a polite status', () => {
    const html = render(
      ready(plannerView(), {
        actionError: failure({
          code: 'CONFLICT',
          message: 'SHOP Sprint 9 changed since this proposal was computed.',
        }),
        notice: 'Applied 9 moves: the sprint now keeps the split.',
      }),
    );
    expect(html).toMatch(
      /role="alert"[^>]*><p>SHOP Sprint 9 changed since this proposal was computed\.<\/p>/,
    );
    expect(html).toMatch(
      /role="status" aria-live="polite">Applied 9 moves: the sprint now keeps the split\.</,
    );
  });
});

describe('Planner override', () => {
  const enforced = plannerView({ enforcement: 'enforce', overrideNeeded: true });

  it('says what each enforcement mode does', () => {
    expect(render(ready())).toContain(
      'Enforcement: advise — the planner warns, nothing is blocked.',
    );
    expect(render(ready(enforced))).toContain(
      'Enforcement: enforce — when the sprint starts, items that break the split go back to the backlog unless an override covers this exact plan.',
    );
  });

  it('is not offered when nothing needs overriding (advise mode)', () => {
    expect(render(ready())).not.toContain('Record override');
  });

  it('offers a labelled, required reason field when enforcement is enforce and the split is broken', () => {
    const html = render(ready(enforced));
    expect(html).toMatch(/<label for="([^"]+)"[^>]*>Reason \(required\)<\/label><textarea id="\1"/);
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('0 of 500 characters');
    expect(html).toMatch(/<button type="submit"[^>]*>Record override<\/button>/);
  });

  it('shows the reason problem as an alert tied to the field', () => {
    const html = renderToStaticMarkup(
      <OverrideForm
        view={enforced}
        canOverride
        busy={null}
        viewer={VIEWER}
        onOverride={() => Promise.resolve(true)}
        initialProblem="Enter the reason for the override: it is required."
      />,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="[^"]+-count [^"]+-problem"/);
    expect(html).toMatch(/role="alert">Enter the reason for the override: it is required\.</);
  });

  it('tells a person without "Manage sprints" who can override instead of a form', () => {
    const state = ready(enforced);
    const html = render({
      ...(state as Extract<PlannerState, { status: 'ready' }>),
      board: plannerBoard({ canOverride: false, enforcement: 'enforce' }),
    });
    expect(html).not.toContain('<textarea');
    expect(html).toContain('Only people with Jira’s “Manage sprints” permission');
  });

  it('shows the newest override of the sprint with who, when and why', () => {
    const view = plannerView({
      ...enforced,
      override: {
        id: 'o1',
        accountId: 'acc-ada-admin',
        at: '2026-11-21T09:00:00Z',
        projectKey: 'SHOP',
        sprint: { id: 9, name: 'SHOP Sprint 9' },
        overridden: { gateState: 'NO_DATA', headline: '…', violations: [], fingerprint: 'abc123' },
        reason: 'Checkout launch: agreed with the SRE lead.',
        counts: true,
        notCountingBecause: null,
      },
    });
    const html = render(ready(view));
    expect(html).toContain('Overridden by Ada Okafor on <time dateTime="2026-11-21T09:00:00Z">');
    expect(html).toContain('while the gate was without SLI data:');
    expect(html).not.toContain('no longer counts');
    expect(html).toContain(
      '<blockquote class="override-reason">Checkout launch: agreed with the SRE lead.</blockquote>',
    );
  });

  it('shows an override recorded under another gate state as such, and that it no longer counts', () => {
    const view = plannerView({
      ...enforced,
      gateState: 'FROZEN',
      override: {
        id: 'o2',
        accountId: 'acc-ada-admin',
        at: '2026-11-21T09:00:00Z',
        projectKey: 'SHOP',
        sprint: { id: 9, name: 'SHOP Sprint 9' },
        overridden: { gateState: 'AT_RISK', headline: '…', violations: [], fingerprint: 'abc123' },
        reason: 'Keep the split as is this once.',
        counts: false,
        notCountingBecause:
          'it was recorded while the gate was at risk, and the gate is frozen now',
      },
    });
    const html = render(ready(view));
    expect(html).toContain('while the gate was at risk:');
    expect(html).toContain(
      'This override no longer counts: it was recorded while the gate was at risk, and the gate is frozen now.',
    );
  });
});
