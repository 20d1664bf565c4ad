/**
 * The app's licence on the sandbox site, switchable (the shell's Licence control,
 * `PUT /__shell/licence`). Forge puts a `license` into every function's context only for a paid app
 * in production; "license is undefined for free apps, apps in DEVELOPMENT and STAGING environments"
 * (developer.atlassian.com/platform/forge/function-reference/arguments/, "Context Schema"). So:
 * - `development` (the default): no licence anywhere, environment DEVELOPMENT — as `forge deploy`
 *   to the development environment gives;
 * - `active` / `inactive`: a paid production install, environment PRODUCTION, with the licence in
 *   the backend context (`isActive`, function-reference/arguments/) and in the frames'
 *   `view.getContext()` (`active`, LicenseDetails of @forge/bridge out/types.d.ts). Fixtures:
 *   test/fixtures/forge/functions/function-licence.json and view-licence.json.
 */
export type SandboxLicence = 'development' | 'active' | 'inactive';

export const SANDBOX_LICENCES: readonly SandboxLicence[] = ['development', 'active', 'inactive'];

export const isSandboxLicence = (value: unknown): value is SandboxLicence =>
  SANDBOX_LICENCES.includes(value as SandboxLicence);

export interface LicenceSwitch {
  current(): SandboxLicence;
  set(licence: SandboxLicence): void;
}

export function licenceSwitch(initial: SandboxLicence = 'development'): LicenceSwitch {
  let licence = initial;
  return {
    current: () => licence,
    set: (next) => {
      licence = next;
    },
  };
}

/** The environment Forge reports with this licence (`environmentType` of the contexts). */
export const environmentTypeOf = (licence: SandboxLicence): 'DEVELOPMENT' | 'PRODUCTION' =>
  licence === 'development' ? 'DEVELOPMENT' : 'PRODUCTION';

/** A sandbox subscription's fixed details: a monthly commercial licence. */
const SUBSCRIPTION = {
  billingPeriod: 'MONTHLY',
  ccpEntitlementId: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  ccpEntitlementSlug: 'E-SANDBOX-BALLAST',
  isEvaluation: false,
  subscriptionEndDate: null,
  supportEntitlementNumber: null,
  trialEndDate: null,
  type: 'commercial',
};

/** The backend runtime payload's `license` (becomes a resolver's `context.license`). */
export function functionLicense(licence: SandboxLicence): Record<string, unknown> | undefined {
  if (licence === 'development') return undefined;
  return { isActive: licence === 'active', capabilitySet: null, ...SUBSCRIPTION };
}

/** `view.getContext().license` of a frame. */
export function viewLicense(licence: SandboxLicence): Record<string, unknown> | undefined {
  if (licence === 'development') return undefined;
  return { active: licence === 'active', ...SUBSCRIPTION, modes: null };
}
