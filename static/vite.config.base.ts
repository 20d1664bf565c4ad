import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * Shared Vite settings for every Custom UI app: relative asset paths (Forge serves each resource
 * from its own path), output in static/<app>/build as manifest.yml's `resources` expect.
 */
export function customUiConfig(appDir: string): UserConfig {
  return defineConfig({
    root: appDir,
    base: './',
    plugins: [react()],
    build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 300 },
    logLevel: 'warn',
  });
}
