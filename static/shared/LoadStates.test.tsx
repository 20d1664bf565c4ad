import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LoadFailure, Loading } from './LoadStates';
import type { SkeletonShape } from './Skeleton';

const SHAPES: SkeletonShape[] = [
  'issue-panel',
  'issue-context',
  'planner',
  'sprint-plan',
  'project-page',
  'project-subpage',
  'settings',
  'section',
];

describe('the loading skeleton', () => {
  it.each(SHAPES)('%s: one polite busy status saying what loads, placeholders hidden', (shape) => {
    const html = renderToStaticMarkup(<Loading what="the sprint planner" shape={shape} />);
    expect(html.match(/role="status"/g)).toHaveLength(1);
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('<span class="visually-hidden">Loading the sprint planner…</span>');
    expect(html).not.toContain('spinner');
    // Every placeholder row is hidden from screen readers, and there are rows to see.
    const rows = html.match(/<div class="skeleton-row"[^>]*>/g) ?? [];
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(row).toContain('aria-hidden="true"');
  });

  it('sizes placeholders by class, in percent of the column (nothing wider than a 250 px frame)', () => {
    const html = renderToStaticMarkup(<Loading what="Ballast" shape="issue-context" />);
    expect(html).not.toContain('style=');
    expect(html).toContain('skeleton-line skeleton-w40');
    expect(html).toContain('skeleton-chip');
  });
});

describe('the error frame', () => {
  it('says what failed, in the backend’s words, with a primary Retry when retrying can help', () => {
    const html = renderToStaticMarkup(
      <LoadFailure
        what="this board’s sprint planning"
        error={{
          code: 'JIRA_UNAVAILABLE',
          message: 'Jira did not answer properly.',
          retryable: true,
        }}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain('Ballast couldn’t load this board’s sprint planning');
    expect(html).toContain('Jira did not answer properly.');
    expect(html).toContain('<button type="button" class="button button-primary">Retry</button>');
  });

  it('says what to do first, with Retry only as a quiet second action for after the fix', () => {
    const html = renderToStaticMarkup(
      <LoadFailure
        error={{ code: 'BAD_REQUEST', message: 'Issue key SHOP- is not valid.', retryable: false }}
        onRetry={() => undefined}
      />,
    );
    expect(html).toContain('Ballast couldn’t load this issue');
    expect(html).toContain('Issue key SHOP- is not valid.');
    expect(html).toContain('tell your Jira administrator what it says');
    expect(html).toContain(
      '<button type="button" class="button button-subtle">Retry once that is done</button>',
    );
    expect(html).not.toContain('button-primary');
  });
});
