import { performance } from 'node:perf_hooks';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { USER_COOKIE } from '../../sandbox/shell/users';
import { openBrowserSandbox } from '../../test/e2e/browser-sandbox';
const CASES = [
  ['ballast-issue-panel', 'main.panel .work-type-row', '/browse/SHOP-12'],
  ['ballast-project-page', '[data-figure^="Velocity"] .tile-value', '/projects/SHOP/ballast'],
  ['ballast-project-settings', 'main.settings input.input-number', '/projects/SHOP/settings'],
] as const;
const env = await openBrowserSandbox({ name: 'prof', viewport: { width: 1400, height: 1000 }, appSeed: 'demo' });
for (const [key, sel, path] of CASES) {
  for (let run = 0; run < 3; run++) {
    const context = await env.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addCookies([{ name: USER_COOKIE, value: ADMIN_ACCOUNT_ID, url: env.sandbox.url }]);
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${env.sandbox.url}${path}`, { waitUntil: 'commit' });
    await page.frameLocator(`iframe[data-module-key="${key}"]`).locator(sel).first().waitFor({ state: 'visible' });
    const wall = performance.now() - t0;
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    const pageRes = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`));
    const frame = await (await page.locator(`iframe[data-module-key="${key}"]`).elementHandle())!.contentFrame();
    const fr = await frame!.evaluate(() => ({ origin: performance.timeOrigin, res: performance.getEntriesByType('resource').map((e) => `${e.name.replace(/^https?:\/\/[^/]+/, '')} ${e.startTime.toFixed(0)}-${(e as PerformanceResourceTiming).responseEnd.toFixed(0)}`), nav: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).toJSON(), paint: performance.getEntriesByType('paint').map(p => `${p.name} ${p.startTime.toFixed(0)}`) }));
    const off = fr.origin - pageOrigin;
    const pnav = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).toJSON());
    console.log(`\n${key} run ${run}: wall ${wall.toFixed(0)} ms; page responseEnd ${pnav.responseEnd.toFixed(0)} domContentLoaded ${pnav.domContentLoadedEventEnd.toFixed(0)}; frame starts at +${off.toFixed(0)}`);
    console.log('  page res:', pageRes.join(' | '));
    console.log(`  frame nav responseEnd ${fr.nav.responseEnd.toFixed(0)} dcl ${fr.nav.domContentLoadedEventEnd.toFixed(0)}; ${fr.paint.join(', ')}`);
    console.log('  frame res:', fr.res.join(' | '));
    await context.close();
  }
}
await env.close();
process.exit(0);
