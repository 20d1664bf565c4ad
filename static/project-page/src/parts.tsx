/** Small building blocks of the project page: a figure tile, DORA band lozenge, notes. */
import type { ReactNode } from 'react';
import type { DoraFigure, Figure } from '../../../src/contract/project-page';
import { DoraLozenge } from '../../shared/DoraLozenge';
import { formatFigure } from './format';

export { DoraLozenge } from '../../shared/DoraLozenge';

/**
 * One headline figure: its value, or — when the backend had no data — a dash and the reason in
 * words. Never a 0 standing in for "unknown".
 */
export function FigureTile({
  label,
  figure,
  children,
  band,
}: {
  label: string;
  figure: Pick<Figure, 'value' | 'unit' | 'reason' | 'sampleSize'>;
  children?: ReactNode;
  band?: DoraFigure['band'];
}) {
  return (
    <div className="tile" data-figure={label}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">
        <span className={figure.value === null ? 'tile-none' : undefined}>
          {formatFigure(figure)}
        </span>
        {band !== undefined ? <DoraLozenge band={band} /> : null}
      </div>
      {figure.value === null && figure.reason ? (
        <p className="tile-reason">{figure.reason}</p>
      ) : (
        children
      )}
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="page-section" aria-label={title}>
      <h2 className="page-section-title">{title}</h2>
      {children}
    </section>
  );
}

/** Why a whole section has no data (no board chosen, incident JQL refused…). */
export function EmptyNote({ children }: { children: ReactNode }) {
  return (
    <div className="message message-empty" role="note">
      {children}
    </div>
  );
}
