import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { IssueView } from '../../../src/contract/issue-panel';
import { ITEMS, NO_DOD, dodOf, issueView } from '../../shared/testing/issue-view';
import type { LoadState } from '../../shared/use-resolver';
import { IssueContext } from './IssueContext';

const render = (state: LoadState<IssueView>) =>
  renderToStaticMarkup(<IssueContext state={state} onRetry={() => {}} />);
const ready = (data: IssueView): LoadState<IssueView> => ({ status: 'ready', data });

describe('IssueContext', () => {
  it('shows the work type tag and the backend progress as "DoD 3/5"', () => {
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

  it('says there is no Definition of Done when no template applies', () => {
    const html = render(ready(issueView({ dod: NO_DOD })));
    expect(html).toContain('None for this issue');
    expect(html).not.toContain('DoD 0/0');
    expect(html).not.toContain('Ready to close');
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
