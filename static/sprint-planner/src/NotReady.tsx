import { useId } from 'react';
import type { SprintPlanEvaluation } from '../../../src/contract/planner';

const REASONS = { noEstimate: 'no estimate', unclassified: 'no category' } as const;

/** Items the split cannot count properly: no estimate (counted as 0) or no category. */
export function NotReady({ items }: { items: SprintPlanEvaluation['notReady'] }) {
  const headingId = useId();
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-head">
        <h2 id={headingId} className="section-title">
          Not ready
        </h2>
        <span className="badge">{items.length}</span>
      </div>
      {items.length === 0 ? (
        <p className="empty">Every item has an estimate and a category.</p>
      ) : (
        <>
          <p className="subtlest">
            Estimate them and set their category in the issue panel, so the split counts them.
          </p>
          <ul className="not-ready">
            {items.map((item) => (
              <li key={item.key} data-issue-key={item.key}>
                <span className="issue-key">{item.key}</span>
                <span className="subtle">{item.reasons.map((r) => REASONS[r]).join(', ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
