import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgeLint } from './forge-lint';

/** Every backend source file Forge would bundle (tests excluded). */
function backendSources(dir = 'src'): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return backendSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// The linter parses every file and loads Jira's scope tables: tens of seconds on a busy machine.
describe('@forge/lint, offline against Jira OpenAPI scopes', { timeout: 180_000 }, () => {
  it('finds no missing scope, deprecated API or other problem in the app', async () => {
    const problems = await forgeLint(backendSources(), 'manifest.yml');
    expect(problems).toEqual([]);
  });

  it('reports a Jira call whose scope the manifest lacks', async () => {
    const problems = await forgeLint(
      ['test/fixtures/forge-lint/reads-audit-records.ts'],
      'manifest.yml',
    );
    expect(problems).toEqual([
      'test/fixtures/forge-lint/reads-audit-records.ts:6 Jira endpoint: GET /rest/api/3/auditing/record requires "manage:jira-configuration" scope',
    ]);
  });
});
