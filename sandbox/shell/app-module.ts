/**
 * Loads the app's entry module (src/index.ts) as the Forge bundler would see it: compiled to
 * CommonJS. Why not a plain `import()`: under Node's ESM loader a default import of a CommonJS
 * package (`import Resolver from '@forge/resolver'`) yields the whole exports object, so
 * `new Resolver()` fails ("Resolver is not a constructor"); Forge's bundler applies the
 * `__esModule` interop, and tsx's CommonJS mode does the same.
 */
import { join } from 'node:path';
import { require as tsxRequire } from 'tsx/cjs/api';

export function loadAppModule(rootDir: string): Record<string, unknown> {
  return tsxRequire(join(rootDir, 'src', 'index.ts'), import.meta.url) as Record<string, unknown>;
}
