import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OverrideEntry, RebalanceAuditEntry } from '../../../src/contract/planner';
import type { SloListView } from '../../../src/contract/slo';
import { AuditEntries } from './AuditSection';
import { formReducer, initialForm, type FormState } from './form-state';
import { NewSecret, PushUrls } from './PushSection';
import { TestResult } from './RulesSection';
import { SectionFailure } from './SectionFailure';
import { SettingsFailure } from './SettingsFailure';
import { SettingsLayout } from './SettingsPage';
import { settingsActions, type Call } from './settings-actions';
import type { SectionId } from './sections';
import { SloTable } from './SlosSection';
import { settingsView } from './testing/settings-view';
import { sloList, sloSummary } from './testing/slo-list';
import { YamlEditor } from './YamlEditor';

const noCall = (() => new Promise(() => undefined)) as Call;
const actions = settingsActions(noCall, () => undefined);

function page(form: FormState, section: SectionId = 'capacity'): string {
  return renderToStaticMarkup(
    <SettingsLayout
      form={form}
      dispatch={() => undefined}
      actions={actions}
      call={noCall}
      section={section}
      onSection={() => undefined}
    />,
  );
}

describe('the settings page', () => {
  it('shows a member a read-only banner naming whom to ask, the form disabled and no Save', () => {
    const html = page(initialForm(settingsView({ canEdit: false })));
    expect(html).toContain('Only project administrators of SHOP can edit');
    expect(html).toMatch(/<fieldset class="form-fieldset" disabled=""/);
    expect(html).not.toContain('>Save<');
  });

  it('gives an admin an enabled form with Save, and no banner', () => {
    const html = page(initialForm(settingsView()));
    expect(html).not.toContain('aria-label="Read-only"');
    expect(html).toMatch(/<fieldset class="form-fieldset">/);
    expect(html).toContain('>Save<');
  });

  it('shows the share sum next to the target fields, tied to them for screen readers', () => {
    const form = formReducer(initialForm(settingsView()), {
      type: 'target',
      workType: 'feature',
      value: '70',
    });
    const html = page(form);
    expect(html).toContain('id="share-sum"');
    expect(html).toContain('aria-describedby="share-sum"');
    expect(html).toContain('110%: 10 points over 100%');
    expect(html).toContain('share-sum-off');
  });

  it('shows the backend’s refusal and marks the section it is about in the navigation', () => {
    const form = formReducer(initialForm(settingsView()), {
      type: 'saveFailed',
      error: {
        code: 'BAD_REQUEST',
        message:
          'The configuration was not saved: rule "x" (#1), field "when.anyOf": must list at least one value',
        retryable: false,
      },
    });
    const html = page(form, 'capacity');
    expect(html).toContain('field &quot;when.anyOf&quot;');
    expect(html).toMatch(/Classification rules<span class="nav-problem"/);
  });

  it('offers a reload on a conflict', () => {
    const form = formReducer(initialForm(settingsView()), {
      type: 'saveFailed',
      error: { code: 'CONFLICT', message: 'changed', retryable: false },
    });
    const html = page(form, 'incidents');
    expect(html).toContain('Someone else saved these settings meanwhile');
    expect(html).toContain('Reload settings');
  });

  it('lists the stored configuration’s problems', () => {
    const html = page(
      initialForm(settingsView({ problems: ['policy, field "buffer": must be a number'] })),
    );
    expect(html).toContain('Parts of the stored configuration are invalid');
    expect(html).toContain('field &quot;buffer&quot;');
  });

  it('lists the rules in order with labelled move buttons, the first not movable up', () => {
    const html = page(initialForm(settingsView()), 'rules');
    expect(html).toContain('aria-label="Rule 1 of 2: bug-is-reliability"');
    expect(html).toMatch(/aria-label="Move rule bug-is-reliability up" disabled=""/);
    expect(html).toContain('aria-label="Move rule debt-labels down" disabled=""');
    expect(html).toContain('Test against an issue');
  });

  it('shows each DoD item with how it is checked', () => {
    const html = page(initialForm(settingsView()), 'dod');
    expect(html).toContain('value="Code reviewed"');
    expect(html).toMatch(/<option value="hasEstimate" selected="">Auto: Has an estimate/);
  });

  it('says when a test result comes from a manual type that beats the rules', () => {
    const html = renderToStaticMarkup(
      <TestResult
        state={{
          status: 'done',
          result: {
            issueKey: 'SHOP-7',
            facts: {
              summary: 'Flaky login',
              issueType: 'Bug',
              labels: ['sre'],
              components: [],
              parentKey: null,
            },
            type: 'reliability',
            source: 'rule',
            rule: { id: 'bug-is-reliability', position: 1, matched: 'issue type is "Bug"' },
            reason: 'Rule #1 "bug-is-reliability" (reliability): issue type is "Bug".',
            manualType: 'debt',
          },
        }}
      />,
    );
    expect(html).toContain('lozenge-reliability');
    expect(html).toContain('Rule #1 &quot;bug-is-reliability&quot;');
    expect(html).toContain('set this issue to Debt by hand');
  });

  it('tells someone without access whom to ask', () => {
    const html = renderToStaticMarkup(
      <SettingsFailure
        error={{
          code: 'NOT_FOUND',
          message: 'Project SHOP does not exist or you cannot see it.',
          retryable: false,
        }}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('You don’t have access to this project’s settings');
    expect(html).toContain('Ask a Jira administrator for permission to browse this project.');
    expect(html).toContain('<main class="settings settings-failure">');
  });
});

describe('a section that could not load', () => {
  it('shows the backend’s message with Retry when trying again can help', () => {
    const html = renderToStaticMarkup(
      <SectionFailure
        what="the audit log"
        error={{ code: 'JIRA_UNAVAILABLE', message: 'Jira is not answering.', retryable: true }}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('Ballast couldn’t load the audit log');
    expect(html).toContain('Jira is not answering.');
    expect(html).toContain('>Retry</button>');
  });

  it('tells someone without access whom to ask, with no Retry', () => {
    const html = renderToStaticMarkup(
      <SectionFailure
        what="the SLOs"
        error={{ code: 'NOT_FOUND', message: 'Project SHOP does not exist.', retryable: false }}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('You don’t have access to the SLOs');
    expect(html).toContain('Ask a Jira administrator');
    // A Retry on every error (issue #18): here only the quiet one, for after the fix.
    expect(html).not.toMatch(/button-primary[^>]*>Retry</);
    expect(html).toContain('Retry once that is done');
  });
});

describe('SLOs', () => {
  const list: SloListView = sloList();

  it('lists each SLO with its target, window, state and data-until', () => {
    const html = renderToStaticMarkup(<SloTable list={list} />);
    expect(html).toContain('99.9%');
    expect(html).toContain('rolling 28 days');
    expect(html).toContain('lozenge lozenge-gate gate-tone-frozen');
    expect(html).toContain('no data yet');
  });

  it('offers no Edit for an SLO without a form, saying how to change it', () => {
    const latency = sloSummary({ name: 'search-latency', displayName: null, definition: null });
    const html = renderToStaticMarkup(
      <SloTable
        list={{ ...list, canEdit: true, slos: [latency] }}
        onEdit={() => undefined}
        onDelete={() => undefined}
      />,
    );
    expect(html).toContain('edit via OpenSLO');
    expect(html).not.toContain('aria-label="Edit SLO search-latency"');
    expect(html).toContain('aria-label="Delete SLO search-latency"');
  });

  it('names a latency SLO’s rule under its name, and offers Edit for it', () => {
    const latency = sloSummary({
      name: 'search-p99',
      displayName: null,
      objective: 'A minute is good when its value is < 0.3; SLI = good minutes / minutes with data',
    });
    const html = renderToStaticMarkup(
      <SloTable
        list={{ ...list, canEdit: true, slos: [latency] }}
        onEdit={() => undefined}
        onDelete={() => undefined}
      />,
    );
    expect(html).toContain('Latency: A minute is good when its value is &lt; 0.3');
    expect(html).toContain('aria-label="Edit SLO search-p99"');
  });

  it('says what to do when there are none', () => {
    expect(renderToStaticMarkup(<SloTable list={{ ...list, slos: [] }} />)).toContain(
      'Add one with the form, or import an OpenSLO file below.',
    );
    expect(
      renderToStaticMarkup(<SloTable list={{ ...list, slos: [], canEdit: false }} />),
    ).toContain('A project administrator adds them here');
  });

  it('marks a problem in the gutter at its line and links to the line', () => {
    const html = renderToStaticMarkup(
      <YamlEditor
        id="y"
        label="OpenSLO YAML"
        value={'a: 1\nb: 2\nc: 3'}
        onChange={() => undefined}
        readOnly={false}
        problems={[
          { line: 2, message: 'b is wrong' },
          { line: null, message: 'the file has no SLO' },
        ]}
      />,
    );
    expect(html).toMatch(/class="gutter-line gutter-error" title="b is wrong" data-line="2"/);
    expect(html).toContain('>Line 2</button>: b is wrong');
    expect(html).toContain('<li>the file has no SLO</li>');
    expect(html).toContain('aria-invalid="true"');
  });
});

describe('push API', () => {
  const view = {
    urls: {
      sli: 'https://x.example/x1/sli',
      deployments: 'https://x.example/x1/dep',
      incidents: null,
      gateCheck: 'https://x.example/x1/gate',
    },
    secretRotatedAt: '2026-11-20T10:00:00Z',
    previousSecretValidUntil: '2026-11-21T10:00:00Z',
    canEdit: true,
  };

  it('shows each URL with a copy button, and says when one is not available', () => {
    const html = renderToStaticMarkup(<PushUrls view={view} />);
    expect(html).toContain('https://x.example/x1/sli');
    expect(html).toContain('aria-label="Copy the SLI data URL"');
    expect(html).toContain('Not available until the app is deployed');
  });

  it('shows the new secret once with examples that use the real URLs', () => {
    const html = renderToStaticMarkup(
      <NewSecret view={{ ...view, secret: 'ab'.repeat(32) }} projectKey="SHOP" />,
    );
    expect(html).toContain('Ballast will not show it again');
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('curl -sS &#x27;https://x.example/x1/sli&#x27;');
    expect(html).toContain('--target &#x27;https://x.example/x1/dep&#x27;');
    expect(html).toContain(
      'ballast gate check --target &#x27;https://x.example/x1/gate&#x27; \\\n  --secret-file ballast-push-secret --project SHOP',
    );
    expect(html).toContain('The previous secret keeps working until');
  });
});

describe('audit log', () => {
  it('shows who, when, why and what was overridden', () => {
    const entry: OverrideEntry = {
      id: 'o1',
      accountId: 'acc-ada-admin',
      at: '2026-11-19T09:30:00Z',
      projectKey: 'SHOP',
      sprint: { id: 9, name: 'SHOP Sprint 9' },
      overridden: {
        gateState: 'AT_RISK',
        headline: 'Feature is 12 points over its share',
        violations: ['feature 72% > 65%'],
        fingerprint: 'f',
      },
      reason: 'Launch commitment to a customer',
    };
    const html = renderToStaticMarkup(
      <AuditEntries entries={[entry]} names={{ 'acc-ada-admin': 'Ada Okafor' }} />,
    );
    expect(html).toContain('SHOP Sprint 9');
    expect(html).toContain(
      '<span class="audit-who" title="Account id acc-ada-admin">Ada Okafor</span>',
    );
    expect(html).toContain('Launch commitment to a customer');
    expect(html).toContain('feature 72% &gt; 65%');
    expect(html).toContain('lozenge lozenge-gate gate-tone-at_risk');
    // An account Jira does not know (deleted, or hidden from the viewer) is shown by its id.
    expect(renderToStaticMarkup(<AuditEntries entries={[entry]} names={{}} />)).toContain(
      '<span class="audit-who">acc-ada-admin</span>',
    );
  });

  it('shows each SLO and policy change with what it changed', () => {
    const base = { accountId: 'acc-ada-admin', at: '2026-11-20T12:00:00.000Z', projectKey: 'SHOP' };
    const html = renderToStaticMarkup(
      <AuditEntries
        entries={[
          {
            ...base,
            id: 'c1',
            change: {
              kind: 'slo-import',
              added: ['checkout-latency'],
              replaced: [],
              deleted: ['checkout-minutes', 'search-latency'],
            },
          },
          { ...base, id: 'c2', change: { kind: 'slo-delete', name: 'search-availability' } },
          { ...base, id: 'c3', change: { kind: 'slo-save', name: 'payments', added: false } },
          {
            ...base,
            id: 'c4',
            change: {
              kind: 'policy-change',
              changes: [{ field: 'At risk below', from: '25%', to: '20%' }],
            },
          },
        ]}
        names={{ 'acc-ada-admin': 'Ada Okafor' }}
      />,
    );
    const text = html.replace(/<[^>]+>/g, '|');
    expect(text).toContain('SLOs imported from an OpenSLO file|');
    expect(text).toContain('|Added: “checkout-latency”|');
    expect(text).toContain('|Deleted: “checkout-minutes”, “search-latency”|');
    expect(text).not.toContain('Replaced');
    expect(text).toContain('|SLO “search-availability” deleted|');
    expect(text).toContain('|SLO “payments” changed|');
    expect(text).toContain('|Error-budget policy changed|');
    expect(text).toContain('|At risk below: 25% → 20%|');
    expect(html.match(/Ada Okafor/g)).toHaveLength(4);
  });

  it('shows a rebalance applied with who, when, the sprint and each move, sizes rounded to one decimal', () => {
    const entry: RebalanceAuditEntry = {
      kind: 'rebalanceApplied',
      id: 'r1',
      accountId: 'acc-marco-member',
      at: '2026-11-20T12:00:00Z',
      projectKey: 'SHOP',
      sprint: { id: 9, name: 'SHOP Sprint 9' },
      basis: 'storyPoints',
      moves: [
        { key: 'SHOP-207', direction: 'out', amount: 8.966667 },
        { key: 'SHOP-243', direction: 'in', amount: 3 },
      ],
    };
    const html = renderToStaticMarkup(
      <AuditEntries entries={[entry]} names={{ 'acc-marco-member': 'Marco Silva' }} />,
    );
    expect(html).toContain('data-audit-kind="rebalanceApplied"');
    expect(html).toContain('<strong>SHOP Sprint 9</strong> · 20 Nov 2026');
    expect(html).toContain('Marco Silva</span>');
    expect(html).toContain('Rebalance applied: 2 moves');
    expect(html).toContain('<li>SHOP-207 out to the backlog · 9 pts</li>');
    expect(html).toContain('<li>SHOP-243 into the sprint · 3 pts</li>');
    expect(html).not.toContain('8.966667');
  });

  it('rounds the amounts in an override’s recorded violations', () => {
    const entry: OverrideEntry = {
      id: 'o2',
      accountId: 'acc-ada-admin',
      at: '2026-11-19T09:30:00Z',
      projectKey: 'SHOP',
      sprint: { id: 9, name: 'SHOP Sprint 9' },
      overridden: {
        gateState: 'HEALTHY',
        headline: '1 violation',
        violations: ['feature is 8.966667 points under its minimum of 43.266667 points'],
        fingerprint: 'f',
      },
      reason: 'Agreed',
    };
    const html = renderToStaticMarkup(<AuditEntries entries={[entry]} names={{}} />);
    expect(html).toContain('feature is 9 points under its minimum of 43.3 points');
  });
});
