import type { ResolverError } from '../../src/contract/envelope';

/** A resolver's refusal, as thrown by `call` (kept apart from @forge/bridge so Node tests load it). */
export class ResolverFailure extends Error {
  constructor(readonly error: ResolverError) {
    super(error.message);
    this.name = 'ResolverFailure';
  }
}
