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
import { contextCache, targetFromQuery } from '../../sandbox/shell/frame-context';
import { html, scriptJson } from '../../sandbox/shell/html';
import { HttpError, safeBack } from '../../sandbox/shell/http-util';
import { JiraCallError, messageOf, type JiraClient } from '../../sandbox/shell/jira-client';
import { readAppManifest, type UiModule } from '../../sandbox/shell/manifest';
import {
  loadTransitions,
  parseTransitionRequest,
  performTransition,
  statusControl,
  transitionChoices,
} from '../../sandbox/shell/pages/status-control';
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

describe('contextCache', () => {
  const module = { key: 'ballast-issue-panel', type: 'jira:issuePanel' } as UiModule;
  const target = { projectKey: 'SHOP', issueKey: 'SHOP-12' };
  const site = { cloudId: 'c', siteUrl: 'http://site' };
  /** A Jira that answers the project and issue reads, failing the first `failures` calls. */
  function jira(failures = 0) {
    const paths: string[] = [];
    const client: JiraClient = {
      get: <T>(path: string) => {
        paths.push(path);
        if (paths.length <= failures) return Promise.reject(new JiraCallError(503, 'down'));
        const body = path.includes('/issue/')
          ? { id: '10012', key: 'SHOP-12', fields: { issuetype: { id: '1', name: 'Story' } } }
          : { id: '10000', key: 'SHOP', projectTypeKey: 'software' };
        return Promise.resolve(body as T);
      },
      post: () => Promise.reject(new Error('no posts')),
    };
    return { client, paths };
  }

  it('reads Jira once per user and place while fresh, and again after the TTL', async () => {
    let now = 0;
    const cache = contextCache(60_000, () => now);
    const { client, paths } = jira();
    const first = await cache.get(client, ADMIN_ACCOUNT_ID, module, target, site);
    expect(first.extension).toMatchObject({ issue: { key: 'SHOP-12', type: 'Story' } });
    await cache.get(client, ADMIN_ACCOUNT_ID, module, target, site);
    expect(paths).toHaveLength(2);
    await cache.get(client, MEMBER_ACCOUNT_ID, module, target, site);
    expect(paths).toHaveLength(4);
    now = 60_000;
    await cache.get(client, ADMIN_ACCOUNT_ID, module, target, site);
    expect(paths).toHaveLength(6);
  });

  it('keeps no failure: the next call reads Jira again', async () => {
    const cache = contextCache(60_000, () => 0);
    const { client, paths } = jira(1);
    await expect(cache.get(client, ADMIN_ACCOUNT_ID, module, target, site)).rejects.toThrow('down');
    const context = await cache.get(client, ADMIN_ACCOUNT_ID, module, target, site);
    expect(context.localId).toBe('ballast-issue-panel/projectKey=SHOP&issueKey=SHOP-12');
    expect(paths).toHaveLength(3);
  });
});

describe('injectBridge', () => {
  const boot = {
    moduleKey: 'm',
    target: { projectKey: 'SHOP' },
    localId: 'm/projectKey=SHOP',
  } as unknown as FrameBoot;

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
        appId: 'ari:cloud:ecosystem::app/x',
      },
      {
        type: 'jira:sprintAction',
        key: 'act',
        title: 'act',
        resourceKey: 'missing',
        resourceDir: undefined,
        functionKey: undefined,
        handler: undefined,
        appId: 'ari:cloud:ecosystem::app/x',
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

  // Issue #19, item 7: a missing, unknown or forged cookie acts as the member, never the admin.
  it('remembers the admin or the member, and falls back to the member', () => {
    expect(userFromCookie(`a=b; sandbox-user=${MEMBER_ACCOUNT_ID}`).accountId).toBe(
      MEMBER_ACCOUNT_ID,
    );
    expect(userFromCookie(`sandbox-user=${ADMIN_ACCOUNT_ID}`).accountId).toBe(ADMIN_ACCOUNT_ID);
    expect(userFromCookie(undefined).accountId).toBe(MEMBER_ACCOUNT_ID);
    expect(userFromCookie('').accountId).toBe(MEMBER_ACCOUNT_ID);
    expect(userFromCookie('sandbox-user=acc-ballast-app').accountId).toBe(MEMBER_ACCOUNT_ID);
    expect(userFromCookie('sandbox-user=acc-nina-outsider').accountId).toBe(MEMBER_ACCOUNT_ID);
    expect(userFromCookie('sandbox-user=%E0%A4%A').accountId).toBe(MEMBER_ACCOUNT_ID);
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

describe('the issue status control', () => {
  /** Jira's GET …/transitions answer, as the emulator gives it. */
  const listed = {
    expand: 'transitions',
    transitions: [
      {
        id: '21',
        name: 'In Progress',
        isAvailable: true,
        to: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      },
      {
        id: '51',
        name: 'Ship it',
        isAvailable: true,
        to: { name: 'Done', statusCategory: { key: 'done' } },
      },
      { id: '61', name: 'Hidden', isAvailable: false, to: { name: 'Done' } },
    ],
  };

  it('lists the available transitions in Jira’s order, with their target status', () => {
    expect(transitionChoices(listed)).toEqual([
      { id: '21', name: 'In Progress', toStatus: 'In Progress', toCategory: 'indeterminate' },
      { id: '51', name: 'Ship it', toStatus: 'Done', toCategory: 'done' },
    ]);
    expect(transitionChoices({ nothing: true })).toEqual([]);
  });

  /** A JiraClient answering one path, or failing with a status. */
  const fakeJira = (answer: unknown, fail?: JiraCallError) => {
    const calls: { method: string; path: string; body?: unknown }[] = [];
    const client: JiraClient = {
      get: <T>(path: string) => {
        calls.push({ method: 'GET', path });
        return fail === undefined ? Promise.resolve(answer as T) : Promise.reject(fail);
      },
      post: <T>(path: string, body: unknown) => {
        calls.push({ method: 'POST', path, body });
        return fail === undefined ? Promise.resolve(answer as T) : Promise.reject(fail);
      },
    };
    return { client, calls };
  };

  it('loads the transitions as the user, and shows no menu when Jira will not list them', async () => {
    const ok = fakeJira(listed);
    expect(await loadTransitions(ok.client, 'SHOP-1')).toHaveLength(2);
    expect(ok.calls).toEqual([{ method: 'GET', path: '/rest/api/3/issue/SHOP-1/transitions' }]);
    const refused = fakeJira(undefined, new JiraCallError(404, 'Issue does not exist.'));
    expect(await loadTransitions(refused.client, 'SHOP-1')).toBeUndefined();
    const down = fakeJira(undefined, new JiraCallError(503, 'Jira answered 503.'));
    expect(await loadTransitions(down.client, 'SHOP-1')).toBeUndefined();
    const broken = fakeJira(undefined);
    broken.client.get = () => Promise.reject(new TypeError('a bug'));
    await expect(loadTransitions(broken.client, 'SHOP-1')).rejects.toThrow('a bug');
  });

  it('performs a transition, and returns Jira’s refusal as an outcome with its message', async () => {
    const ok = fakeJira(undefined);
    expect(await performTransition(ok.client, 'SHOP-1', '41')).toEqual({ ok: true });
    expect(ok.calls).toEqual([
      {
        method: 'POST',
        path: '/rest/api/3/issue/SHOP-1/transitions',
        body: { transition: { id: '41' } },
      },
    ]);
    const refused = fakeJira(undefined, new JiraCallError(400, 'SHOP-1 cannot be done yet.'));
    expect(await performTransition(refused.client, 'SHOP-1', '41')).toEqual({
      ok: false,
      status: 400,
      message: 'SHOP-1 cannot be done yet.',
    });
  });

  it('reads the request as JSON from shell.js or as the form posted without JavaScript', () => {
    expect(parseTransitionRequest('application/json', '{"transitionId":"41"}')).toEqual({
      transitionId: '41',
      form: false,
    });
    expect(parseTransitionRequest('application/x-www-form-urlencoded', 'transitionId=21')).toEqual({
      transitionId: '21',
      form: true,
    });
    expect(() => parseTransitionRequest('application/json', '{"transitionId":41}')).toThrow(
      HttpError,
    );
    expect(() => parseTransitionRequest('application/json', '{"transitionId":"../x"}')).toThrow(
      'transitionId is missing or not an id',
    );
    expect(() => parseTransitionRequest('application/json', 'not json')).toThrow('not valid JSON');
    expect(() => parseTransitionRequest(undefined, 'null')).toThrow(HttpError);
  });

  it('takes Jira’s words for a refusal: errorMessages, then per-field errors, else the status', () => {
    expect(messageOf(400, JSON.stringify({ errorMessages: ['Refused.'], errors: {} }))).toBe(
      'Refused.',
    );
    expect(
      messageOf(400, JSON.stringify({ errorMessages: [], errors: { resolution: 'Required.' } })),
    ).toBe('Required.');
    expect(messageOf(502, '<html>Bad gateway</html>')).toBe('Jira answered 502.');
    expect(messageOf(500, 'null')).toBe('Jira answered 500.');
  });

  it('renders a labelled menu button with one menu item per transition, escaped', () => {
    const out = statusControl({
      issueKey: 'SHOP-1',
      status: 'To Do',
      statusCategory: 'new',
      choices: [
        ...transitionChoices(listed),
        { id: '71', name: '<b>x</b>', toStatus: '<b>x</b>', toCategory: 'new' },
      ],
    }).value;
    expect(out).toContain('action="/__shell/issue/SHOP-1/transitions"');
    expect(out).toMatch(
      /aria-haspopup="menu"\s+aria-expanded="false"\s+aria-controls="transitions-SHOP-1"/,
    );
    expect(out).toContain('<span class="visually-hidden">Status: </span>To Do');
    expect(out).toMatch(/role="menu"\s+aria-label="Move SHOP-1 to"\s+hidden/);
    expect(out.match(/role="menuitem"/g)).toHaveLength(3);
    // A transition named unlike its status also shows where it leads.
    expect(out).toMatch(/Ship it<\/span>[\s\S]*?<span class="status status-done">Done<\/span>/);
    expect(out).not.toContain('<b>x</b>');
    expect(out).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(out).not.toContain('role="alert"');
  });

  it('shows the status alone when there is nothing to choose, and a refusal as an alert', () => {
    const plain = statusControl({
      issueKey: 'SHOP-1',
      status: 'Done',
      statusCategory: 'done',
      choices: undefined,
    }).value;
    expect(plain).not.toContain('<form');
    expect(plain).not.toContain('role="menu"');
    expect(plain).toContain('<span class="status status-done">Done</span>');
    const refused = statusControl({
      issueKey: 'SHOP-1',
      status: 'To Do',
      statusCategory: 'new',
      choices: transitionChoices(listed),
      error: 'SHOP-1 cannot be done yet: "Code reviewed".',
    }).value;
    expect(refused).toContain('role="alert"');
    expect(refused).toContain('<strong>SHOP-1 was not moved</strong>');
    expect(refused).toContain('SHOP-1 cannot be done yet: &quot;Code reviewed&quot;.');
  });
});
