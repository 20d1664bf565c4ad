/**
 * The settings page's SLO form on the sandbox: a project admin adds, edits and deletes one SLO at a
 * time (`slo/save`, `slo/delete`), read by the same OpenSLO reader as the YAML import, so the new SLO
 * is in `slo/list` and in the YAML export; members are refused; a bad value names the form field and
 * stores nothing; two saves from the same version conflict instead of overwriting each other.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type {
  SloDefinition,
  SloExportView,
  SloListView,
  SloSaveRequest,
} from '../../src/contract/slo';
import { parseOpenSlo } from '../../src/domain/slo';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const yaml = readFileSync('test/fixtures/slo/checkout.openslo.yaml', 'utf8');
  await data(call('slo/import', ADMIN_ACCOUNT_ID, { yaml, version: 0 }));
});
afterAll(() => sandbox.close());

function call<T = SloListView>(functionKey: string, accountId: string, payload: unknown = {}) {
  return sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey,
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP' } },
  }) as Promise<Envelope<T>>;
}

async function data<T>(promise: Promise<Envelope<T>>): Promise<T> {
  const envelope = await promise;
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.data;
}

const PAYMENTS: SloDefinition = {
  name: 'payments-availability',
  displayName: 'Payments availability',
  description: '99.5% of payment requests succeed',
  service: 'checkout',
  counts: 'good',
  numerator: { type: 'Prometheus', query: 'sum(payments_total{code!~"5.."})' },
  total: { type: 'Prometheus', query: 'sum(payments_total)' },
  counter: true,
  targetPercent: 99.5,
  window: { kind: 'rolling', days: 30 },
  budgetingMethod: 'Occurrences',
  timeSlicePercent: null,
};

const list = () => data(call('slo/list', MEMBER_ACCOUNT_ID));
const save = (accountId: string, request: SloSaveRequest) => call('slo/save', accountId, request);

describe('the SLO form (slo/save, slo/delete)', () => {
  it('adds an SLO that is listed with its values and written in the YAML export', async () => {
    const { version, slos } = await list();
    expect(slos).toHaveLength(3);
    const saved = await data(
      save(ADMIN_ACCOUNT_ID, { originalName: null, slo: PAYMENTS, version }),
    );
    expect(saved.version).toBe(version + 1);
    const listed = (await list()).slos.find((s) => s.name === 'payments-availability');
    expect(listed).toMatchObject({
      displayName: 'Payments availability',
      service: 'checkout',
      target: 0.995,
      window: '30d',
      state: 'NO_DATA',
      definition: PAYMENTS,
    });
    const { yaml } = await data(call<SloExportView>('slo/export', MEMBER_ACCOUNT_ID));
    expect(yaml).toContain('name: payments-availability');
    expect(yaml).toContain('targetPercent: 99.5');
    const reread = parseOpenSlo(yaml);
    expect(reread.ok && reread.bundle.slos.map((s) => s.name)).toEqual([
      'checkout-availability',
      'checkout-minutes',
      'search-latency',
      'payments-availability',
    ]);
  });

  it('refuses a member with FORBIDDEN, saving and deleting nothing', async () => {
    const before = await list();
    const saved = await save(MEMBER_ACCOUNT_ID, {
      originalName: null,
      slo: { ...PAYMENTS, name: 'member-slo' },
      version: before.version,
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const deleted = await call('slo/delete', MEMBER_ACCOUNT_ID, {
      name: 'payments-availability',
      version: before.version,
    });
    expect(deleted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await list()).toEqual(before);
  });

  it.each<[string, Partial<SloDefinition>, string]>([
    ['a name OpenSLO does not allow', { name: 'Payments Latency' }, 'name'],
    ['a blank service', { service: ' ' }, 'service'],
    ['a target of 100%', { targetPercent: 100 }, 'targetPercent'],
    ['a blank target', { targetPercent: null }, 'targetPercent'],
    ['a rolling window of half a day', { window: { kind: 'rolling', days: 0.5 } }, 'window.days'],
    [
      'an unknown time zone',
      {
        window: {
          kind: 'calendar',
          unit: 'month',
          timeZone: 'Mars/Olympus',
          startMonth: '2026-01',
        },
      },
      'window.timeZone',
    ],
    [
      'a quarter starting in February',
      {
        window: { kind: 'calendar', unit: 'quarter', timeZone: 'UTC', startMonth: '2026-02' },
      },
      'window.startMonth',
    ],
    [
      'Timeslices without a good-minute threshold',
      { budgetingMethod: 'Timeslices' },
      'timeSlicePercent',
    ],
    [
      'a Prometheus source without a query',
      { total: { type: 'Prometheus', query: '' } },
      'total.query',
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_what, change, field) => {
    const before = await list();
    const envelope = await save(ADMIN_ACCOUNT_ID, {
      originalName: null,
      slo: { ...PAYMENTS, name: 'payments-latency', ...change },
      version: before.version,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field } });
    expect(await list()).toEqual(before);
  });

  it('refuses a second new SLO with a name the project already has', async () => {
    const { version } = await list();
    const envelope = await save(ADMIN_ACCOUNT_ID, { originalName: null, slo: PAYMENTS, version });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field: 'name' } });
  });

  it('edits an SLO, keeping its shared SLI reference while the SLI is unchanged', async () => {
    const { version, slos } = await list();
    const current = slos.find((s) => s.name === 'checkout-availability')!;
    await data(
      save(ADMIN_ACCOUNT_ID, {
        originalName: 'checkout-availability',
        slo: { ...current.definition!, targetPercent: 99.95 },
        version,
      }),
    );
    const after = (await list()).slos.find((s) => s.name === 'checkout-availability');
    expect(after?.target).toBe(0.9995);
    const { yaml } = await data(call<SloExportView>('slo/export', ADMIN_ACCOUNT_ID));
    expect(yaml).toContain('indicatorRef: checkout-requests');
    expect(yaml).toContain('target: 0.9995');
  });

  it('gives an SLO its own SLI when the form changes the shared one, leaving the others on it', async () => {
    const { version, slos } = await list();
    const current = slos.find((s) => s.name === 'checkout-minutes')!.definition!;
    await data(
      save(ADMIN_ACCOUNT_ID, {
        originalName: 'checkout-minutes',
        slo: {
          ...current,
          total: {
            type: 'Prometheus',
            query: 'sum(http_requests_total{service="checkout",route="/pay"})',
          },
        },
        version,
      }),
    );
    const { yaml } = await data(call<SloExportView>('slo/export', ADMIN_ACCOUNT_ID));
    const reread = parseOpenSlo(yaml);
    if (!reread.ok) throw new Error(JSON.stringify(reread.issues));
    const byName = new Map(reread.bundle.slos.map((s) => [s.name, s]));
    expect(byName.get('checkout-minutes')?.indicatorRef).toBeUndefined();
    expect(byName.get('checkout-minutes')?.indicator.name).toBe('checkout-minutes');
    expect(byName.get('checkout-availability')?.indicatorRef).toBe('checkout-requests');
    expect(byName.get('checkout-minutes')?.window).toMatchObject({
      kind: 'calendar',
      unit: 'month',
    });
  });

  it('gives the second of two saves from the same version a CONFLICT, keeping the first', async () => {
    const { version, slos } = await list();
    const current = slos.find((s) => s.name === 'payments-availability')!.definition!;
    const first = await save(ADMIN_ACCOUNT_ID, {
      originalName: current.name,
      slo: { ...current, targetPercent: 99 },
      version,
    });
    const second = await save(ADMIN_ACCOUNT_ID, {
      originalName: current.name,
      slo: { ...current, targetPercent: 98 },
      version,
    });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await list()).slos.find((s) => s.name === current.name)?.target).toBe(0.99);
  });

  it('deletes an SLO, and a stale delete is a CONFLICT', async () => {
    const { version } = await list();
    const after = await data(
      call('slo/delete', ADMIN_ACCOUNT_ID, { name: 'payments-availability', version }),
    );
    expect(after.slos.map((s) => s.name)).not.toContain('payments-availability');
    const stale = await call('slo/delete', ADMIN_ACCOUNT_ID, { name: 'search-latency', version });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const { yaml } = await data(call<SloExportView>('slo/export', ADMIN_ACCOUNT_ID));
    expect(yaml).not.toContain('payments-availability');
    expect(yaml).toContain('search-latency');
  });
});

/** A latency SLO as the form sends it: p99 below 300 ms in 99% of minutes. */
const SEARCH_P99: SloDefinition = {
  ...PAYMENTS,
  name: 'search-p99',
  displayName: 'Search p99',
  description: 'p99 below 300 ms in 99% of minutes',
  service: 'search',
  indicatorKind: 'threshold',
  threshold: {
    type: 'Prometheus',
    query: 'histogram_quantile(0.99, sum by (le) (rate(search_duration_seconds_bucket[1m])))',
    op: 'lt',
    value: 0.3,
  },
  targetPercent: 99,
  window: { kind: 'rolling', days: 28 },
  budgetingMethod: 'Timeslices',
  timeSlicePercent: 100,
};

describe('the SLO form with a latency (threshold) SLO', () => {
  it('adds it, lists it with its form values, and exports a thresholdMetric with op and value', async () => {
    const { version } = await list();
    await data(save(ADMIN_ACCOUNT_ID, { originalName: null, slo: SEARCH_P99, version }));
    const listed = (await list()).slos.find((s) => s.name === 'search-p99');
    expect(listed).toMatchObject({ target: 0.99, window: '28d', state: 'NO_DATA' });
    expect(listed?.definition).toMatchObject({
      indicatorKind: 'threshold',
      threshold: SEARCH_P99.threshold,
      budgetingMethod: 'Timeslices',
      timeSlicePercent: 100,
    });
    const { yaml } = await data(call<SloExportView>('slo/export', MEMBER_ACCOUNT_ID));
    const reread = parseOpenSlo(yaml);
    expect(reread.ok && reread.bundle.slos.find((s) => s.name === 'search-p99')).toMatchObject({
      indicator: { kind: 'threshold' },
      objectiveOp: 'lt',
      objectiveValue: 0.3,
      budgeting: { method: 'Timeslices', sliceTarget: 1 },
    });
  });

  it('edits its threshold and budgeting method', async () => {
    const { version, slos } = await list();
    const current = slos.find((s) => s.name === 'search-p99')!.definition!;
    await data(
      save(ADMIN_ACCOUNT_ID, {
        originalName: 'search-p99',
        slo: {
          ...current,
          threshold: { ...current.threshold!, op: 'lte', value: 0.25 },
          budgetingMethod: 'Occurrences',
          timeSlicePercent: null,
        },
        version,
      }),
    );
    const after = (await list()).slos.find((s) => s.name === 'search-p99')!.definition!;
    expect([after.threshold, after.budgetingMethod]).toEqual([
      { ...SEARCH_P99.threshold, op: 'lte', value: 0.25 },
      'Occurrences',
    ]);
  });

  it.each<[string, Partial<SloDefinition>, string, string]>([
    [
      'a blank threshold',
      { threshold: { ...SEARCH_P99.threshold!, value: null } },
      'threshold.value',
      'Threshold: is required: the number each data point is compared with, e.g. 0.3.',
    ],
    [
      'an unknown comparison',
      { threshold: { ...SEARCH_P99.threshold!, op: 'eq' as 'lt' } },
      'threshold.op',
      'Good when the value is: must be one of <, ≤, >, ≥ (lt, lte, gt, gte).',
    ],
    [
      'a Prometheus source without a query',
      { threshold: { ...SEARCH_P99.threshold!, query: ' ' } },
      'threshold.query',
      'Value query: is required: the PromQL expression of the value, e.g. histogram_quantile(0.99, …).',
    ],
    [
      'a blank source type',
      { threshold: { ...SEARCH_P99.threshold!, type: '' } },
      'threshold.type',
      'Source of the value: is required: the metric source type, e.g. Prometheus.',
    ],
  ])('refuses %s, naming the field, and stores nothing', async (_what, change, field, message) => {
    const before = await list();
    const envelope = await save(ADMIN_ACCOUNT_ID, {
      originalName: null,
      slo: { ...SEARCH_P99, name: 'search-p50', ...change },
      version: before.version,
    });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field, message } });
    expect(await list()).toEqual(before);
  });
});
