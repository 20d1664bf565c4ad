import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The exports manifest.yml's `function` entries name (`handler: index.<export>`). */
function manifestHandlers(): string[] {
  const manifest = parse(readFileSync('manifest.yml', 'utf8')) as {
    modules: { function: { handler: string }[] };
  };
  return [
    ...new Set(manifest.modules.function.map((f) => f.handler.replace(/^index\./, ''))),
  ].sort();
}

/**
 * The app's entry must load under plain Node ESM too (the CLI and sandbox run it with tsx, Forge
 * bundles it): a CommonJS default import that only a bundler's interop makes work would crash here.
 */
describe('src/index.ts', () => {
  it('loads under Node ESM and exports every handler manifest.yml names', () => {
    const script =
      "const app = await import('./src/index.ts'); console.log(Object.keys(app).sort().map((k) => k + ':' + typeof app[k]).join(' '));";
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx/esm', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(output.trim()).toBe(
      manifestHandlers()
        .map((name) => `${name}:function`)
        .join(' '),
    );
  });
});
