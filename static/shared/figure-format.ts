/**
 * How a figure is written, for every app that shows the project page's figures (the project page
 * and the portfolio): one writing per figure, so a number reads the same on both. Pure, so tests
 * need no browser; the backend computed every value, these only choose words and rounding.
 */
import type { DoraBand, Figure, FigureUnit } from '../../src/contract/project-page';

/** Rounded to `decimals`, without trailing zeros after the point (90 stays 90, 2.50 is 2.5). */
export const trim = (value: number, decimals: number): string => {
  const fixed = value.toFixed(decimals);
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
};

export function formatValue(value: number, unit: FigureUnit): string {
  switch (unit) {
    case 'ratio':
      return `${trim(value * 100, 0)}%`;
    case 'points':
      return `${trim(value, 1)} pts`;
    case 'items':
      return `${trim(value, 1)} ${value === 1 ? 'item' : 'items'}`;
    case 'hours':
      return value < 1
        ? `${Math.round(value * 60)} min`
        : value < 48
          ? `${trim(value, 1)} h`
          : `${trim(value / 24, 1)} days`;
    case 'days':
      return `${trim(value, 1)} days`;
    case 'days-per-week':
      return `${trim(value, 1)} days/week`;
    case 'count':
      return String(value);
  }
}

/** The figure's value, or an em dash when the backend had no data (its reason is shown apart). */
export function formatFigure(figure: Pick<Figure, 'value' | 'unit'>): string {
  return figure.value === null ? '—' : formatValue(figure.value, figure.unit);
}

export const percent = (share: number | null): string =>
  share === null ? '—' : `${trim(share * 100, 0)}%`;

/** A share of capacity to a tenth of a percent, as the sprint planner writes it (68.6%). */
export const capacityPercent = (share: number | null): string =>
  share === null ? '—' : `${trim(share * 100, 1)}%`;

export const BAND_LABEL: Record<DoraBand, string> = {
  elite: 'Elite',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};
