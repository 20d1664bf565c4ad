// Atlassian design tokens from @atlaskit/tokens, as the CSS the Custom UI apps and the sandbox shell
// load: only the `--ds-*` properties the sources use, each with the light and dark values of the
// package's own theme CSS (artifacts/themes/atlassian-light.js, -dark, -spacing, -shape,
// -typography: the CSS Jira injects after `view.theme.enable()`). The package's theme CSS applies
// only under `html[data-theme~="light:light"]` and the like, which a Custom UI frame has only once
// Jira injects it; and all of it is ~20 KB raw per theme. So the values are re-emitted on :root:
// a colour as light-dark(light, dark), which follows `color-scheme` (set from html[data-color-mode]
// by static/shared/tokens.css, or the OS preference), anything else that differs between the
// themes (shadows) in scoped rules. Jira's own injected theme, more specific, still wins.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const THEMES = '@atlaskit/tokens/dist/cjs/artifacts/themes/';

/** `--ds-name: value;` declarations of one of the package's theme CSS strings. */
function declarations(theme) {
  const css = require(`${THEMES}${theme}.js`).default;
  const values = new Map();
  for (const [, name, value] of css.matchAll(/(--ds-[a-z0-9-]+):\s*([^;]+);/g)) {
    if (!values.has(name)) values.set(name, value.trim());
  }
  return values;
}

let cached;
/**
 * Every token of the package: its CSS property name → { light, dark } (the same value twice for
 * spacing, shape and typography). `names` is the package's list of token names (token-names).
 */
export function packageTokens() {
  if (cached) return cached;
  const names = require('@atlaskit/tokens/token-names').default;
  const light = declarations('atlassian-light');
  const dark = declarations('atlassian-dark');
  const values = new Map();
  for (const [name, value] of light)
    values.set(name, { light: value, dark: dark.get(name) ?? value });
  for (const theme of ['atlassian-spacing', 'atlassian-shape', 'atlassian-typography']) {
    for (const [name, value] of declarations(theme))
      values.set(name, { light: value, dark: value });
  }
  cached = {
    /** Token path (`color.text`) → CSS property (`--ds-text`). */
    paths: new Map(Object.entries(names)),
    /** Every CSS property name the package defines a token for. */
    names: new Set(Object.values(names)),
    values,
  };
  return cached;
}

/** `--ds-*` names in a source text, and the names of `token('color.text')` calls. */
export function tokenNamesIn(text) {
  const found = new Set(text.match(/--ds-[a-z0-9-]*[a-z0-9]/g) ?? []);
  const { paths } = packageTokens();
  for (const [, path] of text.matchAll(/\btoken\(\s*['"]([a-zA-Z0-9.]+)['"]/g)) {
    found.add(paths.get(path) ?? `token('${path}')`);
  }
  return found;
}

const SOURCE = /\.(css|tsx?)$/;
const SKIP = new Set(['node_modules', 'build', 'testing']);

/** Source files (CSS, TS, TSX) under `dir`, not build output or tests. */
export function sourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir)) {
    if (SKIP.has(entry)) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE.test(entry) && !/\.test\.tsx?$/.test(entry)) files.push(path);
  }
  return files;
}

/** Token name → the files (relative to `root`) that use it. */
export function tokenUses(files, root) {
  const uses = new Map();
  for (const file of files) {
    for (const name of tokenNamesIn(readFileSync(file, 'utf8'))) {
      uses.set(name, [...(uses.get(name) ?? []), relative(root, file)]);
    }
  }
  return uses;
}

const isColour = (value) => /^(#[0-9a-f]{3,8}|rgba?\([^)]*\)|transparent)$/i.test(value);

/**
 * The CSS for `names`: those the package knows, with its values; unknown names are left out
 * (test/ui/design-tokens.test.ts fails on them) and returned in `unknown`.
 */
export function tokenCss(names) {
  const { values } = packageTokens();
  const root = [];
  const dark = [];
  const unknown = [];
  for (const name of [...names].sort()) {
    const value = values.get(name);
    if (value === undefined) {
      unknown.push(name);
    } else if (value.light === value.dark) {
      root.push(`  ${name}: ${value.light};`);
    } else if (isColour(value.light) && isColour(value.dark)) {
      root.push(`  ${name}: light-dark(${value.light}, ${value.dark});`);
    } else {
      root.push(`  ${name}: ${value.light};`);
      dark.push(`  ${name}: ${value.dark};`);
    }
  }
  const version = require('@atlaskit/tokens/package.json').version;
  let css = `/* Generated from @atlaskit/tokens ${version} (scripts/ds-tokens.mjs): the tokens Ballast uses. */\n`;
  css += `:root {\n${root.join('\n')}\n}\n`;
  if (dark.length > 0) {
    const block = dark.join('\n');
    css += `html[data-color-mode='dark'] {\n${block}\n}\n`;
    css += `@media (prefers-color-scheme: dark) {\n  html:not([data-color-mode='light']) {\n${block.replace(/^/gm, '  ')}\n  }\n}\n`;
  }
  return { css, unknown };
}
