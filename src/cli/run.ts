/** Process entry for bin/ballast.mjs: real files, network, clock; real stdout/stderr and exit code. */
import { readFileSync } from 'node:fs';
import { main } from './main';

process.exitCode = await main(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fetch: globalThis.fetch,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY,
});
