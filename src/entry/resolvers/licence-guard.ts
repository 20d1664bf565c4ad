/**
 * With an inactive licence, resolvers that change what Ballast stores refuse with LICENCE_INACTIVE
 * before doing anything (nothing is written, nothing stored is lost); reads answer as always
 * (src/contract/resolver-access.ts says which is which). Forge's listing guide asks paid apps to
 * "check the license status of your app when your functions are invoked, and implement reduced
 * functionality if your app is unlicensed" (developer.atlassian.com/platform/marketplace/
 * listing-forge-apps/, "Building a paid app"). The resolver context's `license` is the trusted one
 * (app-context-security).
 */
import { AppError } from '../../app/errors';
import { changesAllowed, licenceRefusal } from '../../contract/licence';
import { CHANGE_WORDS, RESOLVER_ACCESS } from '../../contract/resolver-access';
import type { ResolverKey } from '../../contract/resolvers';
import { invocationLicence } from '../licence/invocation-licence';

export function refuseChangeWithoutLicence(key: ResolverKey, context: unknown): void {
  if (RESOLVER_ACCESS[key] !== 'change') return;
  if (changesAllowed(invocationLicence(context, `resolver ${key}`))) return;
  throw new AppError('LICENCE_INACTIVE', licenceRefusal(CHANGE_WORDS[key] ?? 'make the change'));
}
