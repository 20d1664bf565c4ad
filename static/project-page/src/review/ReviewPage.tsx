/**
 * The sprint review of one closed sprint (issue #23) as a pure view: the backend computed every
 * value (src/app/metrics/build-reviews.ts; the sprint figures are the Capacity and Delivery pages'
 * own row), this only lays them out, for the screen and for print.
 */
import type { ReactNode } from 'react';
import type { SprintRow } from '../../../../src/contract/project-page';
import type {
  ReviewData,
  SprintReviewRecord,
  TrackedState,
} from '../../../../src/contract/sprint-review';
import { GateLozenge } from '../../../shared/GateLozenge';
import { WORK_TYPE_LABELS } from '../../../shared/work-type';
import {
  amount,
  capacityPercent,
  count,
  formatValue,
  percent,
  shortDate,
  shortDateTime,
} from '../format';
import { EmptyNote, FigureTile, Section } from '../parts';

export interface ReviewActions {
  readonly onPick: (sprintId: string) => void;
  readonly onCsv: () => void;
  readonly onPrint: () => void;
  /** A CSV export that failed, in words; null otherwise. */
  readonly csvProblem: string | null;
}

const STATE_WORDS: Record<TrackedState, string> = {
  'not-created': '—',
  open: 'Open',
  done: 'Done',
};

export function ReviewPage({ data, actions }: { data: ReviewData; actions: ReviewActions }) {
  if (data.sprintsReason) return <EmptyNote>{data.sprintsReason}</EmptyNote>;
  const sprint = data.sprint;
  if (sprint === null)
    return (
      <EmptyNote>
        No sprint of this board has closed yet: its review appears here once one does.
      </EmptyNote>
    );
  return (
    <div className="review">
      <div className="review-controls no-print">
        <label className="field-label" htmlFor="review-sprint">
          Sprint
        </label>
        <select
          id="review-sprint"
          className="select"
          value={sprint.sprintId}
          onChange={(event) => actions.onPick(event.target.value)}
        >
          {data.closedSprints.map((s) => (
            <option key={s.sprintId} value={s.sprintId}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" className="button" onClick={actions.onCsv}>
          Export CSV
        </button>
        <button type="button" className="button button-subtle" onClick={actions.onPrint}>
          Print
        </button>
      </div>
      {actions.csvProblem ? (
        <p className="message message-warning" role="alert">
          {actions.csvProblem}
        </p>
      ) : null}
      <h2 className="review-title">
        {sprint.name}{' '}
        <span className="subtle">
          {shortDate(sprint.startedAt)} – {shortDate(sprint.completedAt)}
        </span>
      </h2>
      <Commitment sprint={sprint} baseline={data.predictabilityBaseline} />
      <Balance sprint={sprint} shares={data.shares} review={data.review} />
      {data.review === null ? (
        <EmptyNote>
          These figures were computed before Ballast kept sprint reviews: Refresh recomputes them
          with the gate, alerts, incidents, postmortems and Definition of Done of each sprint.
        </EmptyNote>
      ) : (
        <>
          <Reliability review={data.review} />
          <Dod review={data.review} />
        </>
      )}
      <RetroActionsTable data={data} sprintId={sprint.sprintId} />
    </div>
  );
}

function Commitment({ sprint, baseline }: { sprint: SprintRow; baseline: number }) {
  const unit = sprint.unit;
  const pred = sprint.predictability;
  const scope = sprint.scopeChange;
  const intr = sprint.interrupts;
  return (
    <Section title="Commitment and scope">
      <div className="tiles">
        <AmountTile label="Committed" value={amount(sprint.committed, unit)} reason={null}>
          in the sprint when it started, at its estimates then
        </AmountTile>
        <AmountTile label="Completed" value={amount(sprint.completed, unit)} reason={null}>
          done at the close, added work included
        </AmountTile>
        <FigureTile label="Predictability (strict)" figure={pred}>
          <p className="subtlest">
            {amount(pred.committedCompleted, unit)} of {amount(sprint.committed, unit)} committed
            done; baseline {percent(baseline)}
            {pred.meetsBaseline === false ? ' — below it' : ''}. Added and done beside it:{' '}
            {amount(pred.addedCompleted, unit)}.
          </p>
        </FigureTile>
        <AmountTile
          label="Scope change (net)"
          value={amount(scope.value, unit)}
          reason={scope.reason}
        >
          +{amount(scope.added, unit)} added ({count(scope.addedCount ?? 0, 'item')}), −
          {amount(scope.removed, unit)} removed ({count(scope.removedCount ?? 0, 'item')}); churn{' '}
          {percent(scope.churnShare)}
        </AmountTile>
        <AmountTile
          label="Interrupts against the buffer"
          value={percent(intr.bufferUsed)}
          reason={intr.reason}
        >
          {amount(intr.value, unit)} added after the start ({count(intr.count, 'item')}) against a
          buffer of {amount(intr.bufferPoints, unit)}: {percent(intr.bufferUsed)} used
          {intr.overBuffer ? ' — over the buffer' : ''}
        </AmountTile>
        <AmountTile
          label="Carry-over"
          value={count(sprint.carryOver.value ?? 0, 'item')}
          reason={sprint.carryOver.value === null ? sprint.carryOver.reason : null}
        >
          {amount(sprint.carryOver.points, unit)} in the sprint at its close and not done
        </AmountTile>
      </div>
    </Section>
  );
}

/** A tile for an amount in the sprint's basis unit, written as every page writes it (format.ts `amount`). */
function AmountTile({
  label,
  value,
  reason,
  children,
}: {
  label: string;
  value: string;
  reason: string | null;
  children: ReactNode;
}) {
  return (
    <div className="tile" data-figure={label}>
      <div className="tile-label">{label}</div>
      <div className="tile-value">
        <span className={reason ? 'tile-none' : undefined}>{reason ? '—' : value}</span>
      </div>
      {reason ? <p className="tile-reason">{reason}</p> : <p className="subtlest">{children}</p>}
    </div>
  );
}

function Balance({
  sprint,
  shares,
  review,
}: {
  sprint: SprintRow;
  shares: ReviewData['shares'];
  review: SprintReviewRecord | null;
}) {
  const byType = new Map(
    (shares?.byType ?? []).map((entry) => [entry.type as string, entry.share]),
  );
  const segments = review?.gate.segments ?? [];
  return (
    <Section title="Investment balance against the targets">
      {sprint.balance.reason ? <EmptyNote>{sprint.balance.reason}</EmptyNote> : null}
      {shares?.reason && !sprint.balance.reason ? <p className="subtle">{shares.reason}</p> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Planned</th>
            <th scope="col">Share of capacity</th>
            <th scope="col">Completed</th>
            {segments.map((segment) => (
              <th scope="col" key={segment.from}>
                Target while <GateLozenge state={segment.state} />
                <span className="subtlest review-when">
                  {shortDateTime(segment.from)} – {shortDateTime(segment.to)}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sprint.balance.planned.map((split) => {
            const done = sprint.balance.completed.find((c) => c.type === split.type);
            return (
              <tr key={split.type}>
                <th scope="row">{WORK_TYPE_LABELS[split.type]}</th>
                <td>{amount(split.points, sprint.unit)}</td>
                <td>
                  {split.type === 'unclassified'
                    ? '—'
                    : capacityPercent(byType.get(split.type) ?? null)}
                </td>
                <td>{amount(done?.points ?? null, sprint.unit)}</td>
                {segments.map((segment) => {
                  const target = segment.targets.find((t) => t.type === split.type);
                  return (
                    <td
                      key={segment.from}
                      className={
                        segment.changed.some((t) => t === split.type) ? 'review-changed' : undefined
                      }
                    >
                      {target
                        ? `${target.targetShare}% (${target.minShare}–${target.maxShare}%)`
                        : '—'}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      {review?.gate.reason ? <p className="subtle">{review.gate.reason}</p> : null}
      {segments.length > 1 ? (
        <p className="subtle">
          The gate changed {count(segments.length - 1, 'time')} during the sprint; highlighted
          targets are the ones its state moved away from the policy's.
        </p>
      ) : null}
    </Section>
  );
}

function Reliability({ review }: { review: SprintReviewRecord }) {
  const pm = review.postmortems;
  return (
    <>
      <Section title="Incidents that started in the sprint">
        {review.incidents.reason ? <EmptyNote>{review.incidents.reason}</EmptyNote> : null}
        {review.incidents.list.length === 0 && !review.incidents.reason ? (
          <p className="subtle">No incident started in this sprint.</p>
        ) : null}
        {review.incidents.list.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Summary</th>
                <th scope="col">Started</th>
                <th scope="col">Time to restore</th>
                <th scope="col">Error budget spent</th>
              </tr>
            </thead>
            <tbody>
              {review.incidents.list.map((incident) => (
                <tr key={incident.key}>
                  <th scope="row">{incident.key}</th>
                  <td>{incident.summary}</td>
                  <td>{shortDateTime(incident.startedAt)}</td>
                  <td>
                    {incident.hoursToRestore === null
                      ? 'open'
                      : formatValue(incident.hoursToRestore, 'hours')}
                  </td>
                  <td>
                    {incident.budgetReason ??
                      incident.budget
                        .map(
                          (b) =>
                            `${b.slo}: ${b.share === null ? 'no data' : capacityPercent(b.share)}`,
                        )
                        .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      <Section title="Alerts that fired">
        {review.alerts.reason ? <EmptyNote>{review.alerts.reason}</EmptyNote> : null}
        {review.alerts.fired.length === 0 && !review.alerts.reason ? (
          <p className="subtle">No burn-rate alert fired in this sprint.</p>
        ) : null}
        {review.alerts.fired.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">SLO</th>
                <th scope="col">Alert</th>
                <th scope="col">Fired</th>
                <th scope="col">Until</th>
              </tr>
            </thead>
            <tbody>
              {review.alerts.fired.map((alert) => (
                <tr key={`${alert.slo}-${alert.severity}-${alert.longWindow}-${alert.from}`}>
                  <th scope="row">{alert.slo}</th>
                  <td>
                    {alert.severity === 'page' ? 'Page' : 'Ticket'} ({alert.longWindow}/
                    {alert.shortWindow})
                  </td>
                  <td>{shortDateTime(alert.from)}</td>
                  <td>{alert.ongoing ? 'still firing at the close' : shortDateTime(alert.to)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      <Section title="Postmortems and their actions">
        {pm.reason ? <EmptyNote>{pm.reason}</EmptyNote> : null}
        <p>
          {count(pm.opened.length, 'postmortem')} opened; actions: {pm.actionsOpened} opened,{' '}
          {pm.actionsClosed} closed in the sprint, {pm.actionsOpenAtClose} open at its close.
        </p>
        {pm.opened.length > 0 ? (
          <ul className="review-list">
            {pm.opened.map((p) => (
              <li key={p.key}>
                <strong>{p.key}</strong> {p.summary} — {count(p.actions, 'action')},{' '}
                {p.resolvedAt ? `resolved ${shortDate(p.resolvedAt)}` : 'open'}
              </li>
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}

function Dod({ review }: { review: SprintReviewRecord }) {
  const dod = review.dod;
  return (
    <Section title="Definition of Done of completed items">
      <div className="tiles">
        <FigureTile
          label="DoD compliance"
          figure={{
            value: dod.share,
            unit: 'ratio',
            sampleSize: dod.complete + dod.open,
            reason:
              dod.share === null
                ? 'No completed item of this sprint has a Definition of Done checklist.'
                : null,
          }}
        >
          <p className="subtlest">
            {dod.complete} of {dod.complete + dod.open} completed items with a checklist had every
            required item done
          </p>
        </FigureTile>
      </div>
      <p className="subtle">
        {count(dod.completedItems, 'completed item')}: {dod.open} with required items open
        {dod.openKeys.length > 0 ? ` (${dod.openKeys.join(', ')})` : ''}, {dod.closedBeforeBallast}{' '}
        closed before Ballast, {dod.notEvaluated} not evaluated yet.
      </p>
    </Section>
  );
}

function RetroActionsTable({ data, sprintId }: { data: ReviewData; sprintId: string }) {
  const retro = data.retroActions;
  if (retro === null) return null;
  return (
    <Section title={`Retrospective actions (label “${retro.label}”)`}>
      {retro.reason ? <EmptyNote>{retro.reason}</EmptyNote> : null}
      {retro.actions.length === 0 && !retro.reason ? (
        <p className="subtle">
          No item carries the label “{retro.label}”. Label the actions your retrospectives agree on,
          and they are followed here sprint over sprint.
        </p>
      ) : null}
      {retro.actions.length > 0 ? (
        <table className="table review-retro">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Summary</th>
              {retro.sprints.map((s) => (
                <th
                  scope="col"
                  key={s.sprintId}
                  className={s.sprintId === sprintId ? 'review-current' : undefined}
                >
                  {s.name}
                </th>
              ))}
              <th scope="col">Now</th>
            </tr>
          </thead>
          <tbody>
            {retro.actions.map((action) => (
              <tr key={action.key}>
                <th scope="row">{action.key}</th>
                <td>{action.summary}</td>
                {action.states.map((state, i) => (
                  <td key={retro.sprints[i]?.sprintId ?? i} className={`review-state-${state}`}>
                    {STATE_WORDS[state]}
                  </td>
                ))}
                <td>{action.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {retro.truncated ? (
        <p className="subtle">Only the newest 100 labelled items are shown.</p>
      ) : null}
      <p className="subtlest">Each sprint column is the action's state when that sprint closed.</p>
    </Section>
  );
}
