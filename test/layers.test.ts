import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the layer rules of eslint.config.js bite: lints probe code as if it were placed in a
 * layer, with the repo's real config (type-aware rules off, since the probe file does not exist).
 */
async function ruleViolations(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
  });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

describe('layer rules', () => {
  it.each([
    ['an import of @forge/api', "import api from '@forge/api';\nexport { api };\n"],
    ['an import of node:fs', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n"],
    ['an import from the app layer', "import { x } from '../../app/thing';\nexport { x };\n"],
    [
      'an import from the adapters layer',
      "import { x } from '../adapters/forge/kvs';\nexport { x };\n",
    ],
  ])('reject %s in src/domain/', async (_name, code) => {
    const violations = await ruleViolations('src/domain/work/probe.ts', code);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^no-restricted-imports: /);
  });

  it.each([
    ['Date.now()', 'export const t = Date.now();\n', 'no-restricted-properties'],
    ['Math.random()', 'export const r = Math.random();\n', 'no-restricted-properties'],
    ['new Date() with no argument', 'export const d = new Date();\n', 'no-restricted-syntax'],
    ['fetch', "export const f = fetch('https://example.com');\n", 'no-restricted-globals'],
  ])(
    'reject reading the clock, randomness or IO through %s in src/domain/',
    async (_n, code, rule) => {
      const violations = await ruleViolations('src/domain/slo/probe.ts', code);
      expect(violations.map((v) => v.split(':')[0])).toEqual([rule]);
    },
  );

  it('allows a named @forge/api import in src/adapters/forge/', async () => {
    const code = "import { asApp } from '@forge/api';\nexport { asApp };\n";
    expect(await ruleViolations('src/adapters/forge/probe.ts', code)).toEqual([]);
  });

  it("rejects a Forge package's default import in src/adapters/ (it breaks under Node ESM)", async () => {
    const code = "import kvs from '@forge/kvs';\nexport { kvs };\n";
    const violations = await ruleViolations('src/adapters/forge/probe.ts', code);
    expect(violations.join('\n')).toContain('Import named exports from @forge/kvs');
  });

  it('allows a pure import between domain modules', async () => {
    const code = "import { WORK_TYPES } from '../work/work-type';\nexport { WORK_TYPES };\n";
    expect(await ruleViolations('src/domain/capacity/probe.ts', code)).toEqual([]);
  });

  it('rejects backend code other than src/contract/ in static/', async () => {
    const code = "import { about } from '../../src/entry/resolvers/meta';\nexport { about };\n";
    const violations = await ruleViolations('static/issue-panel/probe.ts', code);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/Custom UI may import backend code only from src\/contract/);
  });

  it('allows the resolver contract in static/', async () => {
    const code =
      "import type { AboutResponse } from '../../src/contract/resolvers';\nexport type { AboutResponse };\n";
    expect(await ruleViolations('static/issue-panel/probe.ts', code)).toEqual([]);
  });
});
