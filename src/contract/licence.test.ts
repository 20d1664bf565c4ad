import { describe, expect, it } from 'vitest';
import { forgeFixture } from '../../test/fixtures/forge/load';
import { changesAllowed, licenceState, type LicenceState } from './licence';
import { CHANGE_WORDS, RESOLVER_ACCESS } from './resolver-access';

const backend = forgeFixture('functions/function-licence').payload;
const frontend = forgeFixture('functions/view-licence').payload;

describe('licenceState', () => {
  it.each<[string, unknown, LicenceState]>([
    ['no licence (free, development, staging, unlisted) is none', undefined, 'none'],
    ['a null licence is none', null, 'none'],
    ['the documented backend licence with isActive false is inactive', backend, 'inactive'],
    [
      'the documented backend licence with isActive true is active',
      { ...backend, isActive: true },
      'active',
    ],
    ['the bridge’s licence with active false is inactive', frontend, 'inactive'],
    ['the bridge’s licence with active true is active', { ...frontend, active: true }, 'active'],
    ['isActive wins when a context names both', { isActive: true, active: false }, 'active'],
    ['a licence without a boolean flag is unreadable', { isActive: 'true' }, 'unreadable'],
    ['a licence that is not an object is unreadable', 'active', 'unreadable'],
  ])('%s', (_name, license, expected) => {
    expect(licenceState(license)).toBe(expected);
  });

  it('stops changes only when the licence is inactive', () => {
    expect((['active', 'inactive', 'none', 'unreadable'] as const).map(changesAllowed)).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });
});

describe('resolver access', () => {
  it('names in words every change a licence can refuse, and only those', () => {
    const changes = Object.entries(RESOLVER_ACCESS)
      .filter(([, access]) => access === 'change')
      .map(([key]) => key)
      .sort();
    expect(Object.keys(CHANGE_WORDS).sort()).toEqual(changes);
  });
});
