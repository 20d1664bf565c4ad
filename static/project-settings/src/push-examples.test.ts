import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curlExample, secretFileExample, sliSyncExample } from './push-examples';

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version']);
    return true;
  } catch {
    return false;
  }
})();

describe('push examples', () => {
  it('quote a URL for the shell, even one with a quote in it', () => {
    expect(sliSyncExample("https://x/it's")).toContain(`--target 'https://x/it'\\''s'`);
  });

  // The curl example's signature must be the one the web trigger checks: HMAC-SHA256 over
  // "<timestamp>." (a GET signs an empty body), hex, after "v1=" (src/contract/push-api.ts).
  it.skipIf(!hasOpenssl)('sign as the web trigger expects when run by a shell', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ballast-push-example-'));
    try {
      const secret = 'c0ffee'.repeat(10);
      const lines = curlExample('https://example.invalid/sli').split('\n');
      const signing = lines.filter((l) => l.startsWith('TS=') || l.startsWith('SIG=')).join('\n');
      const script = [
        secretFileExample(secret),
        signing.replace('TS=$(date +%s)', 'TS=1700000000'),
        'printf "%s" "$SIG" > sig',
      ].join('\n');
      execFileSync('bash', ['-c', script], { cwd: dir });
      const expected = createHmac('sha256', secret).update('1700000000.').digest('hex');
      expect(readFileSync(join(dir, 'sig'), 'utf8')).toBe(expected);
      expect(readFileSync(join(dir, 'ballast-push-secret'), 'utf8')).toBe(secret);
      expect(lines.join('\n')).toContain('-H "X-Ballast-Signature: v1=$SIG"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
