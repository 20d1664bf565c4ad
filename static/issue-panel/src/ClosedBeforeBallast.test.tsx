import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CLOSED_BEFORE_BALLAST } from '../../shared/testing/issue-view';
import { ClosedBeforeBallast } from './ClosedBeforeBallast';

describe('ClosedBeforeBallast', () => {
  it('says when the item was resolved and when Ballast first saw the project, as dates people read', () => {
    const html = renderToStaticMarkup(
      <ClosedBeforeBallast history={CLOSED_BEFORE_BALLAST.history!} timeZone="UTC" />,
    );
    expect(html).toContain(
      'Resolved on 2 Mar 2026, 09:30, before Ballast first saw this project on 20 Nov 2026, 12:00.',
    );
    expect(html).not.toContain('2026-03-02T');
  });
});
