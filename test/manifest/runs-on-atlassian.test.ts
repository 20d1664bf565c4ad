/**
 * Runs on Atlassian, checked offline on manifest.yml: one test per criterion, each naming the page
 * it comes from. `forge eligibility` (Forge CLI) gives the verdict for a deployed version and needs
 * a login; this fails earlier, on the change that would cost the badge. The criteria (the program
 * page and its "Build Runs on Atlassian apps" guide, and the reasons `forge eligibility` prints —
 * HAS_REMOTES, HAS_CONNECT_MODULES, HAS_DEFINED_EGRESS, HAS_EXPOSED_CREDENTIALS,
 * HAS_NON_DARE_COMPLIANT_SQL_MODULE, HAS_EGRESS_WEBTRIGGER_MODULE in @forge/cli-shared's texts)
 * are written up in docs/runs-on-atlassian.md.
 *
 * Ballast meets every criterion but one: its four push-API web triggers are `dynamic`. They are
 * listed below by key; any other dynamic web trigger fails the test, and so does one of these
 * turning static without the list being emptied (then the app is eligible: say so in the docs).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface WebTrigger {
  key: string;
  response?: { type?: string; outputs?: unknown[] };
}

interface Manifest {
  app: Record<string, unknown> & { storage?: unknown };
  modules: Record<string, Array<Record<string, unknown>>>;
  remotes?: unknown[];
  providers?: unknown;
  connectModules?: unknown;
  permissions: {
    scopes: string[];
    external?: Record<string, unknown>;
    content?: Record<string, unknown>;
  };
}

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

const PROGRAM = 'https://developer.atlassian.com/platform/forge/runs-on-atlassian/';
const GUIDE = 'https://developer.atlassian.com/platform/forge/runs-on-atlassian-apps/';
const WEB_TRIGGER_TYPES =
  'https://developer.atlassian.com/platform/forge/manifest-reference/modules/web-trigger/#web-trigger-types';
const EXTERNAL_PERMISSIONS =
  'https://developer.atlassian.com/platform/forge/manifest-reference/permissions/#external-permissions';
const DATA_RESIDENCY = 'https://developer.atlassian.com/platform/forge/data-residency/';
const APP_FIELD_VALUE =
  'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-custom-field-values-apps/#api-rest-api-3-app-field-value-post';

/**
 * The push API (src/contract/push-api.ts) answers with JSON naming the refused field, and the SLI
 * trigger's GET returns where each SLO's data ends: both are data leaving the app, which a static
 * web trigger cannot send. docs/runs-on-atlassian.md has the plan to make them static.
 */
const KNOWN_DYNAMIC_WEB_TRIGGERS = [
  'ballast-sli-push',
  'ballast-deployment-push',
  'ballast-incident-push',
  // The release gate answers which SLOs froze it and each item's verdict (issue #22).
  'ballast-gate-check',
];

/** Egress kinds of permissions.external (manifest-reference/permissions, "External permissions"). */
const EXTERNAL_KINDS = ['fetch', 'fonts', 'frames', 'images', 'media', 'scripts', 'styles'];

/** Every declared external address that is not analytics without in-scope End-User Data. */
function nonAnalyticsEgress(external: Record<string, unknown> | undefined): string[] {
  const found: string[] = [];
  const visit = (value: unknown, where: string): void => {
    if (Array.isArray(value)) {
      value.forEach((entry, i) => visit(entry, `${where}[${i}]`));
    } else if (typeof value === 'string') {
      found.push(`${where}: ${value}`);
    } else if (typeof value === 'object' && value !== null) {
      const entry = value as Record<string, unknown>;
      if ('address' in entry || 'remote' in entry) {
        const analytics =
          typeof entry.category === 'string' && entry.category.toLowerCase() === 'analytics';
        const address = entry.address ?? entry.remote;
        if (!analytics || entry.inScopeEUD !== false)
          found.push(
            `${where}: ${typeof address === 'string' ? address : JSON.stringify(address)}`,
          );
      } else {
        for (const [name, inner] of Object.entries(entry)) visit(inner, `${where}.${name}`);
      }
    }
  };
  visit(external ?? {}, 'permissions.external');
  return found;
}

/** Keys of the web triggers Forge treats as dynamic (no `response.type`, or `dynamic`). */
function dynamicWebTriggers(m: Manifest): string[] {
  const triggers = (m.modules.webtrigger ?? []) as unknown as WebTrigger[];
  return triggers.filter((trigger) => trigger.response?.type !== 'static').map((t) => t.key);
}

describe('Runs on Atlassian: manifest.yml meets each criterion', () => {
  it(`uses no remote services — no \`remotes\` (${GUIDE}, "Not Runs on Atlassian": remotes)`, () => {
    expect(manifest.remotes ?? []).toEqual([]);
    // `remote` / `endpoint` modules, or any module invoking a remote endpoint instead of a function.
    expect(manifest.modules.remote ?? manifest.modules.endpoint).toBeUndefined();
    const remoteInvoked = Object.entries(manifest.modules).filter(([, entries]) =>
      entries.some((m) => 'endpoint' in m || 'remote' in m),
    );
    expect(remoteInvoked.map(([type]) => type)).toEqual([]);
  });

  it(`has no Connect modules (${GUIDE}; forge eligibility: "App has Connect modules")`, () => {
    expect(manifest.connectModules).toBeUndefined();
    expect(manifest.app.connect).toBeUndefined();
    expect(Object.keys(manifest.modules).filter((type) => type.startsWith('connect-'))).toEqual([]);
  });

  it(`declares no egress except analytics without in-scope End-User Data (${PROGRAM}; ${EXTERNAL_PERMISSIONS})`, () => {
    expect(nonAnalyticsEgress(manifest.permissions.external)).toEqual([]);
    const unknownKinds = Object.keys(manifest.permissions.external ?? {}).filter(
      (kind) => !EXTERNAL_KINDS.includes(kind),
    );
    expect(unknownKinds).toEqual([]);
  });

  it(`exposes no credentials to outside services — no external auth \`providers\` (${GUIDE}; forge eligibility: "App is exposing credentials")`, () => {
    expect(manifest.providers).toBeUndefined();
  });

  it(`stores data only in persistent Forge hosted storage, no SQL module in Preview (${DATA_RESIDENCY}; ${GUIDE})`, () => {
    // KVS and custom entities (app.storage.entities) are persistent Forge hosted storage, which moves
    // with the host product's data residency. Forge SQL would need to be GA to keep eligibility.
    expect(manifest.modules.sql).toBeUndefined();
    expect(manifest.app.storage).toBeDefined();
  });

  it(`uses only static web triggers, apart from the listed push API (${WEB_TRIGGER_TYPES})`, () => {
    const triggers = (manifest.modules.webtrigger ?? []) as unknown as WebTrigger[];
    expect(dynamicWebTriggers(manifest)).toEqual(KNOWN_DYNAMIC_WEB_TRIGGERS);
    // Known exceptions say so in the manifest, so nobody mistakes the default for a choice.
    for (const trigger of triggers.filter((t) => KNOWN_DYNAMIC_WEB_TRIGGERS.includes(t.key)))
      expect(trigger.response?.type, trigger.key).toBe('dynamic');
    for (const trigger of triggers.filter((t) => t.response?.type === 'static'))
      expect(trigger.response?.outputs?.length ?? 0, trigger.key).toBeGreaterThan(0);
  });
});

describe('documented scope changes', () => {
  it(`asks for write:app-data:jira, which setting the Ballast category field's values will require (${APP_FIELD_VALUE})`, () => {
    // Ballast sets its read-only field's values through POST /rest/api/3/app/field/value.
    const client = readFileSync('src/adapters/forge/jira/client.ts', 'utf8');
    expect(client).toContain('route`/rest/api/3/app/field/value`');
    expect(manifest.modules['jira:customField']?.some((field) => field.readOnly === true)).toBe(
      true,
    );
    // Jira's spec lists the scope as the operation's coming ("Beta") requirement.
    const extract = JSON.parse(readFileSync('test/manifest/jira-scopes.json', 'utf8')) as {
      platform: {
        paths: Record<
          string,
          Record<string, { 'x-atlassian-oauth2-scopes'?: { scopes: string[]; state: string }[] }>
        >;
      };
    };
    const coming = (
      extract.platform.paths['/rest/api/3/app/field/value']?.post?.['x-atlassian-oauth2-scopes'] ??
      []
    )
      .filter((entry) => entry.state !== 'Current')
      .flatMap((entry) => entry.scopes);
    expect(coming).toEqual(['write:app-data:jira']);
    expect(manifest.permissions.scopes).toEqual(expect.arrayContaining(coming));
  });
});

describe('the checks catch a manifest that would lose eligibility', () => {
  it.each([
    [
      'a backend fetch address',
      { fetch: { backend: ['https://backend.example.com'] } },
      ['permissions.external.fetch.backend[0]: https://backend.example.com'],
    ],
    [
      'analytics with in-scope End-User Data',
      {
        fetch: { backend: [{ address: 'a.example.com', category: 'analytics', inScopeEUD: true }] },
      },
      ['permissions.external.fetch.backend[0]: a.example.com'],
    ],
    [
      'an image host',
      { images: ['*.example.com'] },
      ['permissions.external.images[0]: *.example.com'],
    ],
    [
      'analytics without in-scope End-User Data (allowed)',
      {
        fetch: {
          backend: [{ address: 'a.example.com', category: 'analytics', inScopeEUD: false }],
        },
      },
      [],
    ],
  ])('egress: %s', (_what, external, expected) => {
    expect(nonAnalyticsEgress(external)).toEqual(expected);
  });

  it.each([
    ['a web trigger without a response type', undefined, ['new-hook']],
    ['a web trigger declared dynamic', { type: 'dynamic' }, ['new-hook']],
    [
      'a static web trigger (allowed)',
      { type: 'static', outputs: [{ key: 'ok', statusCode: 204 }] },
      [],
    ],
  ])('web triggers: %s', (_what, response, expected) => {
    const copy = structuredClone(manifest);
    copy.modules.webtrigger = [
      { key: 'new-hook', function: 'resolver', ...(response ? { response } : {}) },
    ];
    expect(dynamicWebTriggers(copy)).toEqual(expected);
  });
});
