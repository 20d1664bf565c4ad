import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { USER_COOKIE } from './sandbox/shell/users';
const url = process.argv[2] ?? 'http://127.0.0.1:4871';
const out = '/work/wt-h-portfolio/artifacts/screenshots';
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
const rows = async (key: string) => {
  const f = page.frameLocator(`iframe[data-module-key="${key}"]`);
  await f.locator('.portfolio-table tbody tr').first().waitFor({ timeout: 90_000 });
  const list = await f.locator('.portfolio-table tbody tr').all();
  return Promise.all(list.map((r) => r.getAttribute('data-project')));
};
for (const [who, id] of [['admin', 'acc-ada-admin'], ['member', 'acc-marco-member']] as const) {
  await page.context().addCookies([{ name: USER_COOKIE, value: id, url }]);
  for (const [name, path, key] of [
    ['page', '/jira/apps/ballast-portfolio', 'ballast-portfolio'],
    ['gadget', '/jira/dashboards/1', 'ballast-portfolio-gadget'],
  ] as const) {
    await page.goto(url + path);
    console.log(who, name, await rows(key));
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.waitForTimeout(500);
      await page.screenshot({ path: `${out}/portfolio-${name}-${who}-${scheme}.png`, fullPage: true });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
}
await browser.close();
