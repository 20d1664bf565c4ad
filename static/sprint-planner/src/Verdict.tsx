import type { SprintEvaluation } from '../../../src/contract/planner';
import { violationText } from './amounts';

const ENFORCEMENT_TEXT = {
  off: 'Enforcement is off: the split is shown, never enforced.',
  advise: 'Enforcement: advise — the planner warns, nothing is blocked.',
  enforce:
    'Enforcement: enforce — when the sprint starts, items that break the split go back to the backlog unless an override covers this exact plan.',
} as const;

/** Whether the plan keeps the split, each violation in words, and what the enforcement mode does. */
export function Verdict({ view }: { view: SprintEvaluation }) {
  const { verdict, violations, basis, warnings } = view.evaluation;
  const tone =
    verdict.status === 'compliant'
      ? 'message-success'
      : verdict.status === 'nonCompliant'
        ? view.enforcement === 'off'
          ? 'message-info'
          : 'message-warning'
        : 'message-info';
  // The title names what is broken, from the evaluation's violations: never "keeps" or "fits" beside one.
  const overCapacity = violations.some((v) => v.kind === 'capacity');
  const breaksSplit = violations.some((v) => v.kind === 'share');
  const broken =
    breaksSplit && overCapacity
      ? 'breaks the split and is over the capacity'
      : overCapacity
        ? 'is over the capacity'
        : 'breaks the split';
  const title =
    verdict.status === 'compliant'
      ? 'The plan keeps the split'
      : verdict.status === 'nonCompliant'
        ? `The plan ${broken} (${violations.length} ${violations.length === 1 ? 'problem' : 'problems'})`
        : 'The split cannot be checked';
  return (
    <div
      className={`message verdict ${tone}`}
      role="status"
      aria-live="polite"
      data-verdict={verdict.status}
    >
      <p className="message-title">{title}</p>
      {verdict.status === 'compliant' && violations.length === 0 && (
        <p>It fits the capacity after the buffer.</p>
      )}
      {verdict.status === 'unknownCapacity' && <p>{verdict.headline}</p>}
      {violations.length > 0 && (
        <ul className="message-list">
          {violations.map((v) => (
            <li key={v.kind === 'share' ? `${v.type}:${v.direction}` : 'capacity'}>
              {violationText(v, basis)}
            </li>
          ))}
        </ul>
      )}
      <p className="subtlest">{ENFORCEMENT_TEXT[view.enforcement]}</p>
      {warnings
        .filter((w) => !w.startsWith('No SLO data'))
        .map((w) => (
          <p key={w} className="subtlest">
            {w}
          </p>
        ))}
    </div>
  );
}
