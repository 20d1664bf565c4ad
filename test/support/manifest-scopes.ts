/**
 * The OAuth scopes a Jira operation needs, read from the committed extract of Atlassian's specs
 * (test/manifest/jira-scopes.json), and the scopes manifest.yml grants.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface ScopedOperation {
  'x-atlassian-oauth2-scopes'?: { state: string; scopes: string[] }[];
  security?: Record<string, string[]>[];
}
type Paths = Record<string, Record<string, ScopedOperation>>;

const extract = JSON.parse(
  readFileSync(new URL('../manifest/jira-scopes.json', import.meta.url), 'utf8'),
) as { platform: { paths: Paths }; software: { paths: Paths } };

/**
 * Scopes needed to call `method path` (templated). Platform operations list their current scopes
 * in x-atlassian-oauth2-scopes; Jira Software ones in the OAuth2 security requirement (all needed).
 */
export function requiredScopes(method: string, templatedPath: string): string[] {
  const m = method.toLowerCase();
  const operation =
    extract.platform.paths[templatedPath]?.[m] ?? extract.software.paths[templatedPath]?.[m];
  if (!operation) throw new Error(`${method} ${templatedPath} is not in Jira's OpenAPI specs`);
  const current = operation['x-atlassian-oauth2-scopes']?.find(
    (entry) => entry.state === 'Current',
  );
  if (current) return current.scopes;
  return (operation.security ?? []).flatMap((requirement) => requirement.OAuth2 ?? []);
}

export function manifestScopes(path = 'manifest.yml'): string[] {
  const manifest = parse(readFileSync(path, 'utf8')) as { permissions?: { scopes?: string[] } };
  return manifest.permissions?.scopes ?? [];
}
