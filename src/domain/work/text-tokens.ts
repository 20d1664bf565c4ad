/**
 * Splits free text into lower-case word tokens: letters and digits in any script, everything else a
 * separator. Shared by summary-keyword rules and the work-type suggestion so both read a summary the
 * same way ("Post-mortem: DB failover" → post, mortem, db, failover).
 */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token.length > 0);
}

/** True when `phrase` (already tokenized) occurs as consecutive tokens in `tokens`. */
export function containsPhrase(tokens: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0) return false;
  for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
    if (phrase.every((word, offset) => tokens[start + offset] === word)) return true;
  }
  return false;
}
