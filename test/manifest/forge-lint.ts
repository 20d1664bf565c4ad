/**
 * Runs Atlassian's @forge/lint offline, in client-side mode, against Jira's OpenAPI scopes
 * (test/manifest/jira-scopes.json, extracted from ../shared/jira-openapi). `forge lint` itself needs a
 * login; calling `lint()` directly with USE_LOCAL_SWAGGER needs none. It reports each Jira call whose
 * scope manifest.yml lacks, and deprecated APIs.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

interface LintMessage {
  readonly line: number;
  readonly message: string;
}
interface LintResult {
  readonly file: string;
  readonly errors: readonly LintMessage[];
  readonly warnings: readonly LintMessage[];
}
interface Estree {
  parse(
    code: string,
    options: { loc: boolean; range: boolean; filePath: string; jsx: boolean },
  ): unknown;
  simpleTraverse(ast: unknown, options: unknown): void;
}
type Parser = (
  code: string,
  filepath: string,
) => Promise<{ parsed: unknown; traverse(options: unknown): void }>;
type Lint = (
  files: string[],
  manifest: unknown,
  environment: string,
  logger: Record<string, (...args: unknown[]) => void>,
  statsig: unknown,
  config: {
    linter: { mode: 'client-side' };
    parseFunction: (filepath: string, parser: Parser) => Promise<unknown>;
  },
) => Promise<LintResult[]>;

const require = createRequire(import.meta.url);

/** Points the permission linter at local specs: Jira platform + software, empty for other products. */
function useLocalSpecs(): void {
  const scopes = JSON.parse(
    readFileSync(join(import.meta.dirname, 'jira-scopes.json'), 'utf8'),
  ) as {
    platform: unknown;
    software: unknown;
  };
  const dir = mkdtempSync(join(tmpdir(), 'ballast-forge-lint-'));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify(content));
    return path;
  };
  const empty = write('empty.json', { paths: {} });
  process.env.USE_LOCAL_SWAGGER = '1';
  process.env.LOCAL_JIRA_SWAGGER = write('platform.json', scopes.platform);
  process.env.LOCAL_JSW_SWAGGER = write('software.json', scopes.software);
  for (const name of ['JSM', 'CONF', 'CONF_V2', 'BB']) process.env[`LOCAL_${name}_SWAGGER`] = empty;
}

// Feature flags are a network service; offline, every gate is off and no runtime is deprecated.
const offlineStatsig = new Proxy(
  {},
  { get: (_target, name) => () => Promise.resolve(name === 'getDeprecatedRuntimes' ? [] : false) },
);

/**
 * @forge/lint's default parser type-checks every file against tsconfig.json (minutes here); type
 * errors are tsc's job, so parse syntax only, with the same typescript-estree the linter ships.
 */
function syntaxOnlyParseFunction(): (filepath: string) => Promise<unknown> {
  const lintRequire = createRequire(require.resolve('@forge/lint'));
  const estree = lintRequire('@typescript-eslint/typescript-estree') as Estree;
  return async (filepath) => {
    const code = await readFile(filepath, 'utf8');
    const parsed = estree.parse(code, {
      loc: true,
      range: true,
      filePath: filepath,
      jsx: filepath.endsWith('x'),
    });
    return {
      ast: { parsed, traverse: (options: unknown) => estree.simpleTraverse(parsed, options) },
      filepath,
    };
  };
}

/** Lints the given source files against the manifest; returns "file:line message" lines. */
export async function forgeLint(files: readonly string[], manifestPath: string): Promise<string[]> {
  useLocalSpecs();
  const { lint } = require('@forge/lint') as { lint: Lint };
  const manifest: unknown = parse(readFileSync(manifestPath, 'utf8'));
  const quiet = () => undefined;
  const logger = {
    info: quiet,
    debug: quiet,
    trace: quiet,
    warn: quiet,
    error: quiet,
    logWarning: quiet,
  };
  const results = await lint([...files], manifest, 'development', logger, offlineStatsig, {
    linter: { mode: 'client-side' },
    parseFunction: syntaxOnlyParseFunction(),
  });
  return results.flatMap((result) =>
    [...result.errors, ...result.warnings].map(
      (problem) => `${relative(process.cwd(), result.file)}:${problem.line} ${problem.message}`,
    ),
  );
}
