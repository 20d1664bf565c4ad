import { describe, expect, it } from 'vitest';
import { dodHistory } from './closed-before-ballast';

const FIRST_SEEN = '2026-11-20T12:00:00.000Z';

describe('dodHistory: closed before Ballast first saw the project', () => {
  it('is history when Done and resolved before Ballast first saw the project', () => {
    expect(
      dodHistory({ statusCategory: 'done', resolvedAt: '2026-03-01T09:30:00.000Z' }, FIRST_SEEN),
    ).toEqual({
      kind: 'closedBeforeBallast',
      resolvedAt: '2026-03-01T09:30:00.000Z',
      firstSeenAt: FIRST_SEEN,
    });
  });

  it('compares instants, not strings, and gives them as UTC: Jira writes offsets as +0200', () => {
    // 13:59+02:00 is 11:59Z, one minute before first sight.
    expect(
      dodHistory(
        { statusCategory: 'done', resolvedAt: '2026-11-20T13:59:00.000+0200' },
        FIRST_SEEN,
      ),
    ).toEqual({
      kind: 'closedBeforeBallast',
      resolvedAt: '2026-11-20T11:59:00.000Z',
      firstSeenAt: FIRST_SEEN,
    });
  });

  it.each([
    ['resolved at the very instant Ballast first saw it', 'done', FIRST_SEEN],
    [
      'closed again after Ballast came (a later resolution date)',
      'done',
      '2026-11-21T08:00:00.000Z',
    ],
    [
      're-opened (no longer Done), though once resolved before',
      'indeterminate',
      '2026-03-01T09:30:00.000Z',
    ],
    ['re-opened to To Do', 'new', '2026-03-01T09:30:00.000Z'],
    ['Done without a resolution date (cannot tell when it closed)', 'done', null],
    ['an unreadable resolution date', 'done', 'yesterday'],
  ] as const)('is a normal item when %s', (_name, statusCategory, resolvedAt) => {
    expect(dodHistory({ statusCategory, resolvedAt }, FIRST_SEEN)).toEqual({ kind: 'tracked' });
  });

  it('is a normal item while Ballast has no record of first sight', () => {
    expect(
      dodHistory({ statusCategory: 'done', resolvedAt: '2020-01-01T00:00:00.000Z' }, null),
    ).toEqual({ kind: 'tracked' });
  });
});
