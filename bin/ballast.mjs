#!/usr/bin/env node
// The `ballast` command (package.json "bin"). The CLI is TypeScript: register tsx's ESM loader,
// then run src/cli/run.ts, which sets the exit code.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
