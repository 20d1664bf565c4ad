import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { sourceFiles, tokenCss, tokenUses } from '../scripts/ds-tokens.mjs';

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
 * Shared Vite settings for every Custom UI app: relative asset paths (Forge serves each resource
 * from its own path), output in static/<app>/build as manifest.yml's `resources` expect.
 */
export function customUiConfig(appDir: string): UserConfig {
  return defineConfig({
    root: appDir,
    base: './',
    plugins: [react(), atlassianTokens()],
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 300 },
    logLevel: 'warn',
  });
}
