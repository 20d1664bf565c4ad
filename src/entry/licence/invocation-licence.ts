/**
 * The licence of one Forge invocation, from the context Forge passes every function — a resolver's
 * `context.license` (copied there by @forge/resolver), or the second argument of a validator,
 * trigger, scheduled trigger or web trigger (function-reference/arguments/, "Context Schema").
 * Read with the one rule of src/contract/licence.ts.
 */
import { licenceState, type LicenceState } from '../../contract/licence';

export function invocationLicence(context: unknown, where: string): LicenceState {
  const license =
    context !== null && typeof context === 'object'
      ? (context as { license?: unknown }).license
      : undefined;
  const state = licenceState(license);
  if (state === 'unreadable')
    console.warn(
      `Ballast ${where}: the licence in the Forge context has no boolean isActive; treated as active.`,
      license,
    );
  return state;
}
