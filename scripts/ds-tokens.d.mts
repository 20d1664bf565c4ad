// Types of scripts/ds-tokens.mjs, for the Vite config, the sandbox shell and the tests.
export interface TokenValue {
  light: string;
  dark: string;
}
export function packageTokens(): {
  paths: Map<string, string>;
  names: Set<string>;
  values: Map<string, TokenValue>;
};
export function tokenNamesIn(text: string): Set<string>;
export function sourceFiles(dir: string): string[];
export function tokenUses(files: string[], root: string): Map<string, string[]>;
export function tokenCss(names: Iterable<string>): { css: string; unknown: string[] };
