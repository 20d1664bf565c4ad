/**
 * The copyable examples shown with a new push secret, built from the real web-trigger URLs and the
 * signing scheme of src/contract/push-api.ts (HMAC-SHA256 over "<timestamp>.<body>").
 */
import type {
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  TIMESTAMP_HEADER,
} from '../../../src/contract/push-api';

// Types only from the contract (its module holds zod schemas the bundle must not carry); the
// annotations make a change of the wire protocol a type error here.
const TIMESTAMP: typeof TIMESTAMP_HEADER = 'x-ballast-timestamp';
const SIGNATURE: typeof SIGNATURE_HEADER = 'x-ballast-signature';
const VERSION: typeof SIGNATURE_VERSION = 'v1';

/** Shell single quotes: safe for any URL. */
const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * A signed GET of the SLI web trigger: where each SLO's data ends. Harmless to run, and proves the
 * secret and the URL work. The secret is read from a file, never put on the command line.
 */
/** Keeps the secret in a file only its owner reads: the CLI and the examples read it from there. */
export function secretFileExample(secret: string): string {
  return ['umask 077', `printf '%s' ${quote(secret)} > ballast-push-secret`].join('\n');
}

export function curlExample(sliUrl: string): string {
  return [
    'TS=$(date +%s)',
    `SIG=$(printf '%s.' "$TS" | openssl dgst -sha256 -hmac "$(cat ballast-push-secret)" | sed 's/^.*= //')`,
    `curl -sS ${quote(sliUrl)} \\`,
    `  -H "${headerName(TIMESTAMP)}: $TS" \\`,
    `  -H "${headerName(SIGNATURE)}: ${VERSION}=$SIG"`,
  ].join('\n');
}

export function sliSyncExample(sliUrl: string): string {
  return [
    'ballast sli sync --prometheus http://prometheus:9090 \\',
    '  --spec slos.openslo.yaml \\',
    `  --target ${quote(sliUrl)} \\`,
    '  --secret-file ballast-push-secret --every 5m',
  ].join('\n');
}

export function deployExample(deploymentsUrl: string): string {
  return [
    `ballast deploy record --target ${quote(deploymentsUrl)} \\`,
    '  --secret-file ballast-push-secret --service checkout --environment production \\',
    '  --status success --issues SHOP-42,SHOP-43',
  ].join('\n');
}

/** The release gate before a deploy step: exit 8 holds the release while the gate is FROZEN. */
export function gateCheckExample(gateUrl: string, projectKey: string): string {
  return [
    `ballast gate check --target ${quote(gateUrl)} \\`,
    `  --secret-file ballast-push-secret --project ${projectKey} \\`,
    '  --commits-from "$PREVIOUS_RELEASE..HEAD"',
  ].join('\n');
}

/** `x-ballast-timestamp` → `X-Ballast-Timestamp`, as people write headers. */
function headerName(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());
}
