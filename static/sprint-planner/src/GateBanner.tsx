import type { GateView } from '../../../src/contract/planner';
import { formatWhen, formatWho } from '../../shared/format';
import { GATE_STATE_WORDS } from '../../shared/GateLozenge';
import { GateStatementText } from '../../shared/GateStatementText';
import { gateTone } from '../../shared/gate-tone';

const TITLES: Readonly<Record<GateView['state'], string>> = {
  HEALTHY: 'Error budget gate: healthy',
  AT_RISK: 'Error budget gate: at risk',
  FROZEN: 'Error budget gate: frozen',
  NO_DATA: 'Error budget gate: no data',
};

/**
 * The planning gate (PRODUCT.md §4) in the state's colour (gate-tone.ts) with the backend's
 * statement: the policy's rule with today's figures. NO_DATA is its own state, never "healthy".
 */
export function GateBanner({
  gate,
  viewer,
  people = {},
}: {
  gate: GateView;
  viewer?: string | undefined;
  people?: Readonly<Record<string, string>>;
}) {
  return (
    <div
      className={`message message-gate gate ${gateTone(gate.state)}`}
      role="note"
      aria-label={TITLES[gate.state]}
      data-gate={gate.state}
    >
      <p className="message-title">{TITLES[gate.state]}</p>
      <GateStatementText statement={gate.statement} />
      {gate.override !== null &&
        (gate.override.counts ? (
          <p className="gate-override" data-override-until={gate.override.until}>
            <strong>Overridden:</strong> feature work may start until{' '}
            <time dateTime={gate.override.until}>{formatWhen(gate.override.until)}</time> (
            {formatWho(gate.override.accountId, viewer, people)}: “{gate.override.reason}”).
          </p>
        ) : (
          <p className="gate-override subtle" data-override-counts="false">
            An override of the freeze by {formatWho(gate.override.accountId, viewer, people)} (“
            {gate.override.reason}”, until{' '}
            <time dateTime={gate.override.until}>{formatWhen(gate.override.until)}</time>) was
            recorded while the gate was frozen. It no longer counts: the gate is{' '}
            {GATE_STATE_WORDS[gate.state]} now.
          </p>
        ))}
    </div>
  );
}
