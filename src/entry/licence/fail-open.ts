/**
 * Ballast's enforcement without an active licence: it steps aside. A workflow never blocks, an item
 * is never re-opened and a sprint's overflow is never moved because a licence lapsed — the team's
 * work is not held hostage to a billing state. Each time, the function says so in the app's log
 * (`forge logs`), naming what it let through; the UI banner says it to people
 * (LICENCE_INACTIVE_MESSAGE).
 */
import { changesAllowed } from '../../contract/licence';
import { invocationLicence } from './invocation-licence';

/**
 * True when the licence in the invocation's context is inactive, after logging that `what` (e.g.
 * "the DoD validator let SHOP-12 through") happened without Ballast's check.
 */
export function steppingAsideWithoutLicence(
  context: unknown,
  where: string,
  what: string,
): boolean {
  if (changesAllowed(invocationLicence(context, where))) return false;
  console.warn(`Ballast licence inactive: ${what} without checking (${where}).`);
  return true;
}
