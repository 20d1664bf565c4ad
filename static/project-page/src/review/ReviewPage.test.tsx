import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReviewData, SprintReviewRecord } from '../../../../src/contract/sprint-review';
import { sprintRow } from '../testing/snapshot';
import { ReviewPage, type ReviewActions } from './ReviewPage';

// Dates are written in the viewer's time zone; the expected texts are UTC's.
process.env.TZ = 'UTC';

const target = (
  type: 'feature' | 'debt' | 'toil' | 'reliability',
  t: number,
  min: number,
  max: number,
) => ({
  type,
  targetShare: t,
  minShare: min,
  maxShare: max,
});

const review: SprintReviewRecord = {
  sprintId: '8',
  gate: {
    reason: null,
    segments: [
      {
        from: '2026-10-01T09:00:00.000Z',
        to: '2026-10-11T13:10:00.000Z',
        state: 'HEALTHY',
        targets: [
          target('feature', 60, 55, 65),
          target('debt', 10, 5, 15),
          target('toil', 10, 5, 15),
          target('reliability', 10, 5, 15),
        ],
        changed: [],
      },
      {
        from: '2026-10-11T13:10:00.000Z',
        to: '2026-10-15T09:00:00.000Z',
        state: 'AT_RISK',
        targets: [
          target('feature', 40, 35, 40),
          target('debt', 10, 5, 15),
          target('toil', 10, 5, 15),
          target('reliability', 30, 30, 35),
        ],
        changed: ['feature', 'reliability'],
      },
    ],
  },
  alerts: {
    reason: null,
    fired: [
      {
        slo: 'checkout-availability',
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        from: '2026-10-11T13:10:00.000Z',
        to: '2026-10-11T16:20:00.000Z',
        ongoing: false,
      },
    ],
  },
  incidents: {
    reason: null,
    list: [
      {
        key: 'demo-checkout',
        source: 'pushed',
        summary: 'Checkout failing for 40% of requests',
        service: 'checkout',
        startedAt: '2026-10-11T12:00:00.000Z',
        resolvedAt: '2026-10-11T14:30:00.000Z',
        hoursToRestore: 2.5,
        budget: [{ slo: 'checkout-availability', share: 0.8453 }],
        budgetReason: null,
      },
      {
        key: 'SHOP-343',
        source: 'jira',
        summary: 'Search slow',
        service: null,
        startedAt: '2026-10-12T08:00:00.000Z',
        resolvedAt: null,
        hoursToRestore: null,
        budget: [],
        budgetReason:
          'No service is known for this incident: map its components to services in Project settings → Ballast → Incidents.',
      },
    ],
  },
  postmortems: {
    reason: null,
    opened: [
      {
        key: 'SHOP-401',
        summary: 'Postmortem: checkout',
        createdAt: '2026-10-12T00:00:00Z',
        resolvedAt: null,
        actions: 3,
      },
    ],
    actionsOpened: 3,
    actionsClosed: 1,
    actionsOpenAtClose: 2,
  },
  dod: {
    completedItems: 10,
    complete: 6,
    open: 2,
    closedBeforeBallast: 1,
    notEvaluated: 1,
    share: 0.75,
    openKeys: ['SHOP-9', 'SHOP-12'],
  },
};

const data: ReviewData = {
  projectKey: 'SHOP',
  unit: 'points',
  predictabilityBaseline: 0.8,
  sprintsReason: null,
  closedSprints: [
    { sprintId: '8', name: 'SHOP Sprint 8' },
    { sprintId: '7', name: 'SHOP Sprint 7' },
  ],
  sprint: sprintRow(8),
  // What capacitySharesOf gives for that row: 30 ÷ 55 and 5 ÷ 55, to four decimals (0.5455 is
  // written 54.5%, as capacityPercent writes it on the planner: 54.55 is 54.5499… in binary).
  shares: {
    sprintId: '8',
    name: 'SHOP Sprint 8',
    capacity: 55,
    reason: null,
    byType: [
      { type: 'feature', share: 0.5455 },
      { type: 'debt', share: 0.0909 },
      { type: 'toil', share: 0.0909 },
      { type: 'reliability', share: 0.0909 },
    ],
  },
  review,
  retroActions: {
    label: 'retro-action',
    reason: null,
    truncated: false,
    sprints: [
      { sprintId: '7', name: 'SHOP Sprint 7' },
      { sprintId: '8', name: 'SHOP Sprint 8' },
    ],
    actions: [
      {
        key: 'SHOP-77',
        summary: 'Page on the 6h window only',
        status: 'Done',
        createdAt: '2026-09-30T00:00:00Z',
        resolvedAt: '2026-10-10T00:00:00Z',
        states: ['open', 'done'],
      },
    ],
  },
};

const actions: ReviewActions = {
  onPick: () => {},
  onCsv: () => {},
  onPrint: () => {},
  csvProblem: null,
};
const render = (d: ReviewData, a: ReviewActions = actions) =>
  renderToStaticMarkup(<ReviewPage data={d} actions={a} />);
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const tile = (html: string, label: string) =>
  text(html.split(`data-figure="${label}"`)[1]?.split('class="tile"')[0] ?? '');

describe('the sprint review', () => {
  const html = render(data);

  it('picks among the closed sprints, newest first, the shown one selected', () => {
    expect(html).toContain('<option value="8" selected="">SHOP Sprint 8</option>');
    expect(html.indexOf('value="8"')).toBeLessThan(html.indexOf('value="7"'));
    expect(html).toContain('Export CSV');
    expect(html).toContain('Print');
  });

  it('shows the sprint row’s figures as the other pages write them', () => {
    expect(tile(html, 'Committed')).toContain('50 pts');
    expect(tile(html, 'Completed')).toContain('48 pts');
    expect(tile(html, 'Predictability (strict)')).toContain('90%');
    expect(tile(html, 'Predictability (strict)')).toContain(
      '45 pts of 50 pts committed done; baseline 80%',
    );
    expect(tile(html, 'Scope change (net)')).toContain('6 pts');
    expect(tile(html, 'Scope change (net)')).toContain(
      '+8 pts added (3 items), −2 pts removed (1 item); churn 20%',
    );
    expect(tile(html, 'Interrupts against the buffer')).toContain('160%');
    expect(tile(html, 'Interrupts against the buffer')).toContain('over the buffer');
    expect(tile(html, 'Carry-over')).toContain('2 items');
    expect(tile(html, 'Carry-over')).toContain('5 pts in the sprint at its close and not done');
  });

  it('puts each gate state’s targets beside the balance, the moved ones marked', () => {
    const balance = text(
      html.split('aria-label="Investment balance against the targets"')[1]!.split('</section>')[0]!,
    );
    expect(balance).toContain('Feature 30 pts 54.5% 30 pts 60% (55–65%) 40% (35–40%)');
    expect(balance).toContain('Reliability 5 pts 9.1% 5 pts 10% (5–15%) 30% (30–35%)');
    expect(balance).toContain('The gate changed 1 time during the sprint');
    expect(html.match(/class="review-changed"/g)).toHaveLength(2);
  });

  it('lists incidents with restore time and budget spent, or why no budget', () => {
    const incidents = text(
      html.split('aria-label="Incidents that started in the sprint"')[1]!.split('</section>')[0]!,
    );
    expect(incidents).toContain('demo-checkout Checkout failing for 40% of requests');
    expect(incidents).toContain('2.5 h checkout-availability: 84.5%');
    expect(incidents).toContain('SHOP-343 Search slow');
    expect(incidents).toContain('open No service is known for this incident');
  });

  it('shows alerts, postmortem actions, DoD compliance and retro actions sprint over sprint', () => {
    expect(text(html)).toContain('checkout-availability Page (1h/5m)');
    expect(text(html)).toContain(
      '1 postmortem opened; actions: 3 opened, 1 closed in the sprint, 2 open at its close.',
    );
    expect(tile(html, 'DoD compliance')).toContain('75%');
    expect(tile(html, 'DoD compliance')).toContain('6 of 8 completed items with a checklist');
    expect(text(html)).toContain(
      '2 with required items open (SHOP-9, SHOP-12), 1 closed before Ballast, 1 not evaluated yet.',
    );
    const retro = text(
      html.split('Retrospective actions (label “retro-action”)').slice(1).join(' '),
    );
    expect(retro).toContain('SHOP-77 Page on the 6h window only Open Done Done');
  });

  it('says so when the stored figures predate the review, and when no sprint closed', () => {
    expect(text(render({ ...data, review: null }))).toContain(
      'computed before Ballast kept sprint reviews',
    );
    expect(text(render({ ...data, sprint: null, closedSprints: [] }))).toContain(
      'No sprint of this board has closed yet',
    );
    expect(text(render({ ...data, sprintsReason: 'No Scrum board is chosen.' }))).toContain(
      'No Scrum board is chosen.',
    );
  });

  it('shows a failed export in words', () => {
    expect(
      text(render(data, { ...actions, csvProblem: 'The CSV could not be made: no access.' })),
    ).toContain('The CSV could not be made: no access.');
  });
});
