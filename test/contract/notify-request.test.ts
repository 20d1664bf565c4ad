/**
 * "Send notification for issue" (POST /rest/api/3/issue/{issueIdOrKey}/notify), pinned by the
 * fixture written from platform.v3.json (test/fixtures/jira/notify-request.json: the spec's own
 * request example, the documented properties, the 204 answer): the body Ballast sends uses only
 * documented properties with the documented types, and the emulator takes the spec's example and
 * answers as the spec says.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJiraEmulator, type JiraEmulator } from '../../sandbox/jira/emulator';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira/seed/people';
import { jiraNotification, noticeText } from '../../src/domain/notify';
import { shapeDifferences } from '../support/json-shape';
import { validateResponse } from './openapi';

const fixture = JSON.parse(
  readFileSync(new URL('../fixtures/jira/notify-request.json', import.meta.url), 'utf8'),
) as {
  properties: Record<string, string[]>;
  example: { to: { users: { accountId: string }[] } } & Record<string, unknown>;
  response: { status: number };
};

const body = jiraNotification(
  noticeText(
    {
      kind: 'test',
      projectKey: 'SHOP',
      at: '2026-11-20T12:00:00.000Z',
    },
    {
      projectPage: 'https://acme.atlassian.net/p',
      issue: (k) => `https://acme.atlassian.net/browse/${k}`,
    },
  ),
  { watchers: true, accountIds: ['acc-1'], groups: ['sre'] },
);

describe('the body Ballast sends', () => {
  it('uses only the properties Notification, NotificationRecipients, GroupName and UserDetails document', () => {
    const { properties } = fixture;
    expect(Object.keys(body).filter((k) => !properties.Notification!.includes(k))).toEqual([]);
    expect(
      Object.keys(body.to).filter((k) => !properties.NotificationRecipients!.includes(k)),
    ).toEqual([]);
    for (const group of body.to.groups)
      expect(Object.keys(group).filter((k) => !properties.GroupName!.includes(k))).toEqual([]);
    for (const user of body.to.users)
      expect(Object.keys(user).filter((k) => !properties.UserDetails!.includes(k))).toEqual([]);
  });

  it('has the documented types where it uses a property (the spec example as the reference)', () => {
    const optional = [
      'restrict',
      'to.assignee',
      'to.groupIds',
      'to.reporter',
      'to.voters',
      'to.users[].active',
    ];
    expect(shapeDifferences(body, fixture.example, { optional })).toEqual([]);
  });
});

describe('the emulator’s notify route', () => {
  let emulator: JiraEmulator;
  beforeAll(async () => {
    emulator = await createJiraEmulator({ seed: { anchor: new Date('2026-03-10T12:00:00Z') } });
  });
  afterAll(() => emulator.close());

  const post = async (issue: string, payload: unknown) => {
    const response = await fetch(`${emulator.url}/rest/api/3/issue/${issue}/notify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sandbox-as-app': 'true' },
      body: JSON.stringify(payload),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text === '' ? undefined : (JSON.parse(text) as unknown),
    };
  };

  it('queues the spec’s own example (with a user the emulator knows) and answers 204 with no content', async () => {
    const example = {
      ...fixture.example,
      to: { ...fixture.example.to, users: [{ accountId: ADMIN_ACCOUNT_ID }] },
    };
    const answer = await post('SHOP-30', example);
    expect(answer.status).toBe(fixture.response.status);
    expect(
      validateResponse('post', '/rest/api/3/issue/SHOP-30/notify', answer.status, answer.body).ok,
    ).toBe(true);
    const mail = emulator.mail.at(-1)!;
    expect(mail.subject).toBe('Latest test results');
    expect(mail.to.users.map((u) => u.accountId)).toEqual([ADMIN_ACCOUNT_ID]);
    expect(mail.to.groups).toEqual(['notification-group']);
    expect(mail.to.watchers).toBe(true);
  });

  it('refuses a recipient Jira does not know (400) and an issue it does not have (404)', async () => {
    expect((await post('SHOP-30', fixture.example)).status).toBe(400);
    expect((await post('SHOP-99999', body)).status).toBe(404);
  });

  it('takes the subject from the issue when none is given, as the spec says', async () => {
    expect((await post('SHOP-30', { textBody: 'x', to: { watchers: true } })).status).toBe(204);
    expect(emulator.mail.at(-1)!.subject).toMatch(/^SHOP-30 /);
  });
});
