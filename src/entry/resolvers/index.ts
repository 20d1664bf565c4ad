import Resolver from '@forge/resolver';
import { about } from './meta';
import { respond } from './respond';

/** All resolver keys of src/contract/resolvers.ts, each wrapped in the response envelope. */
export function buildResolver(): Resolver {
  const resolver = new Resolver();
  resolver.define('meta/about', () => respond(about));
  return resolver;
}
