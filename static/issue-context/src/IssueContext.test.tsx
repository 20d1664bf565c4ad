import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IssueView } from '../../../src/contract/issue-panel';
import {
  CLOSED_BEFORE_BALLAST,
  FROZEN_GATE,
  ITEMS,
  NO_DOD,
  SUGGESTED,
  dodOf,
  issueView,
} from '../../shared/testing/issue-view';
import type { LoadState } from '../../shared/use-resolver';
import { IssueContext } from './IssueContext';

const render = (state: LoadState<IssueView>) =>
  renderToStaticMarkup(<IssueContext state={state} onRetry={() => {}} />);
const ready = (data: IssueView): LoadState<IssueView> => ({ status: 'ready', data });

describe('IssueContext', () => {
  it('shows the category tag and the backend progress as "DoD 3/5"', () => {
    const html = render(ready(issueView()));
    expect(html).toContain('class="lozenge lozenge-feature"');
    expect(html).toContain('DoD 3/5');
    expect(html).toContain('<span class="visually-hidden">3 of 5 done</span>');
  });

  it('lists the open required items, in the order the backend gave them', () => {
    const html = render(ready(issueView()));
    expect(html).toMatch(/<li>Has an estimate<\/li><li>Code reviewed<\/li>/);
    expect(html).not.toContain('Docs updated');
  });

  it('says "Ready to close" with no list when every required item is done', () => {
    const items = ITEMS.map((i) => (i.required ? { ...i, state: 'done' as const } : i));
    const html = render(ready(issueView({ dod: dodOf(items) })));
    expect(html).toContain('Ready to close');
    expect(html).toContain('badge badge-success');
    expect(html).not.toContain('Required and still open');
  });

  it('says "Closed before Ballast" for an item Done before Ballast, with nothing open', () => {
    const html = render(ready(issueView(CLOSED_BEFORE_BALLAST)));
    expect(html).toContain('Closed before Ballast');
    expect(html).not.toContain('DoD 3/5');
    expect(html).not.toContain('Required and still open');
    expect(html).not.toContain('Has an estimate');
    expect(html).not.toContain('Ready to close');
  });

  it('says there is no Definition of Done when no template applies', () => {
    const html = render(ready(issueView({ dod: NO_DOD })));
    expect(html).toContain('None for this issue');
    expect(html).not.toContain('DoD 0/0');
    expect(html).not.toContain('Ready to close');
  });

  it('shows the suggested type with its confidence for an unclassified item', () => {
    const html = render(ready(issueView(SUGGESTED)));
    expect(html).toContain('lozenge-unclassified');
    expect(html).toMatch(
      /<dt>Suggested<\/dt><dd><span class="lozenge lozenge-debt"[^>]*>Debt<\/span> <span class="subtle">78% confident<\/span>/,
    );
  });

  it('shows the frozen gate for feature work, with the backend reason as its title', () => {
    const html = render(ready(issueView({ gate: FROZEN_GATE })));
    expect(html).toContain('<dt>Error budget</dt>');
    expect(html).toMatch(
      /<span class="lozenge lozenge-gate gate-tone-frozen" data-gate-tone="FROZEN" title="Feature work cannot start while the gate is frozen.">Frozen<\/span>/,
    );
  });

  it.each([
    ['exempt', 'Frozen (exempt)'],
    ['override', 'Frozen (overridden)'],
  ] as const)('says why an item %s-allowed may start: "%s"', (allowedBy, badge) => {
    const gate = { ...FROZEN_GATE, mayStart: true, allowedBy, wayOut: null };
    expect(render(ready(issueView({ gate })))).toContain(`>${badge}</span>`);
  });

  it('shows neither a suggestion nor a gate when the backend sends none', () => {
    const html = render(ready(issueView()));
    expect(html).not.toContain('Suggested');
    expect(html).not.toContain('Error budget');
  });

  it('shows loading, and a failure with Retry when retryable', () => {
    expect(render({ status: 'loading' })).toContain('Loading Ballast');
    const html = render({
      status: 'failed',
      error: { code: 'JIRA_UNAVAILABLE', message: 'Jira is down.', retryable: true },
    });
    expect(html).toContain('Jira is down.');
    expect(html).toContain('Retry');
  });

  it('tells a user without access that they lack it', () => {
    const html = render({
      status: 'failed',
      error: { code: 'FORBIDDEN', message: 'You cannot browse SHOP.', retryable: false },
    });
    expect(html).toContain('You don’t have access to this issue in Ballast');
  });
});
