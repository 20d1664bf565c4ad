/** Process entry for bin/ballast.mjs: real files, network, clock; real stdout/stderr and exit code. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { main } from './main';

/** A file 1 MiB at a time, into one reused buffer (the reader copies what it keeps). */
function* fileChunks(path: string): Generator<Uint8Array> {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

process.exitCode = await main(process.argv.slice(2), {
  readFile: (path) => readFileSync(path, 'utf8'),
  readChunks: fileChunks,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  fetch: globalThis.fetch,
  now: Date.now,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY,
  readStdin: () => readFileSync(0, 'utf8'),
  git: (args) =>
    execFileSync('git', args, {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
});
