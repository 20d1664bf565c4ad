/**
 * Notifications end to end on the sandbox (issue #22 items 3–4): the `frozen` demo (SHOP's gate
 * FROZEN), a project admin turns on Jira email (Ballast creates the notices issue) and a Slack
 * webhook pointing at a local receiver; the fiveMinute job's next run raises one gate notice,
 * which the queue consumer delivers to Jira's "Send notification for issue" (the emulator's mail
 * queue) and to the webhook in Slack's format — once, however often the job runs. A malformed
 * webhook URL is refused naming the field and stores nothing; a member cannot change anything; a
 * failing webhook is retried, reported, and never blocks Jira's email; an outsider reads nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedApp } from '../../sandbox/app-seed/seed-app';
import {
  ADMIN_ACCOUNT_ID,
  MEMBER_ACCOUNT_ID,
  OUTSIDER_ACCOUNT_ID,
  type JiraEmulator,
} from '../../sandbox/jira';
import type { ForgeHost } from '../../sandbox/forge/host';
import type { Envelope } from '../../src/contract/envelope';
import type { NotifySettingsView, SaveNotifySettingsRequest } from '../../src/contract/notify';
import { APP_SEED_TIMEOUT_MS, startAppSandbox, type AppSandbox } from '../support/app-sandbox';

let sandbox: AppSandbox;
let jira: JiraEmulator;
let host: ForgeHost;
let receiver: Server;
let origin = '';
const posts: { path: string; body: { text?: string } }[] = [];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      posts.push({ path: req.url ?? '', body: JSON.parse(text) as { text?: string } });
      const down = (req.url ?? '').endsWith('/down');
      res.writeHead(down ? 503 : 200).end(down ? 'service_unavailable' : 'ok');
    });
  });
  await new Promise<void>((done) => receiver.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  process.env.BALLAST_WEBHOOK_ORIGINS = origin;
  // Queue delays (the retries' 1–15 minutes) pass at once.
  sandbox = await startAppSandbox({ connectJira: true, sleep: () => Promise.resolve() });
  ({ jira, host } = sandbox);
  await seedApp(host, { variant: 'frozen', issues: jira.state.issues });
}, APP_SEED_TIMEOUT_MS * 3);
afterAll(async () => {
  await sandbox.close();
  await new Promise<void>((done) => receiver.close(() => done()));
  delete process.env.BALLAST_WEBHOOK_ORIGINS;
});

async function call<T>(functionKey: string, payload: unknown, accountId = ADMIN_ACCOUNT_ID) {
  return (await host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey,
    payload,
    accountId,
    extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP', id: '10000' } },
  })) as Envelope<T>;
}
async function view(accountId = ADMIN_ACCOUNT_ID): Promise<NotifySettingsView> {
  const answer = await call<NotifySettingsView>('notify/get', {}, accountId);
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.data;
}
const request = (
  version: number,
  webhook: SaveNotifySettingsRequest['webhook'],
  issueKey: string | null = null,
): SaveNotifySettingsRequest & { siteUrl: string } => ({
  version,
  siteUrl: 'https://acme.atlassian.net',
  events: { gate: true, alert: true, buffer: true, postmortem: true },
  jira: {
    enabled: true,
    issueKey,
    createIssue: issueKey === null,
    watchers: true,
    accountIds: [ADMIN_ACCOUNT_ID],
    groups: [],
  },
  webhook,
});
const gateMails = () => jira.mail.filter((m) => m.subject.includes('error-budget gate'));
const gatePosts = () => posts.filter((p) => p.body.text?.includes('error-budget gate'));
const refresh = async () => {
  await host.runScheduled('ballast-slo-refresh');
  await host.idle();
};

describe('saving where notices go', () => {
  it('shows a member the settings read-only and refuses their save', async () => {
    expect((await view(MEMBER_ACCOUNT_ID)).canEdit).toBe(false);
    const answer = await call('notify/save', request(0, { action: 'none' }), MEMBER_ACCOUNT_ID);
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
  });

  it('refuses someone who cannot browse the project', async () => {
    const answer = await call('notify/get', {}, OUTSIDER_ACCOUNT_ID);
    expect(answer.ok || answer.error.code).toBe('FORBIDDEN');
  });

  it('refuses a malformed webhook URL naming the field, and stores nothing', async () => {
    const answer = await call(
      'notify/save',
      request(0, { action: 'set', kind: 'slack', url: 'https://hooks.slack.com/oops' }),
    );
    if (answer.ok) throw new Error('saved');
    expect(answer.error.code).toBe('BAD_REQUEST');
    expect(answer.error.field).toBe('webhook.url');
    expect(answer.error.message).toBe(
      'webhook.url: the Slack webhook URL is not a Slack incoming webhook: those start with https://hooks.slack.com/services/ (this one is on hooks.slack.com). Nothing was saved.',
    );
    expect((await view()).version).toBe(0);
    expect(jira.state.issues.some((i) => i.labels.includes('ballast-notices'))).toBe(false);
  });

  it('creates the notices issue and keeps the webhook URL out of the answer', async () => {
    const answer = await call<NotifySettingsView>(
      'notify/save',
      request(0, { action: 'set', kind: 'slack', url: `${origin}/slack/ok` }),
    );
    if (!answer.ok) throw new Error(answer.error.message);
    expect(answer.data.version).toBe(1);
    const notices = jira.state.issues.find((i) => i.key === answer.data.jira.issueKey)!;
    expect(notices.summary).toBe('Ballast notices');
    expect(notices.labels).toEqual(['ballast-notices']);
    expect(answer.data.webhook).toEqual({ kind: 'slack', masked: `${origin}/slack/…k/ok` });
    expect(JSON.stringify(answer.data)).not.toContain('/slack/ok');
    expect(answer.data.people).toEqual({ [ADMIN_ACCOUNT_ID]: 'Ada Okafor' });
  });
});

describe('the freeze, notified once', () => {
  it('emails the frozen gate through Jira and posts it to Slack, with the statement and a link', async () => {
    await refresh();
    expect(gateMails()).toHaveLength(1);
    const mail = gateMails()[0]!;
    expect(mail.subject).toBe('[Ballast] SHOP: the error-budget gate is frozen');
    expect(mail.issueKey).toBe((await view()).jira.issueKey);
    expect(mail.to.users.map((u) => u.accountId)).toEqual([ADMIN_ACCOUNT_ID]);
    expect(mail.to.watchers).toBe(true);
    expect(mail.textBody).toMatch(/policy: freeze at or below 0%/);
    expect(mail.textBody).toMatch(
      /Ballast for SHOP: https:\/\/acme\.atlassian\.net\/jira\/software\/projects\/SHOP\/apps\/\S+\/\S+$/,
    );
    expect(gatePosts()).toHaveLength(1);
    expect(gatePosts()[0]!.body.text).toBe('SHOP: the error-budget gate is frozen');
    const shown = await view();
    expect(shown.last.jira).toMatchObject({
      ok: true,
      message: `Jira queued the email about ${mail.issueKey}.`,
    });
    expect(shown.last.webhook).toMatchObject({
      ok: true,
      message: 'Slack accepted the message (200).',
    });
    expect(shown.recent[0]).toMatchObject({
      title: 'SHOP: the error-budget gate is frozen',
      state: 'delivered',
    });
  });

  it('sends nothing more while the gate stays frozen, however often the job runs', async () => {
    await refresh();
    await refresh();
    expect(gateMails()).toHaveLength(1);
    expect(gatePosts()).toHaveLength(1);
  });
});

describe('send a test, and a failing webhook', () => {
  it('sends a test on both channels through the queue and shows the results', async () => {
    const answer = await call<NotifySettingsView>('notify/test', {});
    if (!answer.ok) throw new Error(answer.error.message);
    // Queued, then delivered by the consumer as the app.
    await host.idle();
    expect(jira.mail.at(-1)!.subject).toBe('[Ballast] SHOP: a test notice from Ballast');
    expect(posts.at(-1)!.body.text).toBe('SHOP: a test notice from Ballast');
    expect((await view()).last.webhook).toMatchObject({
      ok: true,
      title: 'SHOP: a test notice from Ballast',
    });
  });

  it('retries a webhook that answers 503 six times, then reports it; the email went once', async () => {
    const current = await view();
    const saved = await call<NotifySettingsView>(
      'notify/save',
      request(
        current.version,
        { action: 'set', kind: 'slack', url: `${origin}/slack/down` },
        current.jira.issueKey,
      ),
    );
    if (!saved.ok) throw new Error(saved.error.message);
    // Forget the notified state, so the next roll-up announces the freeze again (a new transition).
    host.kvs.store.delete({ kind: 'kv' }, 'notify-gate:SHOP');
    const before = posts.filter((p) => p.path.endsWith('/down')).length;
    const mails = gateMails().length;
    await refresh();
    expect(posts.filter((p) => p.path.endsWith('/down')).length - before).toBe(6);
    expect(gateMails().length - mails).toBe(1);
    const shown = await view();
    expect(shown.recent[0]).toMatchObject({ state: 'failed' });
    expect(shown.last.webhook).toMatchObject({
      ok: false,
      message: 'Slack answered 503: service_unavailable.',
      retryAt: null,
    });
    expect(shown.last.jira?.ok).toBe(true);
  });
});
