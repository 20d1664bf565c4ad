import type { ClassifiableItem } from './classifiable-item';
import { matchCondition } from './condition-match';
import type { ClassificationRule } from './rule';
import type { WorkTypeOrUnclassified } from './work-type';

/** Who or what decided an item's type, so the issue panel can say "tagged by rule …". */
export type ClassificationSource =
  | { readonly kind: 'manual' }
  | {
      readonly kind: 'rule';
      readonly ruleId: string;
      /** 1-based position in the rule list, as the settings page shows it. */
      readonly rulePosition: number;
      /** Why the rule matched, e.g. `label is "tech-debt"`. */
      readonly matched: string;
    }
  | { readonly kind: 'parent'; readonly parentKey: string; readonly parent: Classification }
  | { readonly kind: 'none' };

export interface Classification {
  readonly key: string;
  readonly type: WorkTypeOrUnclassified;
  readonly source: ClassificationSource;
  /** One sentence for people: "Rule #1 "bug-is-reliability": issue type is "Bug"." */
  readonly reason: string;
}

// Jira's hierarchy is at most a few levels (sub-task, story, epic, initiative…); a deeper chain is
// bad data, and stopping keeps a cyclic parent chain from looping forever.
const MAX_PARENT_DEPTH = 10;

function ownDecision(
  item: ClassifiableItem,
  rules: readonly ClassificationRule[],
): Classification | null {
  if (item.manualType !== undefined) {
    return {
      key: item.key,
      type: item.manualType,
      source: { kind: 'manual' },
      reason: `Set by hand to ${item.manualType}.`,
    };
  }
  for (const [index, rule] of rules.entries()) {
    const matched = matchCondition(rule.when, item);
    if (matched !== null) {
      return {
        key: item.key,
        type: rule.type,
        source: { kind: 'rule', ruleId: rule.id, rulePosition: index + 1, matched },
        reason: `Rule #${index + 1} "${rule.id}" (${rule.type}): ${matched}.`,
      };
    }
  }
  return null;
}

function classifyAtDepth(
  item: ClassifiableItem,
  rules: readonly ClassificationRule[],
  depth: number,
): Classification {
  const own = ownDecision(item, rules);
  if (own) return own;
  if (item.parent && depth < MAX_PARENT_DEPTH) {
    const parent = classifyAtDepth(item.parent, rules, depth + 1);
    if (parent.type !== 'unclassified') {
      return {
        key: item.key,
        type: parent.type,
        source: { kind: 'parent', parentKey: item.parent.key, parent },
        reason: `Inherited ${parent.type} from parent ${item.parent.key}: ${parent.reason}`,
      };
    }
  }
  return {
    key: item.key,
    type: 'unclassified',
    source: { kind: 'none' },
    reason: 'No manual category, no matching rule and no classified parent.',
  };
}

/**
 * Decides an item's work type (PRODUCT.md §1): a manual type beats every rule; otherwise the first
 * matching rule in list order; otherwise the parent's type (recursively); otherwise unclassified.
 *
 * "A child inherits its parent's type unless tagged itself": we read "tagged" as tagged by hand or by
 * a rule, as the brief says rules tag items. So a Bug under a feature epic stays reliability; to
 * make a parent's type win, write a rule on `parentKey` / `parentIssueType` above the others.
 */
export function classify(
  item: ClassifiableItem,
  rules: readonly ClassificationRule[],
): Classification {
  return classifyAtDepth(item, rules, 0);
}
