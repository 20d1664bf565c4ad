import type { DoraBand } from '../../src/contract/project-page';
import { BAND_LABEL } from './figure-format';

/** A DORA performance band as a labelled lozenge (Elite/High green, Medium yellow, Low red). */
export function DoraLozenge({ band }: { band: DoraBand | null }) {
  if (band === null) return null;
  return (
    <span className={`lozenge lozenge-band-${band}`} aria-label={`DORA band: ${BAND_LABEL[band]}`}>
      {BAND_LABEL[band]}
    </span>
  );
}
