import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
 * `import … from '@forge/bridge'` builds from static/shared/forge-bridge.ts: the APIs the apps call,
 * each from its own module of the package (`@forge/bridge/out/…`, which the package's `exports`
 * does not list, so they are resolved here by path). The one `@forge/i18n` function the bridge's
 * getContext calls (`ensureLocale`) comes from its module too, instead of the package index with
 * lodash. Why: bench/ui-bundles.bench.ts (what each app's first render loads).
 */
function slimBridge(): Plugin {
  const require = createRequire(import.meta.url);
  const bridgeOut = dirname(require.resolve('@forge/bridge'));
  const i18nOut = dirname(createRequire(join(bridgeOut, 'index.js')).resolve('@forge/i18n'));
  const shim = join(STATIC_DIR, 'shared', 'forge-bridge.ts');
  return {
    name: 'ballast-slim-bridge',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '@forge/bridge' && importer !== shim) return shim;
      const single = /^@forge\/bridge\/out\/(.+)$/.exec(source);
      if (single) return join(bridgeOut, `${single[1]}.js`);
      if (source === '@forge/i18n' && importer?.startsWith(bridgeOut))
        return join(i18nOut, 'ensureLocale.js');
      return undefined;
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
    plugins: [slimBridge(), react(), atlassianTokens(), skeletonFirstPaint()],
    // The manifest (build/.vite/manifest.json) names each chunk's static imports: bench/ui-bundles.bench.ts
    // counts from it the JavaScript an app loads before its first render.
    build: {
      outDir: 'build',
      emptyOutDir: true,
      sourcemap: false,
      chunkSizeWarningLimit: 300,
      manifest: true,
    },
    logLevel: 'warn',
  });
}
