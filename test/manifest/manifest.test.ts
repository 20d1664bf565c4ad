import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_PROPERTY_ALIASES } from '../../sandbox/jira';
import { CATEGORY_JQL_ALIAS } from '../../src/app/issue/ballast-property';
import { describeProblems, validateManifest } from './validate-manifest';

interface Manifest {
  app: { runtime: { name: string } };
  modules: Record<string, Array<Record<string, unknown>>>;
  resources: Array<{ key: string; path: string }>;
  permissions: { scopes: string[] };
}

const manifestPath = 'manifest.yml';
const original = parse(readFileSync(manifestPath, 'utf8')) as Manifest;
let scratch = '';

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ballast-manifest-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a changed copy of the real manifest and validates it. */
async function problemsAfter(change: (manifest: Manifest) => void): Promise<string> {
  const copy = structuredClone(original);
  change(copy);
  const path = join(scratch, `manifest-${Math.round(performance.now() * 1000)}.yml`);
  writeFileSync(path, stringify(copy));
  return describeProblems(await validateManifest(path));
}

describe('manifest.yml', { timeout: 120_000 }, () => {
  it('has every Custom UI resource built (run `npm run build:ui` first)', () => {
    const missing = original.resources.filter((resource) => !existsSync(resource.path));
    expect(missing.map((resource) => resource.path)).toEqual([]);
  });

  // The first validation compiles Forge's large manifest JSON schema: seconds on a busy machine.
  it(
    'passes the Forge CLI full validation and the trigger scope check with no problem',
    { timeout: 120_000 },
    async () => {
      const problems = await validateManifest(manifestPath);
      expect(describeProblems(problems)).toBe('');
    },
  );

  it('names only handlers that src/index.ts exports', async () => {
    const index = (await import('../../src/index')) as Record<string, unknown>;
    const handlers = (original.modules.function ?? []).map((fn) => String(fn.handler));
    const missing = handlers.filter((handler) => {
      const [file, name] = handler.split('.');
      return file !== 'index' || name === undefined || index[name] === undefined;
    });
    expect(missing).toEqual([]);
    expect(handlers.length).toBeGreaterThan(0);
  });

  it('runs on the nodejs22.x Forge runtime', () => {
    expect(original.app.runtime.name).toBe('nodejs22.x');
  });
});

describe('manifest validation catches a broken manifest', { timeout: 120_000 }, () => {
  it('rejects an unknown module type and names it', async () => {
    const problems = await problemsAfter((m) => {
      m.modules['jira:notAModule'] = [{ key: 'mystery' }];
    });
    expect(problems).toContain("invalid value 'jira:notAModule' in modules");
  });

  it('rejects a module that points at a function that does not exist', async () => {
    const problems = await problemsAfter((m) => {
      m.modules['jira:issuePanel']![0]!.resolver = { function: 'no-such-function' };
    });
    expect(problems).toContain("references undefined function module with key 'no-such-function'");
  });

  it('rejects a resource whose folder does not exist', async () => {
    const problems = await problemsAfter((m) => {
      m.resources[0]!.path = 'static/no-such-app/build';
    });
    expect(problems).toContain("missing resource 'static/no-such-app/build'");
  });

  it('rejects a product trigger whose scope is missing', async () => {
    const problems = await problemsAfter((m) => {
      m.modules.trigger = [
        { key: 'on-issue-updated', function: 'resolver', events: ['avi:jira:updated:issue'] },
      ];
      m.permissions.scopes = m.permissions.scopes.filter((scope) => scope !== 'read:jira-work');
    });
    expect(problems).toContain("'avi:jira:updated:issue' requires 'read:jira-work' scope");
  });
});

/**
 * Jira Cloud now calls issue types "work types" (support.atlassian.com/jira-software-cloud/docs/
 * set-up-issue-types-in-team-managed-projects/, "Set up work types…"), so a field or JQL alias of
 * Ballast's called "Work type" would stand beside the system field of that name. Ballast's are
 * "Ballast category" and `ballastCategory`; the property path stays `workType` (stored data).
 */
describe("Ballast's names cannot be confused with Jira's", () => {
  // Jira's names for the issue type field (display name before and after the rename, JQL names).
  const JIRA_TYPE_NAMES = ['work type', 'worktype', 'issue type', 'issuetype', 'type'];
  const entityValues = (original.modules['jira:entityProperty'] ?? []).flatMap(
    (m) => m.values as Array<{ path: string; type: string; searchAlias?: string }>,
  );

  it('indexes the category under the JQL alias ballastCategory, path workType unchanged', () => {
    expect(entityValues.find((v) => v.path === 'workType')?.searchAlias).toBe(CATEGORY_JQL_ALIAS);
    expect(CATEGORY_JQL_ALIAS).toBe('ballastCategory');
  });

  it("names no custom field or JQL alias like Jira's own type field", () => {
    const names = [
      ...(original.modules['jira:customField'] ?? []).map((f) => String(f.name)),
      ...entityValues.map((v) => v.searchAlias ?? ''),
    ];
    expect(names.filter((n) => JIRA_TYPE_NAMES.includes(n.trim().toLowerCase()))).toEqual([]);
    expect(original.modules['jira:customField']?.[0]?.name).toBe('Ballast category');
    expect(String(original.modules['jira:customField']?.[0]?.description)).not.toMatch(
      /work type/i,
    );
  });

  it('the sandbox indexes what the manifest declares (same aliases, paths and types)', () => {
    const declared = entityValues.map((v) => ({
      alias: v.searchAlias,
      path: v.path,
      type: v.type,
    }));
    const sandbox = DEFAULT_PROPERTY_ALIASES.map((a) => ({
      alias: a.alias,
      path: a.path,
      type: a.type,
    }));
    expect(sandbox).toEqual(declared);
  });
});
