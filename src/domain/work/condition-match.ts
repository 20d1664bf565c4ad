import type { ClassifiableItem } from './classifiable-item';
import type { RuleCondition, RuleField } from './rule';
import { containsPhrase, tokenize } from './text-tokens';

const FIELD_NAMES: Readonly<Record<RuleField, string>> = {
  issueType: 'issue type',
  label: 'label',
  component: 'component',
  parentIssueType: 'parent issue type',
  parentKey: 'parent',
  summaryKeyword: 'summary keyword',
};

const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function fieldValues(item: ClassifiableItem, field: RuleField): readonly string[] {
  switch (field) {
    case 'issueType':
      return [item.issueType];
    case 'label':
      return item.labels;
    case 'component':
      return item.components;
    case 'parentIssueType':
      return item.parent ? [item.parent.issueType] : [];
    case 'parentKey':
      return item.parent ? [item.parent.key] : [];
    case 'summaryKeyword':
      return [item.summary];
  }
}

function matchField(
  item: ClassifiableItem,
  field: RuleField,
  anyOf: readonly string[],
): string | null {
  if (field === 'summaryKeyword') {
    // Whole words, so "ops" does not match "stops"; a keyword may be a phrase ("on call").
    const words = tokenize(item.summary);
    const hit = anyOf.find((keyword) => containsPhrase(words, tokenize(keyword)));
    return hit === undefined ? null : `summary contains "${hit}"`;
  }
  // Jira matches labels and names case-sensitively, but admins type rules by hand: ignore case.
  for (const value of fieldValues(item, field)) {
    if (anyOf.some((wanted) => same(wanted, value))) return `${FIELD_NAMES[field]} is "${value}"`;
  }
  return null;
}

/**
 * Tests a condition against an item. Returns why it matched, in words for the issue panel
 * ("label is "tech-debt" and component is "billing""), or null when it does not match.
 */
export function matchCondition(condition: RuleCondition, item: ClassifiableItem): string | null {
  if ('field' in condition) return matchField(item, condition.field, condition.anyOf);
  if ('all' in condition) {
    const reasons: string[] = [];
    for (const part of condition.all) {
      const reason = matchCondition(part, item);
      if (reason === null) return null;
      reasons.push(reason);
    }
    return reasons.join(' and ');
  }
  for (const part of condition.any) {
    const reason = matchCondition(part, item);
    if (reason !== null) return reason;
  }
  return null;
}
