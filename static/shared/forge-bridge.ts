/**
 * What the apps use of `@forge/bridge`, taken from the package's own modules one by one. The
 * build points `import … from '@forge/bridge'` here (vite.config.base.ts, `slimBridge`): the
 * package's index is CommonJS re-exporting every API, so a bundler keeps all of it — the ADF
 * renderer, permissions (`@forge/egress`), i18n with lodash, realtime, object store — about 15 KB
 * gzipped per app that no Ballast app calls (measured: bench/ui-bundles.bench.ts notes). The code
 * that runs is Atlassian's, unchanged; only what is bundled differs.
 *
 * An app needing another bridge API adds it here from its module under
 * node_modules/@forge/bridge/out/ (the build fails on a name this file does not export).
 */
import { createHistory } from '@forge/bridge/out/view/createHistory';
import { getContext } from '@forge/bridge/out/view/getContext';
import { theme } from '@forge/bridge/out/view/theme';

export { invoke } from '@forge/bridge/out/invoke/invoke';
export { events } from '@forge/bridge/out/events/events';
export { router } from '@forge/bridge/out/router/router';

/** The part of `view` the apps call; the rest of `view` (modal, ADF renderer…) stays out. */
export const view = { getContext, theme, createHistory } as const;
