/**
 * A page that is only the app's module: the Ballast project page, or its project settings page.
 * Framed when manifest.yml declares the module; otherwise it says so plainly.
 */
import { FRAME_PREFIX } from '../frame';
import { targetQuery } from '../frame-context';
import { html, type SafeHtml } from '../html';
import type { UiModule } from '../manifest';
import { frameElement, notBuilt } from './layout';

export function modulePageBody(
  heading: string,
  projectKey: string,
  modules: UiModule[],
  missing: string,
): SafeHtml {
  const query = targetQuery({ projectKey });
  return html`<div class="breadcrumbs">Projects / ${projectKey} / ${heading}</div>
    <h1>${modules.length === 1 ? (modules[0]?.title ?? heading) : heading}</h1>
    ${
      modules.length === 0
        ? notBuilt(missing)
        : modules.map(
            (m) =>
              html`<section class="module wide" aria-label="${m.title}">
                ${frameElement(`${FRAME_PREFIX}${m.key}/index.html?${query}`, m.title, m.key)}
              </section>`,
          )
    }`;
}

export function messageBody(heading: string, message: string): SafeHtml {
  return html`<h1>${heading}</h1>
    <p class="message" role="alert">${message}</p>`;
}

/** A page of no project (a global page, the dashboard): the modules framed with no project target. */
export function siteModulesBody(
  heading: string,
  modules: UiModule[],
  missing: string,
  width: 'wide' | 'gadget',
): SafeHtml {
  // A global page is the app's alone (it titles itself); a dashboard has its own heading.
  return html`${width === 'gadget' ? html`<h1>${heading}</h1>` : ''}
  ${
    modules.length === 0
      ? notBuilt(missing)
      : modules.map(
          (m) =>
            html`<section class="module ${width}" aria-label="${m.title}">
              ${width === 'gadget' ? html`<h2 class="gadget-title">${m.title}</h2>` : ''}
              ${frameElement(`${FRAME_PREFIX}${m.key}/index.html`, m.title, m.key)}
            </section>`,
        )
  }`;
}
