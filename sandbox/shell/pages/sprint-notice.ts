/**
 * The notice over the backlog after a sprint was started or completed: Jira's result, then what
 * Ballast's sprint triggers did — the commitment snapshot they stored (and, in enforce mode, the
 * items they moved back with their comment on each), or the outcome recorded at close. Every
 * figure is one the app stored; the shell only words it.
 */
import { formatAmount, readableNumbers } from '../../../static/sprint-planner/src/amounts';
import { html, type SafeHtml } from '../html';
import type { CompleteReport, StartReport } from '../sprint-report';

/** The gate's states as the planner's banner names them. */
const GATE_NAMES: Record<string, string> = {
  HEALTHY: 'healthy',
  AT_RISK: 'at risk',
  FROZEN: 'frozen',
  NO_DATA: 'no data',
};

const day = (iso: string | undefined) => (iso === undefined ? '?' : iso.slice(0, 10));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function notice(kind: 'success' | 'warning', title: string, body: SafeHtml): SafeHtml {
  return html`<div
    class="section-message section-message-${kind} sprint-notice"
    role="status"
    data-sprint-notice
  >
    <span class="section-message-icon" aria-hidden="true">${kind === 'success' ? '✓' : '!'}</span>
    <div class="section-message-body">
      <strong>${title}</strong>
      ${body}
    </div>
    <a class="action action-subtle" href="?" aria-label="Dismiss the notice">Dismiss</a>
  </div>`;
}

/**
 * The moved items grouped by the comment Ballast left on them: one sprint start gives every item
 * the same reason, so it is shown once, after the items' keys, instead of once per item.
 */
function movedGroups(moved: StartReport['moved']): SafeHtml {
  const groups = new Map<string, string[]>();
  for (const item of moved) {
    const comment = item.comment ?? 'No comment from Ballast.';
    groups.set(comment, [...(groups.get(comment) ?? []), item.key]);
  }
  return html`${[...groups].map(
    ([comment, keys]) =>
      html`<div class="moved-group">
        <ul class="moved-items">
          ${keys.map(
            (key) => html`<li data-moved-key="${key}"><a href="/browse/${key}">${key}</a></li>`,
          )}
        </ul>
        <blockquote class="moved-comment">${comment}</blockquote>
      </div>`,
  )}`;
}

export function startNotice(report: StartReport): SafeHtml {
  const { sprint, commitment, moved } = report;
  const jiraLine = html`<p>Jira started it: ${day(sprint.startDate)} – ${day(sprint.endDate)}.</p>`;
  if (commitment === undefined)
    return notice(
      'warning',
      `${sprint.name} started`,
      html`${jiraLine}
        <p data-ballast-commitment="none">
          Ballast stored no commitment snapshot for this sprint: its sprint-started trigger did not
          record one. The sandbox's console shows the trigger's error, if it failed.
        </p>`,
    );
  const committed = commitment.items.reduce((sum, item) => sum + (item.size ?? 0), 0);
  const unestimated = commitment.items.filter((item) => item.size === null).length;
  return notice(
    'success',
    `${sprint.name} started`,
    html`${jiraLine}
      <p data-ballast-commitment="${commitment.items.length}">
        Ballast took the commitment snapshot: ${plural(commitment.items.length, 'item')} (issues and
        sub-tasks), ${formatAmount(committed, commitment.basis)}
        ${unestimated === 0 ? '' : `(${unestimated} unestimated)`} against
        ${formatAmount(commitment.plannable, commitment.basis)} plannable; error budget gate:
        ${GATE_NAMES[commitment.gateState] ?? commitment.gateState}.
      </p>
      <p>Its verdict at the start: ${readableNumbers(commitment.verdict.headline)}</p>
      ${
        moved.length === 0
          ? html`<p data-ballast-moved="0">
              ${
                commitment.notEnforcedBecause === null
                  ? 'It moved nothing.'
                  : `It moved nothing: ${commitment.notEnforcedBecause}.`
              }
            </p>`
          : html`<p data-ballast-moved="${moved.length}">
                Enforcing the split, it moved ${plural(moved.length, 'item')} back to the backlog,
                with a comment on each:
              </p>
              ${movedGroups(moved)}`
      }`,
  );
}

export function completeNotice(report: CompleteReport): SafeHtml {
  const { sprint, outcome, open } = report;
  const places = new Map<string, number>();
  for (const item of open) places.set(item.nowIn, (places.get(item.nowIn) ?? 0) + 1);
  const where = [...places].map(([place, n]) => `${n} in ${place}`).join(', ');
  const predictability =
    outcome?.predictability === null || outcome?.predictability === undefined
      ? 'no predictability (nothing committed at the start was recorded)'
      : `predictability ${Math.round(outcome.predictability * 100)}% (committed work done ÷ committed)`;
  return notice(
    outcome === undefined ? 'warning' : 'success',
    `${sprint.name} completed`,
    html`<p data-jira-complete>
        Jira closed it on ${day(sprint.completeDate)}:
        ${plural(report.doneCount, 'completed issue')},
        ${plural(open.length, 'open issue')}${open.length === 0 ? '' : ` (now ${where})`}.
      </p>
      ${
        outcome === undefined
          ? html`<p data-ballast-outcome="none">
              Ballast recorded no outcome for this sprint: its sprint-closed trigger did not store
              one.
            </p>`
          : html`<p data-ballast-outcome="${outcome.completed.length}">
              Ballast recorded the outcome: ${plural(outcome.completed.length, 'item')} done (issues
              and sub-tasks), ${predictability}. The Ballast project page counts the sprint from its
              next metrics recompute.
            </p>`
      }`,
  );
}
