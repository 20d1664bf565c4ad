/**
 * The one typed wrapper around `@forge/bridge` invoke: components call `call('meta/about', {})` and
 * get typed data or a ResolverFailure they can show — never raw strings or envelopes.
 */
import { invoke } from '@forge/bridge';
import type { Envelope } from '../../src/contract/envelope';
import type { RequestOf, ResolverKey, ResponseOf } from '../../src/contract/resolvers';
import { ResolverFailure } from './resolver-failure';
import { markLicenceInactive } from './licence';

export { ResolverFailure };

export async function call<K extends ResolverKey>(
  key: K,
  payload: RequestOf<K>,
): Promise<ResponseOf<K>> {
  const response = await invoke<Envelope<ResponseOf<K>>>(key, payload);
  // The bridge wraps the body as { body, metadata } only when metadata was requested; we never do.
  const envelope = 'body' in response ? response.body : response;
  if (envelope.ok) return envelope.data;
  // The licence lapsed while the page was open: the banner shows and changes grey out at once.
  if (envelope.error.code === 'LICENCE_INACTIVE') markLicenceInactive();
  throw new ResolverFailure(envelope.error);
}
