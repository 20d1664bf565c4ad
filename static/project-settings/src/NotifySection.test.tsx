import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NotifySettingsView } from '../../../src/contract/notify';
import { draftOf, saveRequestOf } from './notify-draft';
import { NotifyForm } from './NotifySection';

const view: NotifySettingsView = {
  projectKey: 'SHOP',
  canEdit: true,
  version: 3,
  events: { gate: true, alert: false, buffer: true, postmortem: true },
  jira: {
    enabled: true,
    issueKey: 'SHOP-9',
    watchers: true,
    accountIds: ['acc-1', 'acc-gone'],
    groups: ['sre-oncall'],
  },
  webhook: { kind: 'slack', masked: 'https://hooks.slack.com/services/…cret' },
  last: {
    jira: {
      ok: true,
      at: '2026-11-20T12:00:00.000Z',
      message: 'Jira queued the email about SHOP-9.',
      title: 'SHOP: the error-budget gate is frozen',
      retryAt: null,
    },
    webhook: {
      ok: false,
      at: '2026-11-20T12:00:00.000Z',
      message: 'Slack answered 503: service_unavailable.',
      title: 'SHOP: the error-budget gate is frozen',
      retryAt: '2026-11-20T12:01:00.000Z',
    },
  },
  recent: [],
  people: { 'acc-1': 'Ada Okafor' },
};

const render = (v: NotifySettingsView) =>
  renderToStaticMarkup(
    <NotifyForm
      view={v}
      draft={draftOf(v)}
      onDraft={() => undefined}
      busy="idle"
      error={null}
      done={null}
      onSave={() => undefined}
      onTest={() => undefined}
    />,
  );

describe('the Notifications section', () => {
  it('shows each channel’s last delivery, a failure with its next attempt', () => {
    const html = render(view);
    expect(html).toContain('Jira queued the email about SHOP-9.');
    expect(html).toContain('data-ok="false"');
    expect(html).toContain('Slack answered 503: service_unavailable.');
    expect(html).toContain('Next attempt');
    // Names for known people, and an id Jira does not know said so.
    expect(html).toContain('Ada Okafor, unknown to Jira (acc-gone)');
    // The stored URL is never in the page, only its mask.
    expect(html).toContain(
      'https://hooks.slack.com/services/…cret (saved; paste a new one to replace it)',
    );
  });

  it('gives a member no Save or test button and disables every field', () => {
    const html = render({ ...view, canEdit: false });
    expect(html).not.toContain('Save notifications');
    expect(html).not.toContain('Send a test');
    expect(html).toContain('Only project administrators can change where notices go.');
    expect(html.match(/<fieldset[^>]*disabled/g)).toHaveLength(3);
  });
});

describe('the save request', () => {
  it('keeps the stored webhook when no new URL is typed, and trims people and groups', () => {
    const draft = { ...draftOf(view), accountIds: ' acc-1 \n\nacc-2,', groups: 'sre, , ops ' };
    expect(saveRequestOf(draft, view, 'https://acme.atlassian.net')).toEqual({
      version: 3,
      siteUrl: 'https://acme.atlassian.net',
      events: view.events,
      jira: {
        enabled: true,
        issueKey: 'SHOP-9',
        createIssue: false,
        watchers: true,
        accountIds: ['acc-1', 'acc-2'],
        groups: ['sre', 'ops'],
      },
      webhook: { action: 'keep' },
    });
  });
  it('sends a new URL, or none', () => {
    const draft = draftOf(view);
    expect(saveRequestOf({ ...draft, webhookUrl: 'https://x' }, view, undefined).webhook).toEqual({
      action: 'set',
      kind: 'slack',
      url: 'https://x',
    });
    expect(saveRequestOf({ ...draft, webhookKind: 'none' }, view, undefined).webhook).toEqual({
      action: 'none',
    });
    expect(saveRequestOf({ ...draft, webhookKind: 'teams' }, view, undefined).webhook).toEqual({
      action: 'set',
      kind: 'teams',
      url: '',
    });
  });
});
