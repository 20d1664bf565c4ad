// Types of scripts/pack-cli.mjs for the TypeScript tests that call it.
export function packCli(destination: string, options?: { quiet?: boolean }): Promise<string>;
export function installCli(tarball: string, prefix: string): string;
