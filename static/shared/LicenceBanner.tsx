/**
 * The read-only state of an unlicensed install, the same in every app: a banner that says what
 * still works and what to do (the words of src/contract/licence.ts, also the error a refused change
 * returns), and a fieldset that disables the controls that change something.
 */
import type { ReactNode } from 'react';
import { LICENCE_INACTIVE_MESSAGE, LICENCE_INACTIVE_TITLE } from '../../src/contract/licence';
import { useLicence } from './licence';

/** Shown above every app (mount.tsx) while the licence is inactive; nothing otherwise. */
export function LicenceBanner() {
  const { readOnly } = useLicence();
  if (!readOnly) return null;
  return (
    <div className="message message-warning licence-banner" role="status" aria-label="Licence">
      <p className="message-title">{LICENCE_INACTIVE_TITLE}</p>
      <p>{LICENCE_INACTIVE_MESSAGE}</p>
    </div>
  );
}

/**
 * Wraps controls that change what Ballast stores: while the licence is inactive a disabled
 * fieldset disables every button, input and select inside it (HTML's `fieldset disabled`), so
 * nothing can be sent that the backend would refuse. Reading controls stay outside it.
 */
export function ChangesFieldset({ children }: { children: ReactNode }) {
  const { readOnly } = useLicence();
  return (
    <fieldset className="licence-fieldset" disabled={readOnly}>
      {children}
    </fieldset>
  );
}
