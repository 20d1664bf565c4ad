import { useId, useState } from 'react';
import type { IssueView } from '../../../src/contract/issue-panel';
import { formatWhen, formatWho } from '../../shared/format';
import { WORK_TYPE_CHOICES, WORK_TYPE_LABELS, type WorkType } from '../../shared/work-type';
import { WorkTypeTag } from '../../shared/WorkTypeTag';
import { SuggestionHint } from './SuggestionHint';

const SOURCE_LABELS: Readonly<Record<IssueView['workType']['source'], string>> = {
  manual: 'Set by hand',
  rule: 'Set by a rule',
  parent: 'Inherited from the parent',
  none: 'Not classified yet',
};

/** The select's value for "no manual choice": rules (or the parent) decide. */
const RULES = '';

/** The picker's value for the backend's category: the manual type, or "Let rules decide". */
export function pickerValue(workType: IssueView['workType']): string {
  return workType.source === 'manual' ? workType.type : RULES;
}

/** What to send for a picker value: a type, or null to clear the manual choice. */
export function requestedType(value: string): WorkType | null {
  return WORK_TYPE_CHOICES.find((type) => type === value) ?? null;
}

interface Props {
  readonly workType: IssueView['workType'];
  /** The backend's suggestion (unclassified items only); applied only by the person. */
  readonly suggestion: IssueView['suggestion'];
  /** Why there is no suggestion for this unclassified item (the backend's sentence), or null. */
  readonly noSuggestion: IssueView['noSuggestion'];
  readonly viewer: string | undefined;
  /** Names of the people in the view (IssueView.people). */
  readonly people?: Readonly<Record<string, string>>;
  readonly pending: boolean;
  readonly onChange: (workType: WorkType | null) => void;
}

/** The category as a tag, why it is what it is, and the picker to choose it by hand. */
export function WorkTypeSection({
  workType,
  suggestion,
  noSuggestion,
  viewer,
  people = {},
  pending,
  onChange,
}: Props) {
  const headingId = useId();
  const pickerId = useId();
  const manual = workType.source === 'manual';
  // The choice is applied with a button, not on change: arrow keys on a closed select change its
  // value, and a keyboard user browsing the options must not save each one on the way.
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const current = pickerValue(workType);
  const value = choice ?? current;
  const canApply = value !== current && !pending;
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Category
      </h2>
      <div className="work-type-row">
        <WorkTypeTag type={workType.type} />
        <span className="subtle">{SOURCE_LABELS[workType.source]}</span>
      </div>
      <p className="why">
        <span className="why-label">Why: </span>
        {workType.reason}
      </p>
      {manual && workType.setBy !== undefined && (
        <p className="subtlest chosen-by">
          Chosen by {formatWho(workType.setBy, viewer, people)}
          {workType.setAt !== undefined && (
            <>
              {' on '}
              <time dateTime={workType.setAt}>{formatWhen(workType.setAt)}</time>
            </>
          )}
        </p>
      )}
      <div className="field">
        <label htmlFor={pickerId} className="field-label">
          Change category
        </label>
        <select
          id={pickerId}
          className="select"
          value={value}
          onChange={(event) => setChoice(event.currentTarget.value)}
        >
          <option value={RULES}>Let rules decide</option>
          {WORK_TYPE_CHOICES.map((type) => (
            <option key={type} value={type}>
              {WORK_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-primary"
          // aria-disabled, not disabled: the button keeps keyboard focus while the change is saved.
          aria-disabled={!canApply}
          aria-busy={pending}
          onClick={() => canApply && onChange(requestedType(value))}
        >
          {pending ? 'Saving…' : 'Apply'}
        </button>
      </div>
      {suggestion !== null && (
        <SuggestionHint
          suggestion={suggestion}
          pending={pending}
          onUse={(type) => {
            setChoice(undefined);
            onChange(type);
          }}
        />
      )}
      {suggestion === null && noSuggestion !== null && (
        <p className="subtlest suggestion-none">{noSuggestion}</p>
      )}
    </section>
  );
}
