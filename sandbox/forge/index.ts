/** The Forge host's public surface, for the sandbox, the shell and the tests (README.md). */
export { createForgeHost, type ForgeHost, type ForgeHostOptions } from './host';
export type { Outcome } from './host/background';
export type { ResolverInvocation } from './host/resolver';
export type { ValidatorAnswer, ValidatorCall } from './host/validator';
export {
  BACKGROUND_TIMEOUT_MS,
  InvocationTimeoutError,
  RESOLVER_TIMEOUT_MS,
  type InvocationContext,
} from './invocation';
export {
  createSandboxKvs,
  DEFAULT_STATE_DIR,
  entitiesFromManifest,
  type SandboxKvs,
  type SandboxKvsOptions,
} from './kvs/index';
export {
  installForgeRuntime,
  SANDBOX_CLOUD_ID,
  type ForgeRuntimeOptions,
  type InstalledForgeRuntime,
  type KvsEndpoint,
} from './runtime';
