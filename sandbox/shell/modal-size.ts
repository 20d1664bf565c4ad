/**
 * The size of the dialog a backlog or sprint action opens in, from its manifest `viewportSize`, as
 * Forge sizes its modals (developer.atlassian.com, Forge bridge "Modal": small 400px wide and 20vh
 * high with at least 320px, medium 600px / 40vh / 520px, large 800px / 70vh / 720px, xlarge 968px /
 * 90vh, max the whole viewport) or a custom `{ width, height }`. Never wider or taller than the
 * viewport, as Jira's modal. Jira's default is medium.
 */
import { z } from 'zod';

export const NAMED_MODAL_SIZES = ['small', 'medium', 'large', 'xlarge', 'max'] as const;
export type NamedModalSize = (typeof NAMED_MODAL_SIZES)[number];
export type ViewportSize = NamedModalSize | 'resizable' | { width: string; height?: string };

export const viewportSizeSchema = z.union([
  z.enum([...NAMED_MODAL_SIZES, 'resizable']),
  z.object({ width: z.string(), height: z.string().optional() }),
]);

interface Dimensions {
  width: string;
  height: string;
  minHeight?: string;
}

const NAMED: Record<NamedModalSize, Dimensions> = {
  small: { width: '400px', height: '20vh', minHeight: '320px' },
  medium: { width: '600px', height: '40vh', minHeight: '520px' },
  large: { width: '800px', height: '70vh', minHeight: '720px' },
  xlarge: { width: '968px', height: '90vh' },
  max: { width: '100vw', height: '100vh' },
};

// A CSS length the shell writes into a style attribute: digits and a unit, or a percentage.
const LENGTH = /^\d+(\.\d+)?(px|vw|vh|%|rem|em)$/;

/** The dialog's inline style for a module's `viewportSize` (medium when absent or unusable). */
export function dialogStyle(size: ViewportSize | undefined): string {
  let dims: Dimensions = NAMED.medium;
  if (typeof size === 'string' && size in NAMED) dims = NAMED[size as NamedModalSize];
  // "resizable" lets the user drag Jira's modal; the sandbox opens it at large.
  if (size === 'resizable') dims = NAMED.large;
  if (typeof size === 'object' && LENGTH.test(size.width)) {
    dims = {
      width: size.width,
      height: size.height !== undefined && LENGTH.test(size.height) ? size.height : '70vh',
    };
  }
  const declarations = [
    `width: min(${dims.width}, 100vw)`,
    `height: min(${dims.height}, 100vh)`,
    ...(dims.minHeight === undefined ? [] : [`min-height: min(${dims.minHeight}, 100vh)`]),
  ];
  return declarations.join('; ');
}
