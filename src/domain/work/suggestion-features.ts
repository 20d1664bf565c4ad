import { tokenize } from './text-tokens';

/** What the suggestion reads from an item: the summary, labels and issue type (issue #3). */
export interface SuggestionText {
  readonly summary: string;
  readonly labels: readonly string[];
  readonly issueType: string;
}

// Words that say nothing about the kind of work; a short list, as the summaries are short.
const STOP_WORDS = new Set(
  'a an and are as at be by can for from in into is it no not of on or our should the to we when with'.split(
    ' ',
  ),
);

/**
 * Features with their source in the name, so evidence can be shown as it is:
 * `word:rotate`, `label:ops`, `issuetype:task`. Summary words repeat as often as they occur
 * (multinomial model); one-letter words and stop words are left out.
 */
export function suggestionFeatures(text: SuggestionText): string[] {
  const words = tokenize(text.summary)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word))
    .map((word) => `word:${word}`);
  const labels = text.labels.map((label) => `label:${label.trim().toLowerCase()}`);
  return [...words, ...labels, `issuetype:${text.issueType.trim().toLowerCase()}`];
}

/** `word:rotate` → `word "rotate"`, for the evidence list in the issue panel. */
export function describeFeature(feature: string): string {
  const [kind = '', ...rest] = feature.split(':');
  const value = rest.join(':');
  const names: Record<string, string> = { word: 'word', label: 'label', issuetype: 'issue type' };
  return `${names[kind] ?? kind} "${value}"`;
}
