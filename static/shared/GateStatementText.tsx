import type { GateStatement } from '../../src/contract/gate';
import { formatWhen } from './format';
import { GATE_LABEL } from './gate-tone';

/**
 * The gate's statement as the backend wrote it (src/domain/gate/gate-words.ts): the state and since
 * when, in the viewer's locale and time zone, then each sentence (the policy's rule with today's
 * figures) and what it does to planning. The same words in the planner, the panel and the project page.
 */
export function GateStatementText({ statement }: { statement: GateStatement }) {
  return (
    <div className="gate-statement" data-gate-statement={statement.state}>
      {statement.since !== null && (
        <p className="gate-since">
          <strong>
            {GATE_LABEL[statement.state]} since{' '}
            <time dateTime={statement.since}>{formatWhen(statement.since)}</time>.
          </strong>
        </p>
      )}
      {statement.sentences.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
      <p>{statement.effect}</p>
    </div>
  );
}
