/**
 * Starts a Custom UI app: Jira's theme (Jira then sets html[data-color-mode], which tokens.css
 * follows), Atlassian's design tokens (values from @atlaskit/tokens, generated at build by
 * static/vite.config.base.ts), the shared styles, and the React root — with the licence banner
 * above every app (LicenceBanner.tsx).
 */
import { view } from '@forge/bridge';
import { StrictMode, type ComponentType } from 'react';
import { createRoot } from 'react-dom/client';
import { setViewerLocale } from './viewer-locale';
import { setViewerLicence } from './licence';
import { LicenceBanner } from './LicenceBanner';
import 'virtual:ds-tokens.css';
import './tokens.css';
import './ui.css';

/**
 * Until the app renders, #root shows the loading skeleton the build wrote into index.html
 * (vite.config.base.ts, `skeletonFirstPaint`): the frame is never a blank box, even while the
 * Forge context is on its way; React replaces it with the app.
 */
export function mount(App: ComponentType, name: string): void {
  // Outside Jira (or in an old host) there is no theme to follow: the OS preference applies.
  view.theme.enable().catch(() => undefined);
  const root = document.getElementById('root');
  if (!root) throw new Error(`Ballast ${name}: #root element missing from index.html`);
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <LicenceBanner />
        <App />
      </StrictMode>,
    );
  // Dates in the viewer's locale and time zone from the first paint (viewer-locale.ts); without a
  // context (outside Jira) the browser's apply.
  view.getContext().then(
    (context) => {
      setViewerLocale(context);
      // Known before the first render, so an unlicensed frame never shows a change it refuses.
      setViewerLicence(context);
      render();
    },
    () => render(),
  );
}
