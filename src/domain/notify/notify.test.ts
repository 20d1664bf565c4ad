import { describe, expect, it } from 'vitest';
import {
  checkWebhookUrl,
  gateNoticeDue,
  jiraNotification,
  noticeId,
  noticeText,
  slackMessage,
  startedSeverities,
  teamsMessage,
  type Notice,
} from '.';

const links = {
  projectPage: 'https://acme.atlassian.net/jira/software/projects/SHOP/apps/app-1/env-1',
  issue: (key: string) => `https://acme.atlassian.net/browse/${key}`,
};
const AT = '2026-11-20T12:05:00.000Z';

describe('which gate changes are news', () => {
  it.each([
    [null, 'HEALTHY', false],
    [null, 'NO_DATA', false],
    [null, 'AT_RISK', true],
    [null, 'FROZEN', true],
    ['AT_RISK', 'FROZEN', true],
    ['FROZEN', 'FROZEN', false],
    ['FROZEN', 'HEALTHY', true],
    ['HEALTHY', 'NO_DATA', true],
  ] as const)('last notified %s, now %s: a notice is due: %s', (from, to, due) => {
    expect(gateNoticeDue(from, to)).toBe(due);
  });
});

describe('which alerts started', () => {
  const page = (firing: boolean) => ({ severity: 'page' as const, firing });
  const ticket = (firing: boolean) => ({ severity: 'ticket' as const, firing });
  it('a severity that fires now and did not at the last roll-up started', () => {
    expect(startedSeverities([page(false), ticket(true)], [page(true), ticket(true)])).toEqual([
      'page',
    ]);
  });
  it('one rule of a severity firing is enough, and an alert that keeps firing is not news', () => {
    expect(startedSeverities([page(true), page(false)], [page(false), page(true)])).toEqual([]);
  });
  it('with no earlier roll-up, whatever fires started now', () => {
    expect(startedSeverities(null, [page(true), ticket(true)])).toEqual(['page', 'ticket']);
  });
});

const gate: Notice = {
  kind: 'gate',
  projectKey: 'SHOP',
  at: AT,
  from: 'AT_RISK',
  to: 'FROZEN',
  sentences: ['Checkout availability reached -12.4% (policy: freeze at or below 0%).'],
  effect: 'Feature work may not start, except exempt items.',
};
const alert: Notice = {
  kind: 'alert',
  projectKey: 'SHOP',
  at: AT,
  slo: 'checkout-availability',
  service: 'checkout',
  severity: 'page',
  longWindow: '1h',
  shortWindow: '5m',
  longBurnRate: 15.234,
  shortBurnRate: 20,
  factor: 14.4,
  budgetRemaining: 0.4567,
};
const buffer: Notice = {
  kind: 'buffer',
  projectKey: 'SHOP',
  at: AT,
  sprintId: '42',
  sprintName: 'SHOP Sprint 10',
  added: 14,
  buffer: 9.1,
  unit: 'points',
};
const postmortem: Notice = {
  kind: 'postmortem',
  projectKey: 'SHOP',
  at: AT,
  slo: 'checkout-availability',
  issueKey: 'SHOP-501',
  budgetShare: 0.2345,
  start: '2026-11-18T09:00:00.000Z',
  end: '2026-11-18T10:30:00.000Z',
};

describe('one id per transition', () => {
  it.each([
    [gate, 'gate.AT_RISK.FROZEN.20261120T120500000Z'],
    [alert, 'alert.checkout-availability.page.20261120T120500000Z'],
    [buffer, 'buffer.42'],
    [postmortem, 'postmortem.checkout-availability.20261118T090000000Z'],
  ] as const)('%#: %s', (notice, id) => {
    expect(noticeId(notice)).toBe(id);
    // Forge keys allow [A-Za-z0-9:._\s\-#] only (limits-kvs-ce).
    expect(id).toMatch(/^[A-Za-z0-9:._\-#]+$/);
  });
  it('a buffer notice is one per sprint, whenever it is seen again', () => {
    expect(noticeId({ ...buffer, at: '2026-11-21T00:00:00.000Z', added: 20 })).toBe('buffer.42');
  });
});

describe('the words, with the figures', () => {
  it('the gate: its state change and the gate statement’s own sentences', () => {
    expect(noticeText(gate, links)).toEqual({
      title: 'SHOP: the error-budget gate is frozen (was at risk)',
      lines: [
        'Checkout availability reached -12.4% (policy: freeze at or below 0%).',
        'Feature work may not start, except exempt items.',
      ],
      tone: 'danger',
      link: { url: links.projectPage, label: 'Ballast for SHOP' },
    });
  });
  it('an alert: both burn rates and the factor to one decimal, the budget left in percent', () => {
    const text = noticeText(alert, links);
    expect(text.title).toBe('SHOP: page alert on SLO checkout-availability');
    expect(text.lines).toEqual([
      'The error budget of checkout-availability (service checkout) is burning at 15.2× over 1h and 20.0× over 5m, above the 14.4× that fires a page alert.',
      'Budget left: 45.7%.',
    ]);
  });
  it('the buffer: added work against the buffer, and the share of it', () => {
    expect(noticeText(buffer, links).lines[0]).toBe(
      'Work added after the sprint started: 14 points, over the buffer of 9.1 points (153.8% of it).',
    );
  });
  it('a postmortem links to its issue', () => {
    const text = noticeText(postmortem, links);
    expect(text.lines[0]).toBe(
      'One incident spent 23.5% of the error budget of SLO checkout-availability, from 2026-11-18 09:00 UTC to 2026-11-18 10:30 UTC.',
    );
    expect(text.link).toEqual({
      url: 'https://acme.atlassian.net/browse/SHOP-501',
      label: 'SHOP-501',
    });
  });
});

describe('each channel’s format', () => {
  const text = noticeText({ ...gate, sentences: ['Budget <0% & falling'] }, links);
  it('Jira: the Notification schema of POST /issue/{key}/notify, HTML escaped', () => {
    const body = jiraNotification(text, { watchers: true, accountIds: ['acc-1'], groups: ['sre'] });
    expect(body).toEqual({
      subject: '[Ballast] SHOP: the error-budget gate is frozen (was at risk)',
      textBody: `Budget <0% & falling\nFeature work may not start, except exempt items.\n\nBallast for SHOP: ${links.projectPage}`,
      htmlBody: `<p>Budget &lt;0% &amp; falling</p><p>Feature work may not start, except exempt items.</p><p><a href="${links.projectPage}">Ballast for SHOP</a></p>`,
      to: { watchers: true, users: [{ accountId: 'acc-1' }], groups: [{ name: 'sre' }] },
    });
  });
  it('Slack: a fallback text and mrkdwn blocks with &, < and > escaped and a <url|label> link', () => {
    const message = slackMessage(text) as {
      text: string;
      blocks: { text?: { text: string }; elements?: { text: string }[] }[];
    };
    expect(message.text).toBe('SHOP: the error-budget gate is frozen (was at risk)');
    expect(message.blocks[1]!.text!.text).toBe('Budget &lt;0% &amp; falling');
    expect(message.blocks.at(-1)!.elements![0]!.text).toBe(
      `<${links.projectPage}|Ballast for SHOP>`,
    );
  });
  it('Teams: an Adaptive Card attachment with an OpenUrl action', () => {
    const message = teamsMessage(text) as {
      type: string;
      attachments: {
        contentType: string;
        content: { type: string; body: { text: string }[]; actions: unknown[] };
      }[];
    };
    expect(message.type).toBe('message');
    expect(message.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(message.attachments[0]!.content.body.map((b) => b.text)).toEqual([
      text.title,
      'Budget <0% & falling',
      'Feature work may not start, except exempt items.',
    ]);
    expect(message.attachments[0]!.content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Ballast for SHOP', url: links.projectPage },
    ]);
  });
});

describe('webhook URLs accepted at save', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXX', 'slack'],
    [
      'https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x',
      'teams',
    ],
    ['https://acme.webhook.office.com/webhookb2/abc', 'teams'],
  ] as const)('%s (%s) is accepted', (url, kind) => {
    expect(checkWebhookUrl(url, kind).ok).toBe(true);
  });
  it.each([
    ['', 'slack', 'is empty: paste the webhook URL'],
    ['hooks.slack.com/services/T0', 'slack', 'is not a URL: "hooks.slack.com/services/T0"'],
    [
      'http://hooks.slack.com/services/T0/B0/X',
      'slack',
      'must start with https:// (it starts with http://)',
    ],
    [
      'https://hooks.slack.com/api/T0',
      'slack',
      'is not a Slack incoming webhook: those start with https://hooks.slack.com/services/ (this one is on hooks.slack.com)',
    ],
    [
      'https://evil.example/services/T0',
      'slack',
      'is not a Slack incoming webhook: those start with https://hooks.slack.com/services/ (this one is on evil.example)',
    ],
    [
      'https://hooks.slack.com/services/T0',
      'teams',
      'is not a Microsoft Teams webhook: those are on *.logic.azure.com, *.api.powerplatform.com, *.webhook.office.com (this one is on hooks.slack.com)',
    ],
    ['https://u:p@hooks.slack.com/services/T0', 'slack', 'must not carry a user name or password'],
  ] as const)('%j (%s) is refused: %s', (url, kind, problem) => {
    expect(checkWebhookUrl(url, kind)).toEqual({ ok: false, problem });
  });
  it('an extra origin (the sandbox receiver) is accepted over http, and only that origin', () => {
    expect(
      checkWebhookUrl('http://127.0.0.1:4000/__webhooks/slack/team', 'slack', [
        'http://127.0.0.1:4000',
      ]).ok,
    ).toBe(true);
    expect(
      checkWebhookUrl('http://127.0.0.1:4001/__webhooks/slack/team', 'slack', [
        'http://127.0.0.1:4000',
      ]).ok,
    ).toBe(false);
  });
});
