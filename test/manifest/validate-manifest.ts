/**
 * Offline manifest checks with Atlassian's own validator (@forge/manifest): the full validation the
 * Forge CLI runs before a deploy, and the product-trigger scope check. Returns readable lines.
 */
import { ProcessorBuilder, validate, ValidationTypes } from '@forge/manifest';

export interface ManifestProblem {
  readonly check: 'full' | 'trigger-scopes';
  readonly line: number | undefined;
  readonly message: string;
}

export async function validateManifest(path: string): Promise<ManifestProblem[]> {
  const full = await validate(false, path);
  const triggers = await ProcessorBuilder.instance()
    .withValidation(ValidationTypes.PRODUCT_TRIGGER)
    .build()
    .process(path);
  return [
    ...(full.errors ?? []).map((e) => ({
      check: 'full' as const,
      line: e.line,
      message: e.message,
    })),
    ...(triggers.errors ?? []).map((e) => ({
      check: 'trigger-scopes' as const,
      line: e.line,
      message: e.message,
    })),
  ];
}

export function describeProblems(problems: readonly ManifestProblem[]): string {
  return problems.map((p) => `manifest.yml:${p.line ?? '?'} [${p.check}] ${p.message}`).join('\n');
}
