/** Process entry for bin/ballast.mjs: real files, real stdout/stderr, real exit code. */
import { readFileSync } from 'node:fs';
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
