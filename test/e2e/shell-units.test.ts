/**
 * The shell's pure pieces, without a browser: escaping, the bridge injection, manifest reading,
 * the user cookie, frame targets, card data from the Ballast property, and path confinement.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEMBER_ACCOUNT_ID, ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { cardOf } from '../../sandbox/shell/backlog-data';
import { injectBridge, type FrameBoot } from '../../sandbox/shell/frame';
import { targetFromQuery } from '../../sandbox/shell/frame-context';
import { html, scriptJson } from '../../sandbox/shell/html';
import { safeBack } from '../../sandbox/shell/http-util';
import { readAppManifest } from '../../sandbox/shell/manifest';
import { dialogStyle } from '../../sandbox/shell/modal-size';
import { readInside } from '../../sandbox/shell/static-files';
import { themeFromCookie } from '../../sandbox/shell/theme';
import { userFromCookie } from '../../sandbox/shell/users';

describe('html', () => {
  it('escapes interpolated values and keeps nested fragments', () => {
    const summary = `<script>alert("x")</script> & 'y'`;
    expect(html`<p title="${summary}">${summary}${html`<b>ok</b>`}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;<b>ok</b></p>',
    );
  });

  it('writes JSON that cannot close its script element', () => {
    expect(scriptJson({ s: '</script><script>' }).value).not.toContain('</script>');
  });
});

describe('injectBridge', () => {
  const boot = { moduleKey: 'm', target: { projectKey: 'SHOP' } } as unknown as FrameBoot;

  it('puts the context and the bridge before the bundle script', () => {
    const page =
      '<html><head><meta charset="UTF-8"><script type="module" src="./a.js"></script></head></html>';
    const out = injectBridge(page, boot);
    const bridge = out.indexOf('/__shell/assets/bridge.js');
    expect(out.indexOf('window.__sandboxFrame')).toBeLessThan(bridge);
    expect(bridge).toBeLessThan(out.indexOf('./a.js'));
    expect(out.indexOf('<meta charset')).toBeLessThan(out.indexOf('window.__sandboxFrame'));
  });

  it('falls back to the end of head, then to the start', () => {
    expect(injectBridge('<head></head>', boot)).toMatch(/bridge\.js"><\/script><\/head>$/);
    expect(injectBridge('<p>x</p>', boot)).toMatch(/^<script>/);
  });
});

describe('readAppManifest', () => {
  it('lists the framed modules with their resources and resolver handlers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-manifest-'));
    writeFileSync(
      join(dir, 'manifest.yml'),
      [
        'app: { id: "ari:cloud:ecosystem::app/x" }',
        'modules:',
        '  jira:projectPage:',
        '    - { key: page, title: Ballast, resource: ui, resolver: { function: r } }',
        '  jira:sprintAction:',
        '    - { key: act, title: { i18n: t }, resource: missing }',
        '  trigger:',
        '    - { key: t, function: r, events: [] }',
        '  function:',
        '    - { key: r, handler: index.resolver }',
        'resources:',
        '  - { key: ui, path: static/ui/build }',
      ].join('\n'),
    );
    const manifest = readAppManifest(join(dir, 'manifest.yml'));
    expect(manifest.modules).toEqual([
      {
        type: 'jira:projectPage',
        key: 'page',
        title: 'Ballast',
        resourceKey: 'ui',
        resourceDir: join(dir, 'static/ui/build'),
        functionKey: 'r',
        handler: 'index.resolver',
      },
      {
        type: 'jira:sprintAction',
        key: 'act',
        title: 'act',
        resourceKey: 'missing',
        resourceDir: undefined,
        functionKey: undefined,
        handler: undefined,
      },
    ]);
  });

  it("reads a backlog or sprint action's viewportSize, named or custom", () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-manifest-'));
    writeFileSync(
      join(dir, 'manifest.yml'),
      [
        'app: { id: "ari:cloud:ecosystem::app/x" }',
        'modules:',
        '  jira:backlogAction:',
        '    - { key: a, title: A, viewportSize: xlarge }',
        '    - { key: b, title: B, viewportSize: { width: 500px, height: 50vh } }',
        '    - { key: c, title: C, viewportSize: huge }',
        '    - { key: d, title: D }',
      ].join('\n'),
    );
    const sizes = readAppManifest(join(dir, 'manifest.yml')).modules.map((m) => m.viewportSize);
    expect(sizes).toEqual(['xlarge', { width: '500px', height: '50vh' }, undefined, undefined]);
  });

  it("reads the repository's manifest: the issue panel is there", () => {
    const manifest = readAppManifest(join(process.cwd(), 'manifest.yml'));
    expect(manifest.modules.map((m) => m.key)).toContain('ballast-issue-panel');
  });
});

describe('dialogStyle (Forge modal sizes)', () => {
  it.each([
    ['small', 'width: min(400px, 100vw); height: min(20vh, 100vh); min-height: min(320px, 100vh)'],
    ['medium', 'width: min(600px, 100vw); height: min(40vh, 100vh); min-height: min(520px, 100vh)'],
    ['large', 'width: min(800px, 100vw); height: min(70vh, 100vh); min-height: min(720px, 100vh)'],
    ['xlarge', 'width: min(968px, 100vw); height: min(90vh, 100vh)'],
    ['max', 'width: min(100vw, 100vw); height: min(100vh, 100vh)'],
  ] as const)('sizes %s as Forge does', (size, style) => {
    expect(dialogStyle(size)).toBe(style);
  });

  it('is medium when the module says nothing, and honours a custom size', () => {
    expect(dialogStyle(undefined)).toBe(dialogStyle('medium'));
    expect(dialogStyle({ width: '500px', height: '50vh' })).toBe(
      'width: min(500px, 100vw); height: min(50vh, 100vh)',
    );
  });

  it('never writes a custom value that is not a plain CSS length', () => {
    expect(dialogStyle({ width: '1px; background: url(x)' })).toBe(dialogStyle('medium'));
    expect(dialogStyle({ width: '50%', height: 'calc(1px)' })).toBe(
      'width: min(50%, 100vw); height: min(70vh, 100vh)',
    );
  });
});

describe('users and requests', () => {
  it('remembers the theme, and falls back to the browser preference', () => {
    expect(themeFromCookie('sandbox-user=x; sandbox-theme=dark')).toBe('dark');
    expect(themeFromCookie('sandbox-theme=light')).toBe('light');
    expect(themeFromCookie('sandbox-theme=sepia')).toBe('auto');
    expect(themeFromCookie(undefined)).toBe('auto');
  });

  it('remembers the member, and falls back to the admin', () => {
    expect(userFromCookie(`a=b; sandbox-user=${MEMBER_ACCOUNT_ID}`).accountId).toBe(
      MEMBER_ACCOUNT_ID,
    );
    expect(userFromCookie(undefined).accountId).toBe(ADMIN_ACCOUNT_ID);
    expect(userFromCookie('sandbox-user=acc-ballast-app').accountId).toBe(ADMIN_ACCOUNT_ID);
  });

  it('redirects only to paths of the sandbox', () => {
    expect(safeBack('/browse/SHOP-1')).toBe('/browse/SHOP-1');
    expect(safeBack('//evil.example')).toBe('/');
    expect(safeBack('https://evil.example')).toBe('/');
    expect(safeBack(null)).toBe('/');
  });

  it('accepts only well-formed frame targets', () => {
    expect(targetFromQuery(new URLSearchParams('projectKey=SHOP&issueKey=SHOP-12'))).toEqual({
      projectKey: 'SHOP',
      issueKey: 'SHOP-12',
    });
    expect(targetFromQuery(new URLSearchParams('projectKey=SHOP&sprintId=9')).sprintId).toBe(9);
    expect(() => targetFromQuery(new URLSearchParams('projectKey=SHOP&issueKey=x"><'))).toThrow(
      /issueKey/,
    );
  });

  it('never serves files outside the resource folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-files-'));
    writeFileSync(join(dir, 'index.html'), 'ok');
    expect((await readInside(dir, 'index.html'))?.toString()).toBe('ok');
    expect(await readInside(dir, '../../etc/passwd')).toBeUndefined();
    expect(await readInside(dir, '%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
  });
});

describe('cardOf', () => {
  const issue = {
    id: '1',
    key: 'SHOP-1',
    fields: {
      summary: 'S',
      issuetype: { name: 'Story' },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      customfield_10016: 3,
    },
  };

  it('says unclassified, with no DoD, when the issue has no Ballast property', () => {
    const card = cardOf(issue, undefined);
    expect(card).toMatchObject({ workType: undefined, dod: undefined, storyPoints: 3 });
  });

  it('reads the work type and the DoD summary from the property', () => {
    const card = cardOf(issue, { workType: 'toil', dodComplete: 0, dodOpenRequired: 2 });
    expect(card).toMatchObject({ workType: 'toil', dod: { complete: false, openRequired: 2 } });
  });
});
