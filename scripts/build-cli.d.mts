// Types of scripts/build-cli.mjs for the TypeScript benches and tests that call it.
export const distDir: string;
export function buildCli(options?: {
  clean?: boolean;
  quiet?: boolean;
  outDir?: string;
}): Promise<void>;
