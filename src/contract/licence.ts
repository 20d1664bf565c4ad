/**
 * Ballast's licence, read the way Forge hands it over. One reading for the backend (resolvers,
 * validators, triggers) and the Custom UI (banner), so both say the same thing.
 *
 * Where it comes from:
 * - Backend: the invocation context's `license` (developer.atlassian.com/platform/forge/
 *   function-reference/arguments/, "Context Schema": `license?: { isActive: boolean;
 *   billingPeriod?, capabilitySet?, ccpEntitlementId?, isEvaluation?, subscriptionEndDate?,
 *   trialEndDate?, type?, … }`); @forge/resolver copies it into each resolver's `context.license`
 *   (node_modules/@forge/resolver/out/index.js, `license: backendRuntimePayload?.license`). Only
 *   this one is trusted: "Only license, accountId, accountType, and installContext from the context
 *   parameter in each resolver function are guaranteed to be secure"
 *   (developer.atlassian.com/platform/forge/app-context-security/).
 * - Custom UI: `view.getContext()` returns `license?: LicenseDetails` whose flag is `active`
 *   (@forge/bridge 7.2.0 out/types.d.ts, `FullContext.license`; the same `active` in
 *   runtime-reference/app-context-api's `LicenseDetails`). Browser context can be changed, so the UI
 *   uses it only to show the banner and grey out changes; the backend enforces.
 * - "This field is only present for paid apps in the production environment. license is undefined
 *   for free apps, apps in DEVELOPMENT and STAGING environments, and apps that are not listed on the
 *   Atlassian Marketplace" (function-reference/arguments/): no licence means nothing to enforce.
 * - Licensing is switched on by `app.licensing.enabled: true` in manifest.yml
 *   (developer.atlassian.com/platform/marketplace/listing-forge-apps/, "Enabling licensing").
 */

/**
 * - `active`: a paid production install whose licence is active.
 * - `inactive`: the licence is present and not active (lapsed, cancelled): Ballast is read-only.
 * - `none`: no licence in the context (free, development, staging, unlisted): everything works.
 * - `unreadable`: a licence object without a boolean flag: treated as active (a changed platform
 *   shape must not lock paying customers out) and logged by the backend.
 */
export type LicenceState = 'active' | 'inactive' | 'none' | 'unreadable';

/** The state of a Forge `license` value from either the backend context or `view.getContext()`. */
export function licenceState(license: unknown): LicenceState {
  if (license === undefined || license === null) return 'none';
  if (typeof license !== 'object') return 'unreadable';
  const { isActive, active } = license as { isActive?: unknown; active?: unknown };
  // Backend contexts say `isActive`, the bridge's `active`; a context naming both is read by the
  // backend's name first.
  const flag = typeof isActive === 'boolean' ? isActive : active;
  if (typeof flag !== 'boolean') return 'unreadable';
  return flag ? 'active' : 'inactive';
}

/** Whether people may change what Ballast stores: only an inactive licence stops them. */
export const changesAllowed = (state: LicenceState): boolean => state !== 'inactive';

/**
 * What a person reads when the licence is inactive — on the banner of every app and in the error a
 * refused change returns — so it says what still works and what to do.
 */
export const LICENCE_INACTIVE_TITLE = 'Ballast is read-only: its licence is not active';

export const LICENCE_INACTIVE_MESSAGE =
  'Ballast’s licence for this site is not active, so changes are paused. Everything Ballast stored ' +
  'is kept and still shown, SLI data and deployments pushed by CI are still accepted, and the ' +
  'Ballast workflow validators let every transition through. A Jira administrator can renew or ' +
  'start the subscription in Jira settings › Apps › Manage apps; changes work again as soon as ' +
  'the licence is active.';

/** What a refused change says: the one message, prefixed with what was refused. */
export const licenceRefusal = (what: string): string =>
  `Ballast did not ${what}: ${LICENCE_INACTIVE_MESSAGE}`;
