import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResolverError } from '../../../src/contract/envelope';
import type {
  CapacityData,
  DeliveryData,
  OverviewData,
  SloRow,
  SlosData,
  SnapshotAnswer,
  ToilDebtData,
} from '../../../src/contract/project-page';
import type { LoadState } from '../../shared/use-resolver';
import { ProjectPage, type PageData } from './ProjectPage';
import { SUBPAGES, subpageOf } from './routes';
import { loadSubpageBody, type SubpageBody } from './subpage-views';
import { meta, NOW, snapshot, sprintRow } from './testing/snapshot';

// Dates are written in the viewer's time zone; the expected texts are UTC's.
process.env.TZ = 'UTC';

// Each subpage's view is a chunk of its own in the app (subpage-views.tsx): load them all first.
const bodies = new Map<string, SubpageBody>();
beforeAll(async () => {
  for (const page of SUBPAGES) bodies.set(page.key, await loadSubpageBody(page));
});

function render(route: string, state: LoadState<SnapshotAnswer<PageData>>): string {
  const subpage = subpageOf(route);
  return renderToStaticMarkup(
    <ProjectPage
      subpage={subpage}
      body={bodies.get(subpage.key)}
      state={state}
      now={NOW}
      onRetry={() => {}}
      refresh={{ onRefresh: () => {}, requesting: false }}
      onNavigate={() => {}}
    />,
  );
}

const ready = (data: PageData, metaOverrides = {}): LoadState<SnapshotAnswer<PageData>> => ({
  status: 'ready',
  data: { status: 'ready', meta: meta(metaOverrides), data },
});

const s = snapshot();
const overview: OverviewData = {
  gate: {
    state: 'AT_RISK',
    reasons: ['checkout-availability: 30% of the budget left'],
    statement: {
      state: 'AT_RISK',
      since: '2026-11-19T06:00:00.000Z',
      sentences: [
        'checkout-availability is at risk: its error budget is 20% (policy: at risk below 25% or while a ticket or page burn-rate alert fires). It is healthy again at 25% or more with no ticket or page alert firing — now 20%; it freezes at or below 0%.',
      ],
      effect: 'Reliability gets a larger share of the sprint and feature work is capped.',
    },
    slos: [
      { name: 'checkout-availability', state: 'AT_RISK', budgetRemaining: 0.3 },
      { name: 'search-latency', state: 'NO_DATA', budgetRemaining: null },
    ],
  },
  activeSprint: s.sprints[2]!,
  activeSprintShares: {
    sprintId: '9',
    name: 'SHOP Sprint 9',
    capacity: 55,
    byType: [
      { type: 'feature', share: 0.4545 },
      { type: 'debt', share: 0.0909 },
      { type: 'toil', share: 0.0909 },
      { type: 'reliability', share: 0.0909 },
    ],
    reason: null,
  },
  unit: 'points',
  lastClosedSprint: s.sprints[1]!,
  velocity: s.velocity,
  predictabilityBaseline: 0.8,
  delivery: s.delivery,
  toilDebt: s.toilDebt,
  incidents: { count: 8, open: 1, mttr: s.incidents.mttr },
  sprintsReason: null,
};
const capacity: CapacityData = {
  unit: 'points',
  sprints: s.sprints,
  buffer: s.buffer,
  sprintsReason: null,
  targets: {
    byType: [
      { type: 'feature', share: 0.6, min: 0.55, max: 0.65 },
      { type: 'debt', share: 0.1, min: 0.05, max: 0.15 },
      { type: 'toil', share: 0.1, min: 0.05, max: 0.15 },
      { type: 'reliability', share: 0.1, min: 0.05, max: 0.15 },
    ],
    tolerance: 0.05,
    buffer: 0.1,
  },
  capacityShares: [
    {
      sprintId: '7',
      name: 'SHOP Sprint 7',
      capacity: null,
      byType: [],
      reason:
        'Capacity unknown: the policy takes it from the velocity of closed sprints before this one.',
    },
    {
      sprintId: '8',
      name: 'SHOP Sprint 8',
      capacity: 40,
      byType: [
        { type: 'feature', share: 0.55 },
        { type: 'debt', share: 0.125 },
        { type: 'toil', share: 0.2 },
        { type: 'reliability', share: 0.05 },
      ],
      reason: null,
    },
  ],
};
const delivery: DeliveryData = {
  unit: 'points',
  sprints: s.sprints,
  velocity: s.velocity,
  predictabilityBaseline: 0.8,
  delivery: s.delivery,
  people: {},
  sprintsReason: null,
};
const toilDebt: ToilDebtData = { sprints: s.sprints, toilDebt: s.toilDebt, sprintsReason: null };

/** The text of the tile named `label`. */
function tile(html: string, label: string): string {
  const start = html.indexOf(`data-figure="${label}"`);
  if (start < 0) throw new Error(`no tile ${label}`);
  return html.slice(start, html.indexOf('</div></div>', start) + 12);
}

describe('project page states', () => {
  it('says it is loading, as a polite busy status', () => {
    const html = render('/', { status: 'loading' });
    expect(html).toContain('role="status"');
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading overview');
  });

  it('explains the first computation while no snapshot exists', () => {
    const html = render('/delivery', {
      status: 'ready',
      data: { status: 'pending', meta: meta({ computedAt: null, stale: true, refreshing: true }) },
    });
    expect(html).toContain('computing this project’s metrics for the first time');
  });

  it('says when the first computation failed, without a spinner', () => {
    const html = render('/', {
      status: 'ready',
      data: {
        status: 'pending',
        meta: meta({
          computedAt: null,
          stale: true,
          lastError: 'The last recompute failed (503).',
        }),
      },
    });
    expect(html).toContain('couldn’t compute this project’s metrics yet');
    expect(html).toContain('The last recompute failed (503).');
    expect(html).not.toContain('spinner');
  });

  it('tells an outsider they lack access, with Retry only for after the fix', () => {
    const error: ResolverError = {
      code: 'FORBIDDEN',
      message: 'You cannot browse project SHOP.',
      retryable: false,
    };
    const html = render('/', { status: 'failed', error });
    expect(html).toContain('You don’t have access to this project’s metrics');
    expect(html).toContain('You cannot browse project SHOP.');
    // A Retry on every error (issue #18): here only the quiet one, for after the fix.
    expect(html).not.toMatch(/button-primary[^>]*>Retry</);
    expect(html).toContain('Retry once that is done');
  });

  it('offers Retry when Jira was unavailable', () => {
    const error: ResolverError = {
      code: 'JIRA_UNAVAILABLE',
      message: 'Jira is busy.',
      retryable: true,
    };
    const html = render('/', { status: 'failed', error });
    expect(html).toMatch(/<button[^>]*>Retry<\/button>/);
  });

  it('shows how old the figures are, says when they are out of date, and the last failure', () => {
    const html = render(
      '/',
      ready(overview, { stale: true, lastError: 'The last recompute failed (Jira 503).' }),
    );
    expect(html).toContain('Figures computed 30 minutes ago — out of date.');
    expect(html).toContain('The last recompute failed (Jira 503).');
  });

  it('disables Refresh while a recompute runs', () => {
    const html = render('/', ready(overview, { refreshing: true }));
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Refreshing…<\/button>/);
  });

  it('marks the current subpage in the navigation', () => {
    const html = render('/capacity', ready(capacity));
    expect(html).toMatch(/<a href="#\/capacity" class="tab" aria-current="page">Capacity<\/a>/);
    expect(html.match(/class="tab"/g)).toHaveLength(SUBPAGES.length);
  });
});

describe('figures', () => {
  it('shows values the backend computed, with DORA bands as labelled lozenges', () => {
    const html = render('/delivery', ready(delivery));
    expect(tile(html, 'Time to restore')).toContain('5.5 h');
    expect(tile(html, 'Time to restore')).toContain('aria-label="DORA band: High"');
    expect(tile(html, 'Lead time for changes')).toContain('30 h');
  });

  it('shows a dash and the reason for a figure without data, never a 0', () => {
    const html = render('/delivery', ready(delivery));
    const frequency = tile(html, 'Deployment frequency');
    expect(frequency).toContain('—');
    expect(frequency).toContain('No deployment data yet');
    expect(frequency).not.toMatch(/>0</);
    expect(html).toContain('connect your CI/CD');
  });

  it('heads the overview with the gate and each SLO’s budget, no data said as such', () => {
    const html = render('/', ready(overview));
    expect(html).toContain('lozenge lozenge-gate gate-tone-at_risk');
    expect(html).toContain(
      'At risk since <time dateTime="2026-11-19T06:00:00.000Z">19 Nov 2026, 06:00</time>.',
    );
    expect(html).toContain(
      'It is healthy again at 25% or more with no ticket or page alert firing',
    );
    expect(html).toContain('30% left');
    expect(html).toMatch(
      /search-latency<\/span><span class="lozenge lozenge-gate gate-tone-no_data" data-gate-tone="NO_DATA">No data<\/span><span>no data<\/span>/,
    );
  });

  it('says planning runs without a gate when no SLOs are linked', () => {
    const html = render(
      '/',
      ready({
        ...overview,
        gate: {
          state: 'NO_DATA',
          reasons: [],
          statement: {
            state: 'NO_DATA',
            since: null,
            sentences: ['No SLO is linked.'],
            effect: 'Normal split.',
          },
          slos: [],
        },
      }),
    );
    expect(html).toContain('No SLOs are linked to this project yet');
  });

  it('lists every category of the active sprint, unclassified included, with shares of capacity as the planner gives them', () => {
    const html = render('/', ready(overview));
    for (const type of ['Feature', 'Debt', 'Toil', 'Reliability', 'Unclassified']) {
      expect(html).toContain(`>${type}</span>`);
    }
    // 30 of 55 capacity: 0.4545 from the backend, shown as the planner does (45.5%);
    // unclassified has no target share.
    expect(html).toContain('30 pts · 45.5% of capacity');
    expect(html).toContain('Capacity 55 pts, planned 48 pts');
    expect(html).toContain('+8 pts added, −2 pts removed');
  });

  it('shows strict predictability with the work added and completed beside it', () => {
    const html = render('/delivery', ready(delivery));
    expect(html).toContain('Committed work completed ÷ committed at sprint start');
    expect(html).toMatch(/<td>50 pts<\/td><td>45 pts<\/td><td[^>]*>90%<\/td><td>3 pts<\/td>/);
  });

  it('labels amounts with the policy’s basis unit: items for issue count, hours for original estimate', () => {
    const items = render(
      '/capacity',
      ready({
        ...capacity,
        unit: 'items',
        sprints: s.sprints.map((r) => ({ ...r, unit: 'items' as const })),
      }),
    );
    expect(items).toContain('Planned items by category, per sprint');
    expect(items).toContain('<td>55 items</td><td>50 items</td>');
    const hours = render('/delivery', ready({ ...delivery, unit: 'hours' }));
    expect(hours).toContain('Completed hours (original estimate) per closed sprint');
    expect(hours).toContain('<td>50 h</td>');
  });

  it('says why there are no sprint figures when no board is chosen', () => {
    const reason = 'No Scrum board is chosen for this project.';
    const html = render('/capacity', ready({ ...capacity, sprintsReason: reason }));
    expect(html).toContain(reason);
    expect(html).not.toContain('<svg');
  });

  it('gives every chart a text alternative: an accessible name with the data, and a table', () => {
    const html = render('/capacity', ready(capacity));
    const labels = [...html.matchAll(/<svg role="img" aria-label="([^"]*)"/g)].map((m) => m[1]);
    // Committed by type, one chart per category against the policy, completed by type.
    expect(labels).toHaveLength(6);
    expect(labels[0]).toContain('SHOP Sprint 7: Feature 30 pts, Debt 5 pts, Toil 5 pts');
    expect(html.match(/<table class="table">/g)!.length).toBeGreaterThanOrEqual(6);
    expect(html.match(/Show the data as a table/g)).toHaveLength(6);
  });

  it('draws each category’s share of capacity against the policy’s target and tolerance', () => {
    const html = render('/capacity', ready(capacity));
    const labels = [...html.matchAll(/<svg role="img" aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(labels[1]).toBe(
      'Feature: committed share of capacity. SHOP Sprint 7: no data; SHOP Sprint 8: 55%; Target at 60%; Tolerance from 55% to 65%.',
    );
    expect(labels[3]).toBe(
      'Toil: committed share of capacity. SHOP Sprint 7: no data; SHOP Sprint 8: 20%; Target at 10%; Tolerance from 5% to 15%.',
    );
    expect(html).toContain('Target (60%)');
    expect(html).toContain('Tolerance (55%–65%)');
    expect(html).toContain('(targets ± 5%, 10% kept as buffer)');
    expect(html).toContain('No bar: Capacity unknown');
    // The target line is drawn on the chart, not only named.
    expect(html.match(/class="visx-line chart-reference"/g)).toHaveLength(4);
  });

  it('says how to get target charts when no sprint has a known capacity', () => {
    const unknown = {
      ...capacity,
      capacityShares: capacity.capacityShares.map((row) => ({
        ...row,
        capacity: null,
        byType: [],
        reason:
          'Capacity unknown: the policy takes it from the velocity of closed sprints before this one.',
      })),
    };
    const html = render('/capacity', ready(unknown));
    expect(html).not.toContain('committed share of capacity');
    expect(html).toContain(
      'No sprint’s commitment can be measured against the capacity policy yet',
    );
    expect(html).toContain('Project settings → Ballast → Capacity policy');
  });

  it('draws the predictability baseline and counts the sprints that met it', () => {
    const missed = sprintRow(8, {
      predictability: {
        value: 0.6,
        unit: 'ratio',
        sampleSize: 5,
        reason: null,
        meetsBaseline: false,
        committedCompleted: 30,
        addedCompleted: 4,
      },
    });
    const html = render('/delivery', ready({ ...delivery, sprints: [sprintRow(7), missed] }));
    expect(html).toContain('1 of 2 closed sprints met the 80% baseline.');
    expect(html).toMatch(
      /class="visx-bar chart-bar chart-fill-reliability"[^>]*><title>SHOP Sprint 8 — Predictability: 60%/,
    );
    expect(html).toMatch(
      /class="visx-bar chart-bar chart-fill-reliability-ok"[^>]*><title>SHOP Sprint 7 — Predictability: 90%/,
    );
    expect(html).toContain('Baseline (80%)');
  });

  it('reads the toil share against its cap and debt against the guideline', () => {
    const over = {
      ...toilDebt,
      toilDebt: {
        ...toilDebt.toilDebt,
        toilShare: { ...toilDebt.toilDebt.toilShare, value: 0.55, overCap: true },
        debtRatio: { ...toilDebt.toilDebt.debtRatio, value: 0.05, position: 'below' as const },
      },
    };
    const html = render('/toil-debt', ready(over));
    expect(html).toContain('Over the 50% cap');
    expect(html).toContain('below the guideline');
    expect(html).toContain('Toil cap (50%)');
    expect(html).toContain('Guideline (10%–20%)');
  });

  it('lists the latest incidents with their time to restore, open ones as open', () => {
    const html = render('/incidents', ready(s.incidents));
    expect(html).toContain('SHOP-400');
    expect(html).toContain('<td>2 h</td>');
    expect(html).toContain('<td>open</td>');
    expect(tile(html, 'MTTD (median time to detect)')).toContain(
      'needs 1 incident with a detection time',
    );
  });

  it('shows the postmortems, the open actions with their ages, and which are overdue and why', () => {
    const html = render('/incidents', ready(s.incidents));
    expect(tile(html, 'Postmortem actions closed')).toContain('6 of 8 closed, 1 overdue');
    expect(html).toContain('type Task labelled &quot;postmortem&quot;');
    expect(html).toContain('without one after 56 days');
    expect(html).toContain('<th scope="row">SHOP-405</th>');
    expect(html).toContain('<td>70.3 days</td>');
    expect(html).toContain('<td>12.5 days</td>');
    expect(html).toContain('Overdue: past SLA');
    expect(html).toContain('<td>2026-12-01</td><td>On time</td>');
  });
});

describe('SLOs subpage', () => {
  const frozen: SloRow = {
    name: 'checkout-availability',
    service: 'checkout',
    target: 0.999,
    window: '28d',
    state: 'FROZEN',
    reasons: ['budget exhausted: −19,900% left'],
    objective: null,
    sli: 0.8,
    budgetRemaining: -199,
    burnRates: [{ window: '1h', rate: 200 }],
    alerts: [
      {
        severity: 'page',
        longWindow: '1h',
        shortWindow: '5m',
        factor: 14.4,
        longBurnRate: 200,
        shortBurnRate: 200,
        firing: true,
      },
    ],
    trend: { kind: 'spent', window: '3d' },
    thresholds: { atRiskBelow: 0.25, freezeAtOrBelow: 0 },
    dataUntil: '2026-11-20T12:00:00Z',
    evaluatedAt: '2026-11-20T12:25:00Z',
    burndown: [
      { at: '2026-11-19T00:00:00Z', budgetRemaining: 1 },
      { at: '2026-11-20T12:00:00Z', budgetRemaining: -199 },
    ],
    sliHistory: {
      step: '6h',
      points: [
        { from: '2026-11-20T00:00:00Z', sli: 1 },
        { from: '2026-11-20T06:00:00Z', sli: null },
        { from: '2026-11-20T12:00:00Z', sli: 0.8 },
      ],
    },
    sprintForecast: {
      sprint: 'SHOP Sprint 10',
      endsAt: '2026-11-25T16:00:00Z',
      burnRateWindow: '3d',
      burnRate: 12.5,
      budgetRemaining: -201.25,
      reason: null,
    },
  };
  const slos: SlosData = {
    gate: {
      state: 'FROZEN',
      reasons: ['checkout-availability: budget exhausted'],
      statement: {
        state: 'FROZEN',
        since: '2026-11-20T11:05:00.000Z',
        sentences: [
          'The error budget of checkout-availability reached 0% (policy: freeze at or below 0%). Planning unfreezes when the budget is back at or above 5% for 24 hours — now -19900%.',
        ],
        effect: 'No feature work starts.',
      },
    },
    slos: [frozen],
  };

  it('says how to link SLOs when the project has none', () => {
    const html = render(
      '/slos',
      ready({
        gate: {
          state: 'NO_DATA',
          reasons: [],
          statement: {
            state: 'NO_DATA',
            since: null,
            sentences: ['No SLO is linked.'],
            effect: 'Normal split.',
          },
        },
        slos: [],
      }),
    );
    expect(html).toContain('No SLOs are linked to this project yet');
  });

  it('shows the frozen gate with its reason, the firing page alert and the burn-down', () => {
    const html = render('/slos', ready(slos));
    expect(html).toContain('lozenge lozenge-gate gate-tone-frozen');
    expect(html).toContain(
      'Planning unfreezes when the budget is back at or above 5% for 24 hours',
    );
    expect(html).toContain('Firing');
    expect(html).toMatch(
      /aria-label="checkout-availability: error budget left over the window\. 19 Nov: 100%; 20 Nov: -19900%; At risk below at 25%; Frozen at or below at 0%\."/,
    );
    expect(tile(html, 'checkout-availability SLI')).toContain('80%');
  });

  it('charts the SLI per bucket with the objective, in words and as a table', () => {
    const html = render('/slos', ready(slos));
    expect(html).toContain(
      'aria-label="checkout-availability: SLI per 6 hours over the window. 20 Nov, 00:00: 100%; 20 Nov, 06:00: no data; 20 Nov, 12:00: 80%; Objective at 99.9%."',
    );
    expect(html).toContain('Objective (99.9%)');
    expect(html).toContain('<th scope="row">20 Nov, 06:00</th><td>no data</td>');
    expect(html).toContain('<th scope="row">20 Nov, 12:00</th><td>80%</td>');
    // The objective is drawn as a line, the isolated points as dots.
    expect(html).toMatch(/class="visx-line chart-reference chart-reference-limit"/);
    expect(html.match(/class="visx-circle chart-dot"/g)).toHaveLength(2);
  });

  it('forecasts the budget at the sprint’s end next to time to exhaustion', () => {
    const html = render('/slos', ready(slos));
    const forecast = tile(html, 'checkout-availability sprint forecast');
    expect(forecast).toContain('Budget left when the sprint ends');
    expect(forecast).toContain('-20125%');
    expect(forecast).toContain(
      'SHOP Sprint 10 ends 25 Nov; at the burn rate of the last 3 days (13×)',
    );
    expect(tile(html, 'checkout-availability budget')).toContain(
      'Spent: no budget left in the window',
    );
    // Burning down, from the forecast's own window and rate: the two tiles cannot disagree.
    const burning = {
      ...frozen,
      budgetRemaining: 0.3,
      trend: {
        kind: 'burning',
        window: '3d',
        burnRate: 3.2,
        spentAt: '2026-11-22T10:00:00Z',
        tooFast: true,
      },
    } as const;
    expect(
      tile(render('/slos', ready({ ...slos, slos: [burning] })), 'checkout-availability budget'),
    ).toContain('Burning down at 3.20× over the last 3 days: spent by 22 Nov at this pace');
    const steady = { ...frozen, trend: { kind: 'steady', window: '3d', burnRate: 0 } } as const;
    expect(
      tile(render('/slos', ready({ ...slos, slos: [steady] })), 'checkout-availability budget'),
    ).toContain('Not burning down over the last 3 days');
  });

  it('says why there is no forecast instead of showing a number', () => {
    const noSprint = {
      ...frozen,
      sprintForecast: {
        ...frozen.sprintForecast,
        sprint: null,
        endsAt: null,
        budgetRemaining: null,
        reason: 'No sprint is active on the project’s board.',
      },
    };
    const forecast = tile(
      render('/slos', ready({ ...slos, slos: [noSprint] })),
      'checkout-availability sprint forecast',
    );
    expect(forecast).toContain('—');
    expect(forecast).toContain('No sprint is active on the project’s board.');
  });

  it('says what to do instead of drawing empty charts while the window has no data', () => {
    const quiet: SloRow = {
      ...frozen,
      state: 'NO_DATA',
      sli: null,
      budgetRemaining: null,
      burndown: [{ at: '2026-11-20T00:00:00Z', budgetRemaining: null }],
      sliHistory: { step: '6h', points: [{ from: '2026-11-20T00:00:00Z', sli: null }] },
    };
    const html = render('/slos', ready({ ...slos, slos: [quiet] }));
    expect(html).not.toContain('<svg');
    expect(html).toContain('No SLI data in this SLO’s window yet');
    expect(html).toContain('Project settings → Ballast → Push API');
  });

  it('has no Refresh button: SLO status rolls up on its own', () => {
    const html = render('/slos', ready(slos));
    expect(html).toContain('Figures computed');
    expect(html).not.toContain('>Refresh<');
  });
});

describe('subpage code', () => {
  it('shows loading, not an empty page, while the subpage’s view is still on its way', () => {
    const html = renderToStaticMarkup(
      <ProjectPage
        subpage={subpageOf('/')}
        body={undefined}
        state={ready(overview)}
        now={NOW}
        onRetry={() => {}}
        refresh={{ onRefresh: () => {}, requesting: false }}
        onNavigate={() => {}}
      />,
    );
    expect(html).toContain('Loading overview');
    expect(html).not.toContain('Figures computed');
  });
});
