import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { sourceFiles, tokenCss, tokenUses } from '../scripts/ds-tokens.mjs';
import { isSkeletonShape, Skeleton } from './shared/Skeleton';

const TOKENS_ID = 'virtual:ds-tokens.css';
const STATIC_DIR = fileURLToPath(new URL('./', import.meta.url));

/**
 * `import 'virtual:ds-tokens.css'` (static/shared/mount.tsx): the Atlassian tokens the Custom UI
 * sources use, with the light and dark values of @atlaskit/tokens, generated at every build
 * (scripts/ds-tokens.mjs), so a token added to any app's CSS is there without a generated file.
 */
function atlassianTokens(): Plugin {
  const resolved = `\0${TOKENS_ID}`;
  return {
    name: 'ballast-atlassian-tokens',
    resolveId: (id) => (id === TOKENS_ID ? resolved : undefined),
    load(id) {
      if (id !== resolved) return undefined;
      const uses = tokenUses(sourceFiles(STATIC_DIR), STATIC_DIR);
      const { css, unknown } = tokenCss(uses.keys());
      for (const name of unknown)
        this.warn(
          `${name} is not an @atlaskit/tokens token (used in ${uses.get(name)?.join(', ')})`,
        );
      return css;
    },
  };
}

/**
 * The app's loading skeleton, written into index.html's `<div id="root" data-loading-what="…"
 * data-loading-shape="…">` at build, so the frame's very first paint (styles are in the head,
 * before any script runs) is the skeleton, not a blank box; React replaces it when the app
 * renders. The markup is the shared Skeleton component's own (react-dom/server).
 */
function skeletonFirstPaint(): Plugin {
  const ROOT = /<div\s+id="root"([^>]*)><\/div>/;
  const attribute = (attributes: string, name: string) =>
    new RegExp(`\\s${name}="([^"]+)"`).exec(attributes)?.[1];
  return {
    name: 'ballast-skeleton-first-paint',
    transformIndexHtml(html, { filename }) {
      const found = ROOT.exec(html);
      const what = found && attribute(found[1] ?? '', 'data-loading-what');
      const shape = found && attribute(found[1] ?? '', 'data-loading-shape');
      if (!found || !what || !shape)
        throw new Error(
          `${filename}: <div id="root"> needs data-loading-what and data-loading-shape (its loading skeleton)`,
        );
      if (!isSkeletonShape(shape)) throw new Error(`${filename}: no skeleton shape "${shape}"`);
      const skeleton = renderToStaticMarkup(createElement(Skeleton, { what, shape }));
      return html.replace(found[0], found[0].replace(/<\/div>$/, `${skeleton}</div>`));
    },
  };
}

/**
 * Shared Vite settings for every Custom UI app: relative asset paths (Forge serves each resource
 * from its own path), output in static/<app>/build as manifest.yml's `resources` expect.
 */
export function customUiConfig(appDir: string): UserConfig {
  return defineConfig({
    root: appDir,
    base: './',
    plugins: [react(), atlassianTokens(), skeletonFirstPaint()],
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 300 },
    logLevel: 'warn',
  });
}
