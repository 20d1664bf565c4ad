/**
 * Truthful answers to concurrent pushes of one id (issue #19, item 6): of identical pushes exactly
 * one is "accepted" and the others "duplicate"; the same id with other content is refused, never a
 * silent replacement.
 *
 * Forge's KVS offers no conditional transaction on plain keys: a transaction is all or nothing
 * (≤ 25 operations, each key once) but its writes are last-write-wins, and conditions exist only for
 * custom entities (developer.atlassian.com/platform/forge/storage-reference/transactions/ and
 * …/transactions-entities/). What it does offer is an atomic create: `kvs.set` with
 * `keyPolicy: 'FAIL_IF_EXISTS'` ("Forge resolves write conflicts using a last-write-wins strategy by
 * default, but this can be configured via the key policy option",
 * developer.atlassian.com/platform/forge/rest/v2/api-group-forge-kvs/; `PolicySetOptions` in
 * @forge/kvs 1.6). So a push first claims its id's marker that way, with its content's digest and a
 * short TTL; only the claimer writes the data, in one transaction that also makes the marker final.
 * Any other push of the id reads the marker: another digest is a CONFLICT naming the id; the same
 * digest is a duplicate, answered once the claimer's data is stored (it waits for that), so a
 * "duplicate" never stands for data that was lost. A claimer that fails releases its claim; one
 * that dies leaves it to its TTL, after which the id can be pushed again.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';

/** Longer than a web trigger may run (55 s, developer.atlassian.com/platform/forge/limits-invocation/). */
export const PUSH_CLAIM_TTL_SECONDS = 60;

/** A claim (`storing`) or the final marker (`stored`); markers from before have neither field. */
export interface PushMarker {
  readonly digest?: string;
  readonly state?: 'storing' | 'stored';
  /** A claim's owner, so a claimer only ever releases its own claim. */
  readonly token?: string;
}

/** SHA-256 of the value's JSON with object keys sorted, so the same content has one digest. */
export function contentDigest(value: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(value)))
    .digest('hex');
}

export interface ClaimRequest {
  readonly key: string;
  readonly digest: string;
  /** How the refusal names the id, e.g. `batch "nightly-1"`. */
  readonly what: string;
  /** The request field holding the id, named in the refusal. */
  readonly field: string;
  /** The digest of what a marker from before digests were kept stands for (undefined: unknown). */
  readonly legacyDigest?: (marker: unknown) => Promise<string | undefined>;
}

export interface ClaimOptions {
  readonly waitMs?: number;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Claims `request.key` for this push: a token when this push must store its data (then call
 * `releasePushClaim` with it if storing fails), null when the same content is already stored (a
 * duplicate). Throws CONFLICT when the id holds other content, and a retryable CONFLICT when the
 * claimer is still storing after `waitMs`.
 */
export async function claimPush(
  kv: KeyValueStore,
  request: ClaimRequest,
  options: ClaimOptions = {},
): Promise<string | null> {
  const waitMs = options.waitMs ?? 10_000;
  const pollMs = options.pollMs ?? 50;
  const sleep =
    options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const started = Date.now();
  const token = randomUUID();
  const claim: PushMarker = { digest: request.digest, state: 'storing', token };
  for (;;) {
    if (await kv.setIfAbsent(request.key, claim, { ttlSeconds: PUSH_CLAIM_TTL_SECONDS })) {
      return token;
    }
    const marker = await kv.get<PushMarker>(request.key);
    if (marker !== undefined) {
      const digest = marker.digest ?? (await request.legacyDigest?.(marker));
      if (digest !== undefined && digest !== request.digest) {
        throw new AppError(
          'CONFLICT',
          `${request.field}: ${request.what} was already pushed with different data, which Ballast keeps; nothing of this request was stored. Send new data under a new id.`,
          { field: request.field },
        );
      }
      if (marker.state !== 'storing') return null;
    }
    if (Date.now() - started >= waitMs) {
      throw new AppError(
        'CONFLICT',
        `${request.field}: ${request.what} is being stored by another request right now; nothing of this request was stored. Send it again in a minute: it will be answered as a duplicate once stored, or stored if that request failed.`,
        { field: request.field, retryable: true },
      );
    }
    // Jitter, so waiters do not poll in lockstep.
    await sleep(pollMs + Math.floor(Math.random() * pollMs));
  }
}

/** Gives the id back after storing failed, unless another push holds it by now. */
export async function releasePushClaim(
  kv: KeyValueStore,
  key: string,
  token: string,
): Promise<void> {
  const marker = await kv.get<PushMarker>(key).catch(() => undefined);
  if (marker?.state === 'storing' && marker.token === token) {
    await kv.delete(key).catch(() => undefined);
  }
}
