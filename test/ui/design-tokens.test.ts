/**
 * The Custom UI and the sandbox shell use Atlassian's design tokens by their real names: every
 * `--ds-*` name in their sources is a token of @atlaskit/tokens, and the CSS generated for them
 * carries the package's light and dark values (scripts/ds-tokens.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  packageTokens,
  sourceFiles,
  tokenCss,
  tokenNamesIn,
  tokenUses,
} from '../../scripts/ds-tokens.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const STATIC = join(ROOT, 'static');
const SHELL_ASSETS = join(ROOT, 'sandbox', 'shell', 'assets');

const usesIn = (dir: string) => tokenUses(sourceFiles(dir), dir);
const light = (path: string) => packageTokens().values.get(packageTokens().paths.get(path) ?? '');

describe('design token names', () => {
  it('reads the package: hundreds of tokens, with light and dark values', () => {
    const { names, values } = packageTokens();
    expect(names.size).toBeGreaterThan(400);
    expect(names).toContain('--ds-text');
    expect(values.get('--ds-text')?.light).toMatch(/^#[0-9A-F]{6}$/i);
    expect(values.get('--ds-text')?.dark).not.toBe(values.get('--ds-text')?.light);
  });

  it('finds --ds-* names and token() paths in a source', () => {
    expect([
      ...tokenNamesIn("a { color: var(--ds-text-subtle); } token('color.link') token('x.y')"),
    ]).toEqual(['--ds-text-subtle', '--ds-link', "token('x.y')"]);
  });

  it('every --ds-* name in static/ is an @atlaskit/tokens token', () => {
    const { names } = packageTokens();
    const unknown = [...usesIn(STATIC)]
      .filter(([name]) => !names.has(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(unknown).toEqual([]);
  });

  it("every --ds-* name in the sandbox shell's CSS is an @atlaskit/tokens token", () => {
    const { names } = packageTokens();
    const unknown = [...usesIn(SHELL_ASSETS)].filter(([name]) => !names.has(name));
    expect(unknown).toEqual([]);
  });
});

describe('generated token CSS', () => {
  it('gives a colour its light and dark values as light-dark()', () => {
    const text = light('color.text');
    const { css, unknown } = tokenCss(['--ds-text', '--ds-space-100']);
    expect(unknown).toEqual([]);
    expect(css).toContain(`--ds-text: light-dark(${text?.light}, ${text?.dark});`);
    expect(css).toMatch(/--ds-space-100: 0\.5rem;/);
    expect(css).not.toContain('--ds-link');
  });

  it('scopes a non-colour value that differs in the dark theme (shadows)', () => {
    const shadow = light('elevation.shadow.overlay');
    const { css } = tokenCss(['--ds-shadow-overlay']);
    expect(shadow?.light).not.toBe(shadow?.dark);
    expect(css).toContain(`:root {\n  --ds-shadow-overlay: ${shadow?.light};`);
    expect(css).toContain(
      `html[data-color-mode='dark'] {\n  --ds-shadow-overlay: ${shadow?.dark};`,
    );
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
  });

  it('leaves out and reports a name the package does not have', () => {
    const { css, unknown } = tokenCss(['--ds-not-a-token']);
    expect(unknown).toEqual(['--ds-not-a-token']);
    expect(css).not.toContain('--ds-not-a-token');
  });

  it("draws the checkbox tick in color.icon.inverse's light and dark values", () => {
    const inverse = light('color.icon.inverse');
    const ui = readFileSync(join(STATIC, 'shared', 'ui.css'), 'utf8');
    const strokes = [...ui.matchAll(/stroke='%23([0-9A-F]{6})'/gi)].map((m) => `#${m[1]}`);
    expect(strokes).toEqual([inverse?.light, inverse?.dark, inverse?.dark]);
  });
});
