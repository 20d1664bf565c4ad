/**
 * The licence as this frame knows it, for the banner and the greyed-out changes: first from
 * `view.getContext().license` (set by `mount`, read with the backend's one rule,
 * src/contract/licence.ts), then from the backend itself — a change refused with LICENCE_INACTIVE
 * (the licence lapsed while the page was open) turns the frame read-only at once. The browser's
 * context is not trusted for anything else: the backend decides (app-context-security).
 */
import { useSyncExternalStore } from 'react';
import { changesAllowed, licenceState, type LicenceState } from '../../src/contract/licence';

let state: LicenceState = 'none';
const listeners = new Set<() => void>();

function publish(next: LicenceState): void {
  if (next === state) return;
  state = next;
  for (const listener of listeners) listener();
}

/** Takes the licence from a Forge context (`view.getContext()`); no `license` means none needed. */
export function setViewerLicence(context: { license?: unknown }): void {
  publish(licenceState(context.license));
}

/** The backend refused a change because the licence is inactive. */
export function markLicenceInactive(): void {
  publish('inactive');
}

const snapshot = (): LicenceState => state;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** `readOnly`: the licence is inactive, so changes are disabled (reads work as always). */
export function useLicence(): { readonly state: LicenceState; readonly readOnly: boolean } {
  // The same snapshot when rendered to a string (the component tests render in Node).
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return { state: current, readOnly: !changesAllowed(current) };
}
