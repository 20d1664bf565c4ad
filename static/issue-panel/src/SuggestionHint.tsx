import type { IssueView } from '../../../src/contract/issue-panel';
import { WORK_TYPE_LABELS, type WorkType } from '../../shared/work-type';
import { WorkTypeTag } from '../../shared/WorkTypeTag';

/**
 * 0.781 → "78%": the backend's confidence as people read it (rounded down, never recomputed, so
 * 0.996 reads 99%, not a certainty the backend never claimed).
 */
export function confidencePercent(confidence: number): string {
  return `${Math.floor(confidence * 100)}%`;
}

interface Props {
  readonly suggestion: NonNullable<IssueView['suggestion']>;
  readonly pending: boolean;
  /** Sets the type by hand, as if the person had picked it: the app never applies a suggestion. */
  readonly onUse: (workType: WorkType) => void;
}

/**
 * The backend's suggestion for an unclassified item (PRODUCT.md §1), under the picker:
 * "Suggested: Debt — 78% confident, learned from 312 tagged items", what weighed most, and "Use this".
 */
export function SuggestionHint({ suggestion, pending, onUse }: Props) {
  const label = WORK_TYPE_LABELS[suggestion.type];
  const items = suggestion.basedOn === 1 ? 'tagged item' : 'tagged items';
  return (
    <div className="suggestion" role="note" aria-label="Suggested category">
      <p className="suggestion-text">
        <span className="suggestion-label">Suggested: </span>
        <WorkTypeTag type={suggestion.type} />
        {` — ${confidencePercent(suggestion.confidence)} confident, learned from ${suggestion.basedOn} ${items}`}
      </p>
      {suggestion.evidence.length > 0 && (
        <p className="subtlest suggestion-evidence">
          Mostly because of {suggestion.evidence.join(', ')} ({suggestion.evidenceCount}{' '}
          {suggestion.evidenceCount === 1 ? 'mention' : 'mentions'} of its words and labels in
          tagged items)
        </p>
      )}
      <button
        type="button"
        className="button"
        aria-disabled={pending}
        aria-label={`Use this: set the category to ${label}`}
        onClick={() => !pending && onUse(suggestion.type)}
      >
        Use this
      </button>
    </div>
  );
}
