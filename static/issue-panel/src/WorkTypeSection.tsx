import { useId } from 'react';
import type { IssueView } from '../../../src/contract/issue-panel';
import { formatWhen, formatWho } from '../../shared/format';
import { WORK_TYPE_CHOICES, WORK_TYPE_LABELS, type WorkType } from '../../shared/work-type';
import { WorkTypeTag } from '../../shared/WorkTypeTag';

const SOURCE_LABELS: Readonly<Record<IssueView['workType']['source'], string>> = {
  manual: 'Set by hand',
  rule: 'Set by a rule',
  parent: 'Inherited from the parent',
  none: 'Not classified yet',
};

/** The select's value for "no manual choice": rules (or the parent) decide. */
const RULES = '';

interface Props {
  readonly workType: IssueView['workType'];
  readonly viewer: string | undefined;
  readonly pending: boolean;
  readonly onChange: (workType: WorkType | null) => void;
}

/** The work type as a tag, why it is what it is, and the picker to choose it by hand. */
export function WorkTypeSection({ workType, viewer, pending, onChange }: Props) {
  const headingId = useId();
  const pickerId = useId();
  const manual = workType.source === 'manual';
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        Work type
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
          Chosen by {formatWho(workType.setBy, viewer)}
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
          Change work type
        </label>
        <select
          id={pickerId}
          className="select"
          value={manual ? workType.type : RULES}
          aria-busy={pending}
          disabled={pending}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange(value === RULES ? null : (value as WorkType));
          }}
        >
          <option value={RULES}>Let rules decide</option>
          {WORK_TYPE_CHOICES.map((type) => (
            <option key={type} value={type}>
              {WORK_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        {pending && <span className="subtlest"> Saving…</span>}
      </div>
    </section>
  );
}
