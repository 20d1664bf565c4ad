/**
 * The sandbox's Forge host passes the licence in the shapes Atlassian documents
 * (test/fixtures/forge/functions/function-licence.json and view-licence.json): to functions as
 * `license.isActive`, to frames as `license.active`, and not at all in development.
 */
import { describe, expect, it } from 'vitest';
import { environmentTypeOf, functionLicense, viewLicense } from '../../sandbox/forge/host/licence';
import { forgeFixture } from '../fixtures/forge/load';
import { shapeDifferences } from '../support/json-shape';

describe('the sandbox licence', () => {
  it.each(['active', 'inactive'] as const)(
    'an %s licence reaches functions shaped as function-reference/arguments documents',
    (licence) => {
      const fixture = forgeFixture('functions/function-licence');
      expect(shapeDifferences(functionLicense(licence), fixture.payload, fixture.shape)).toEqual(
        [],
      );
      expect(functionLicense(licence)?.isActive).toBe(licence === 'active');
    },
  );

  it.each(['active', 'inactive'] as const)(
    'an %s licence reaches frames shaped as @forge/bridge’s LicenseDetails',
    (licence) => {
      const fixture = forgeFixture('functions/view-licence');
      expect(shapeDifferences(viewLicense(licence), fixture.payload, fixture.shape)).toEqual([]);
      expect(viewLicense(licence)?.active).toBe(licence === 'active');
    },
  );

  it('is absent in development, where Forge gives none, and present only in production', () => {
    expect(functionLicense('development')).toBeUndefined();
    expect(viewLicense('development')).toBeUndefined();
    expect(environmentTypeOf('development')).toBe('DEVELOPMENT');
    expect(environmentTypeOf('inactive')).toBe('PRODUCTION');
  });
});
