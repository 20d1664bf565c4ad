import { WORK_TYPE_LABELS, type WorkTypeOrUnclassified } from './work-type';

/** The category as a Jira lozenge, one colour per type (the same colours as the sandbox cards). */
export function WorkTypeTag({ type }: { type: WorkTypeOrUnclassified }) {
  return (
    <span className={`lozenge lozenge-${type}`} data-work-type={type}>
      {WORK_TYPE_LABELS[type]}
    </span>
  );
}
