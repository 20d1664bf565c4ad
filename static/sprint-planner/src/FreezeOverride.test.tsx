import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GateOverrideView, GateOverridesView } from '../../../src/contract/gate';
import { FreezeOverridePanel, freezeReasonProblem } from './FreezeOverride';
import { GateBanner } from './GateBanner';
import { VIEWER } from './testing/planner-view';

const active: GateOverrideView = {
  id: 'o-2',
  accountId: 'acc-ada-admin',
  at: '2026-11-21T10:00:00.000Z',
  until: '2026-11-22T10:00:00.000Z',
  reason: 'Black Friday launch agreed with the CTO',
  endedAt: null,
  endedBy: null,
  inForce: true,
};
const ended: GateOverrideView = {
  ...active,
  id: 'o-1',
  at: '2026-11-20T08:00:00.000Z',
  until: '2026-11-20T12:00:00.000Z',
  reason: 'hotfix of the payment page',
  endedAt: '2026-11-20T09:00:00.000Z',
  endedBy: 'acc-ada-admin',
  inForce: false,
};

function overrides(patch: Partial<GateOverridesView> = {}): GateOverridesView {
  return {
    projectKey: 'SHOP',
    gateState: 'FROZEN',
    active: null,
    history: [],
    canRecord: true,
    maxHours: 168,
    people: { 'acc-ada-admin': 'Ada Okafor' },
    ...patch,
  };
}

const render = (view: GateOverridesView, extra: { problem?: string; busy?: boolean } = {}) =>
  renderToStaticMarkup(
    <FreezeOverridePanel
      view={view}
      viewer={VIEWER}
      busy={extra.busy ?? false}
      problem={extra.problem}
      onRecord={() => Promise.resolve(true)}
      onEnd={() => {}}
    />,
  );

describe('the freeze override in the planner', () => {
  it('offers a project admin the form: a required reason and a duration up to 7 days', () => {
    const html = render(overrides());
    expect(html).toContain('Reason (required)');
    expect(html).toContain('aria-required="true"');
    expect(html).toContain('Allow feature work');
    for (const label of ['4 hours', '1 day', '3 days', '7 days']) expect(html).toContain(label);
    expect(html).toMatch(/<option value="24" selected="">1 day<\/option>/);
  });

  it('offers no longer durations than the backend allows', () => {
    const html = render(overrides({ maxHours: 24 }));
    expect(html).toContain('1 day');
    expect(html).not.toContain('3 days');
  });

  it('tells a member who can override instead of showing the form', () => {
    const html = render(overrides({ canRecord: false }));
    expect(html).not.toContain('<form');
    expect(html).toContain('Only administrators of project SHOP can override the freeze');
  });

  it('shows the override in force with who, until when and why, and End now for an admin', () => {
    const html = render(overrides({ active, history: [active, ended] }));
    expect(html).toContain('data-override-active="o-2"');
    expect(html).toContain('Feature work may start until');
    expect(html).toContain('dateTime="2026-11-22T10:00:00.000Z"');
    expect(html).toContain('Black Friday launch agreed with the CTO');
    expect(html).toContain('End the override now');
    expect(html).not.toContain('<form');
    // The earlier one is listed with who ended it.
    expect(html).toContain('Earlier overrides (1)');
    expect(html).toContain('hotfix of the payment page');
    expect(html).toContain('(ended by Ada Okafor on');
  });

  it('hides End now from a member', () => {
    const html = render(overrides({ active, history: [active], canRecord: false }));
    expect(html).toContain('Feature work may start until');
    expect(html).not.toContain('End the override now');
  });

  it("shows the backend's refusal at the form", () => {
    const html = render(overrides(), {
      problem: 'The gate of SHOP is AT_RISK, not FROZEN: there is nothing to override.',
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('not FROZEN: there is nothing to override');
  });

  it('checks the reason before sending it', () => {
    expect(freezeReasonProblem('   ')).toBe(
      'Enter why feature work may start despite the freeze: it is required.',
    );
    expect(freezeReasonProblem('x'.repeat(501))).toBe(
      'Keep the reason to 500 characters (it has 501).',
    );
    expect(freezeReasonProblem(' launch ')).toBeUndefined();
  });
});

describe('the gate banner under an override', () => {
  it('says feature work may start, until when and on whose word', () => {
    const html = renderToStaticMarkup(
      <GateBanner
        viewer={VIEWER}
        gate={{
          state: 'FROZEN',
          statement: {
            state: 'FROZEN',
            since: '2026-11-20T08:00:00.000Z',
            sentences: ['The error budget of checkout-availability reached 0%.'],
            effect: 'No feature work starts.',
          },
          override: {
            accountId: 'acc-ada-admin',
            until: '2026-11-22T10:00:00.000Z',
            reason: 'launch',
            counts: true,
          },
        }}
        people={{ 'acc-ada-admin': 'Ada Okafor' }}
      />,
    );
    expect(html).toContain('Error budget gate: frozen');
    expect(html).toContain('data-override-until="2026-11-22T10:00:00.000Z"');
    expect(html).toContain('feature work may start until');
    expect(html).toContain('Ada Okafor: “launch”');
    expect(html).not.toContain('acc-ada-admin');
    // The statement leads with the state and since when, in the viewer's locale and zone.
    expect(html).toContain(
      'Frozen since <time dateTime="2026-11-20T08:00:00.000Z">20 Nov 2026, 08:00</time>.',
    );
    expect(html).toContain('gate-tone-frozen');
  });

  it('says an override recorded while frozen no longer counts once the gate changed', () => {
    const html = renderToStaticMarkup(
      <GateBanner
        viewer={VIEWER}
        gate={{
          state: 'HEALTHY',
          statement: {
            state: 'HEALTHY',
            since: null,
            sentences: [],
            effect: 'Planning runs on the normal split.',
          },
          override: {
            accountId: 'acc-ada-admin',
            until: '2026-11-22T10:00:00.000Z',
            reason: 'launch',
            counts: false,
          },
        }}
      />,
    );
    expect(html).not.toContain('feature work may start');
    expect(html).toContain('data-override-counts="false"');
    expect(html).toContain('was recorded while the gate was frozen. It no longer counts');
    expect(html).toContain('the gate is healthy now.');
  });
});
