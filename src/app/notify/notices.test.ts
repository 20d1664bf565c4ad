import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MetricsSnapshot, SprintRow } from '../../contract/project-page';
import type { Notice } from '../../domain/notify/notice';
import type { JiraPort } from '../../ports/jira';
import type { SecretStore } from '../../ports/key-value-store';
import { memoryStore } from '../testing/memory-document-store';
import { memoryKv } from '../testing/memory-key-value-store';
import { AppError } from '../errors';
import type { StoredSloStatus } from '../slo/roll-up-slo';
import { sweepPending, SWEEP_AFTER_MS } from './after-roll-up';
import { deliverNotice, MAX_ATTEMPTS, RETRY_DELAYS_S, type WebhookAnswer } from './deliver-notice';
import {
  noticeKey,
  pendingKey,
  raiseNotice,
  recentNotices,
  type NoticeRecord,
} from './notice-outbox';
import { saveNotifySettings, storeWebhook } from './notify-settings-store';
import { watchAlerts, watchBuffer, watchPostmortem } from './watch-transitions';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const SLACK = 'https://hooks.slack.com/services/T0/B0/secret';

function secretsStore(): SecretStore {
  const secrets = new Map<string, unknown>();
  return {
    getSecret: <T>(key: string) => Promise.resolve(secrets.get(key) as T | undefined),
    setSecret: (key: string, value: unknown) => Promise.resolve(void secrets.set(key, value)),
  };
}

let kv: ReturnType<typeof memoryKv>;
let store: ReturnType<typeof memoryStore>['store'];
let secrets: SecretStore;
let pushes: { id: string; delay: number | undefined }[];
let jiraCalls: { issueKey: string; body: unknown }[];
let jiraFails: Error | null;
let answers: WebhookAnswer[];
let posted: unknown[];

const queue = {
  push: (ref: { id: string }, options?: { delayInSeconds?: number }) => {
    pushes.push({ id: ref.id, delay: options?.delayInSeconds });
    return Promise.resolve();
  },
};
const jira = {
  notifyIssue: (issueKey: string, body: unknown) => {
    if (jiraFails !== null) return Promise.reject(jiraFails);
    jiraCalls.push({ issueKey, body });
    return Promise.resolve();
  },
} as unknown as JiraPort;
const poster = {
  post: (_url: string, body: unknown) => {
    posted.push(body);
    return Promise.resolve(answers.shift() ?? { status: 200, text: 'ok' });
  },
};
const deps = () => ({ kv, secrets, store, jira, poster, queue });

const gate: Notice = {
  kind: 'gate',
  projectKey: 'SHOP',
  at: NOW.toISOString(),
  from: 'AT_RISK',
  to: 'FROZEN',
  sentences: ['Checkout availability reached -12.4% (policy: freeze at or below 0%).'],
  effect: 'Feature work may not start, except exempt items.',
};
const ref = { projectKey: 'SHOP', id: 'gate.AT_RISK.FROZEN.20261120T120000000Z' };
const stored = () => kv.data.get(noticeKey('SHOP', ref.id)) as NoticeRecord;

beforeEach(async () => {
  kv = memoryKv();
  ({ store } = memoryStore());
  secrets = secretsStore();
  pushes = [];
  jiraCalls = [];
  jiraFails = null;
  answers = [];
  posted = [];
  await saveNotifySettings(
    { store, kv },
    'SHOP',
    {
      events: { gate: true, alert: true, buffer: true, postmortem: true },
      jira: {
        enabled: true,
        issueKey: 'SHOP-9',
        watchers: true,
        accountIds: ['acc-1'],
        groups: [],
      },
      webhookKind: 'slack',
      links: {
        site: 'https://acme.atlassian.net',
        projectPage: 'https://acme.atlassian.net/p/SHOP',
      },
    },
    0,
    { accountId: 'acc-1', at: NOW },
  );
  await storeWebhook(secrets, 'SHOP', { kind: 'slack', url: SLACK });
});

describe('raising a notice', () => {
  it('stores it once per transition and queues it once', async () => {
    expect(await raiseNotice({ kv, queue }, gate, NOW)).toBe(true);
    expect(await raiseNotice({ kv, queue }, gate, NOW)).toBe(false);
    expect(pushes).toEqual([{ id: ref.id, delay: undefined }]);
    expect(stored().state).toBe('pending');
    expect(stored().title).toBe('SHOP: the error-budget gate is frozen (was at risk)');
    expect(kv.data.has(pendingKey('SHOP', ref.id))).toBe(true);
    expect((await recentNotices(kv, 'SHOP')).map((n) => n.id)).toEqual([ref.id]);
  });

  it('keeps the notice when the queue refuses it, for the sweep to queue again', async () => {
    const refusing = { push: () => Promise.reject(new Error('queue down')) };
    expect(await raiseNotice({ kv, queue: refusing }, gate, NOW)).toBe(true);
    expect(stored().state).toBe('pending');
    const later = new Date(NOW.getTime() + SWEEP_AFTER_MS);
    expect(await sweepPending({ kv, queue }, later)).toBe(1);
    expect(pushes).toEqual([{ id: ref.id, delay: undefined }]);
    // Just queued again: not due for another sweep yet.
    expect(await sweepPending({ kv, queue }, later)).toBe(0);
  });
});

describe('delivering a notice', () => {
  beforeEach(async () => {
    await raiseNotice({ kv, queue }, gate, NOW);
    pushes = [];
  });

  it('emails through Jira and posts to Slack, then records both as delivered', async () => {
    const record = await deliverNotice(deps(), ref, NOW);
    expect(record?.state).toBe('delivered');
    expect(jiraCalls).toHaveLength(1);
    expect(jiraCalls[0]!.issueKey).toBe('SHOP-9');
    expect(jiraCalls[0]!.body).toMatchObject({
      subject: '[Ballast] SHOP: the error-budget gate is frozen (was at risk)',
      to: { watchers: true, users: [{ accountId: 'acc-1' }], groups: [] },
    });
    expect((posted[0] as { text: string }).text).toBe(
      'SHOP: the error-budget gate is frozen (was at risk)',
    );
    expect(record?.jira?.message).toBe('Jira queued the email about SHOP-9.');
    expect(record?.webhook?.message).toBe('Slack accepted the message (200).');
    expect(kv.data.has(pendingKey('SHOP', ref.id))).toBe(false);
    expect(kv.data.get('notice-last:SHOP')).toEqual({
      jira: record!.jira,
      webhook: record!.webhook,
    });
    // Delivered: a redelivered event sends nothing again.
    await deliverNotice(deps(), ref, NOW);
    expect(jiraCalls).toHaveLength(1);
    expect(posted).toHaveLength(1);
  });

  it('retries only the channel that failed in a way that may pass, a minute later', async () => {
    answers = [{ status: 503, text: 'service_unavailable' }];
    const first = await deliverNotice(deps(), ref, NOW);
    expect(first?.state).toBe('retrying');
    expect(first?.webhook).toMatchObject({
      ok: false,
      message: 'Slack answered 503: service_unavailable.',
      retryAt: '2026-11-20T12:01:00.000Z',
    });
    expect(first?.jira?.ok).toBe(true);
    expect(pushes).toEqual([{ id: ref.id, delay: 60 }]);
    const second = await deliverNotice(deps(), ref, new Date(NOW.getTime() + 60_000));
    expect(second?.state).toBe('delivered');
    expect(jiraCalls).toHaveLength(1);
    expect(posted).toHaveLength(2);
  });

  it('gives up after six attempts spaced 1, 5 and 15 minutes, and says so', async () => {
    answers = Array.from({ length: MAX_ATTEMPTS }, () => ({ status: 500, text: '' }));
    let record: NoticeRecord | undefined;
    for (let i = 0; i < MAX_ATTEMPTS; i += 1) record = await deliverNotice(deps(), ref, NOW);
    expect(pushes.map((p) => p.delay)).toEqual([...RETRY_DELAYS_S]);
    expect(record?.state).toBe('failed');
    expect(record?.attempts).toBe(6);
    expect(record?.webhook).toMatchObject({
      ok: false,
      message: 'Slack answered 500.',
      retryAt: null,
    });
    expect(kv.data.has(pendingKey('SHOP', ref.id))).toBe(false);
  });

  it('does not retry a refusal that will not pass (404), nor a Jira 403 (outgoing email off)', async () => {
    answers = [{ status: 404, text: 'no_service' }];
    jiraFails = new AppError('FORBIDDEN', 'Outgoing email is disabled.');
    const record = await deliverNotice(deps(), ref, NOW);
    expect(record?.state).toBe('failed');
    expect(record?.webhook?.message).toBe('Slack answered 404: no_service.');
    expect(record?.jira?.message).toBe(
      'Jira did not send the email about SHOP-9: Outgoing email is disabled.',
    );
    expect(pushes).toEqual([]);
  });

  it('counts a network failure as one that may pass', async () => {
    const down = { post: () => Promise.reject(new Error('ECONNREFUSED')) };
    const record = await deliverNotice({ ...deps(), poster: down }, ref, NOW);
    expect(record?.state).toBe('retrying');
    expect(record?.webhook?.message).toBe('Slack could not be reached: ECONNREFUSED.');
  });
});

const row = (overrides: Partial<SprintRow['interrupts']>): SprintRow =>
  ({
    sprintId: '42',
    name: 'SHOP Sprint 10',
    state: 'active',
    unit: 'points',
    interrupts: {
      value: 14,
      unit: 'points',
      sampleSize: 30,
      reason: null,
      count: 4,
      bufferPoints: 9.1,
      bufferUsed: 1.538,
      overBuffer: true,
      ...overrides,
    },
  }) as unknown as SprintRow;
const snapshot = (active: SprintRow) =>
  ({ projectKey: 'SHOP', sprints: [active] }) as unknown as MetricsSnapshot;

describe('the buffer notice', () => {
  it('is raised once per sprint, from the snapshot’s own interrupts figures', async () => {
    expect(await watchBuffer({ kv, store, queue }, snapshot(row({ overBuffer: false })), NOW)).toBe(
      false,
    );
    expect(await watchBuffer({ kv, store, queue }, snapshot(row({})), NOW)).toBe(true);
    expect(await watchBuffer({ kv, store, queue }, snapshot(row({ value: 20 })), NOW)).toBe(false);
    const record = kv.data.get(noticeKey('SHOP', 'buffer.42')) as NoticeRecord;
    expect(record.notice).toMatchObject({ kind: 'buffer', added: 14, buffer: 9.1, unit: 'points' });
  });
  it('is not raised when the project turned the event off', async () => {
    await saveNotifySettings(
      { store, kv },
      'SHOP',
      {
        events: { gate: true, alert: true, buffer: false, postmortem: true },
        jira: { enabled: true, issueKey: 'SHOP-9', watchers: true, accountIds: [], groups: [] },
        webhookKind: null,
        links: null,
      },
      1,
      { accountId: 'acc-1', at: NOW },
    );
    expect(await watchBuffer({ kv, store, queue }, snapshot(row({})), NOW)).toBe(false);
  });
});

describe('the alert notice', () => {
  const status = (firing: boolean): StoredSloStatus =>
    ({
      slo: 'checkout-availability',
      projectKey: 'SHOP',
      status: {
        at: NOW.toISOString(),
        service: 'checkout',
        budgetRemaining: 0.25,
        alerts: [
          {
            severity: 'page',
            longWindow: '1h',
            shortWindow: '5m',
            factor: 14.4,
            longBurnRate: firing ? 16 : 2,
            shortBurnRate: firing ? 18 : 2,
            firing,
            budgetConsumed: 0.02,
          },
          {
            severity: 'page',
            longWindow: '6h',
            shortWindow: '30m',
            factor: 6,
            longBurnRate: firing ? 7 : 1,
            shortBurnRate: firing ? 9 : 1,
            firing,
            budgetConsumed: 0.05,
          },
        ],
      },
    }) as unknown as StoredSloStatus;
  it('names the page rule burning hardest when a page alert starts, and not again while it fires', async () => {
    expect(await watchAlerts({ kv, store, queue }, status(false), status(true), NOW)).toBe(1);
    expect(await watchAlerts({ kv, store, queue }, status(true), status(true), NOW)).toBe(0);
    const [record] = [...kv.data.entries()].filter(([k]) => k.startsWith('notice:SHOP:alert.'));
    expect((record![1] as NoticeRecord).notice).toMatchObject({
      severity: 'page',
      longWindow: '1h',
      longBurnRate: 16,
      shortBurnRate: 18,
      factor: 14.4,
      budgetRemaining: 0.25,
    });
  });
});

it('a project without a channel is not watched', async () => {
  kv.data.delete('notify-enabled:SHOP');
  const spy = vi.fn();
  expect(await watchBuffer({ kv, store, queue: { push: spy } }, snapshot(row({})), NOW)).toBe(
    false,
  );
  expect(spy).not.toHaveBeenCalled();
});

describe('the postmortem notice', () => {
  it('is raised once per incident, with the postmortem and its share of the budget', async () => {
    const opened = {
      slo: 'checkout-availability',
      issueKey: 'SHOP-401',
      start: '2026-11-17T11:35:00.000Z',
      end: '2026-11-17T12:20:00.000Z',
      budgetShare: 0.31,
    };
    expect(await watchPostmortem({ kv, store, queue }, 'SHOP', opened, NOW)).toBe(true);
    expect(await watchPostmortem({ kv, store, queue }, 'SHOP', opened, NOW)).toBe(false);
    const record = kv.data.get(
      noticeKey('SHOP', 'postmortem.checkout-availability.20261117T113500000Z'),
    ) as NoticeRecord;
    expect(record.title).toBe('SHOP: postmortem SHOP-401 opened');
    expect(record.notice).toMatchObject({
      kind: 'postmortem',
      issueKey: 'SHOP-401',
      budgetShare: 0.31,
    });
  });
});
