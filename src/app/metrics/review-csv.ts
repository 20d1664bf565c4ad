/**
 * The sprint review as CSV, written by RFC 4180 (www.rfc-editor.org/rfc/rfc4180, §2): records end
 * in CRLF, the first record is a header, a field holding a comma, a double quote, CR or LF is
 * enclosed in double quotes and each double quote in it is doubled. Text from Jira (summaries,
 * sprint names) that begins with = + - @ or a tab/CR is prefixed with ' so a spreadsheet shows it
 * rather than running it as a formula (OWASP, "CSV Injection",
 * owasp.org/www-community/attacks/CSV_Injection). Numbers are written as the backend computed
 * them (ratios 0–1, amounts in the row's unit), never re-rounded: the page formats the same values.
 */
import type { ReviewCsv, ReviewData } from '../../contract/sprint-review';

type Cell = string | number | boolean | null;

const HEADER = ['section', 'item', 'value', 'unit', 'detail'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text =
    typeof cell === 'string' ? (FORMULA_START.test(cell) ? `'${cell}` : cell) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvText(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const safeName = (text: string): string =>
  text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');

export function reviewCsv(data: ReviewData): ReviewCsv {
  const rows: Cell[][] = [[...HEADER]];
  const row = data.sprint;
  if (row === null) {
    rows.push([
      'sprint',
      'none',
      null,
      null,
      data.sprintsReason ?? 'No closed sprint to review yet.',
    ]);
    return { fileName: `${data.projectKey}-sprint-review.csv`, csv: csvText(rows) };
  }
  const unit = row.unit;
  const add = (section: string, item: string, value: Cell, u: string | null, detail: Cell = null) =>
    rows.push([section, item, value, u, detail]);
  add('sprint', 'name', row.name, null);
  add('sprint', 'started', row.startedAt, null);
  add('sprint', 'closed', row.completedAt, null);
  add('sprint', 'capacity', row.capacity, unit);
  add('commitment', 'committed', row.committed, unit);
  add('commitment', 'completed', row.completed, unit);
  add('commitment', 'predictability', row.predictability.value, 'ratio', row.predictability.reason);
  add('commitment', 'committed and completed', row.predictability.committedCompleted, unit);
  add('commitment', 'added and completed', row.predictability.addedCompleted, unit);
  add('commitment', 'predictability baseline', data.predictabilityBaseline, 'ratio');
  const scope = row.scopeChange;
  add('scope', 'added', scope.added, unit, `${scope.addedCount ?? 0} items`);
  add('scope', 'removed', scope.removed, unit, `${scope.removedCount ?? 0} items`);
  add('scope', 'net change', scope.value, unit, scope.reason);
  add('scope', 'churn', scope.churnShare, 'ratio');
  add('scope', 're-estimated', scope.reestimated, unit);
  const intr = row.interrupts;
  add('interrupts', 'added after start', intr.value, unit, `${intr.count} items`);
  add('interrupts', 'buffer', intr.bufferPoints, unit);
  add(
    'interrupts',
    'buffer used',
    intr.bufferUsed,
    'ratio',
    intr.overBuffer ? 'over the buffer' : null,
  );
  add('carry-over', 'items', row.carryOver.value, 'items');
  add('carry-over', 'size', row.carryOver.points, unit);
  for (const split of row.balance.planned)
    add('balance planned', split.type, split.points, unit, `${split.count} items`);
  for (const split of row.balance.completed)
    add('balance completed', split.type, split.points, unit, `${split.count} items`);
  if (data.shares?.reason) add('balance share of capacity', 'none', null, null, data.shares.reason);
  for (const share of data.shares?.byType ?? [])
    add('balance share of capacity', share.type, share.share, 'ratio');
  const review = data.review;
  if (review === null) {
    add(
      'review',
      'pending',
      null,
      null,
      'The stored figures predate the sprint review: Refresh recomputes them.',
    );
  } else {
    if (review.gate.reason !== null) add('gate', 'none', null, null, review.gate.reason);
    for (const segment of review.gate.segments) {
      const targets = segment.targets
        .map((t) => `${t.type} ${t.targetShare}% [${t.minShare}–${t.maxShare}]`)
        .join('; ');
      add('gate', `${segment.from} to ${segment.to}`, segment.state, null, targets);
    }
    if (review.alerts.reason !== null) add('alerts', 'none', null, null, review.alerts.reason);
    for (const a of review.alerts.fired) {
      add(
        'alerts',
        `${a.slo} ${a.severity} ${a.longWindow}/${a.shortWindow}`,
        a.from,
        null,
        a.ongoing ? `firing at close` : `until ${a.to}`,
      );
    }
    if (review.incidents.reason !== null)
      add('incidents', 'none', null, null, review.incidents.reason);
    for (const i of review.incidents.list) {
      add(
        'incidents',
        i.key,
        i.hoursToRestore,
        'hours to restore',
        `${i.summary} (started ${i.startedAt})`,
      );
      for (const b of i.budget)
        add('incident budget', `${i.key} ${b.slo}`, b.share, 'share of budget');
      if (i.budgetReason !== null) add('incident budget', i.key, null, null, i.budgetReason);
    }
    const pm = review.postmortems;
    if (pm.reason !== null) add('postmortems', 'none', null, null, pm.reason);
    for (const p of pm.opened) add('postmortems', p.key, p.actions, 'actions', p.summary);
    add('postmortem actions', 'opened', pm.actionsOpened, 'actions');
    add('postmortem actions', 'closed', pm.actionsClosed, 'actions');
    add('postmortem actions', 'open at close', pm.actionsOpenAtClose, 'actions');
    const dod = review.dod;
    add('definition of done', 'completed items', dod.completedItems, 'items');
    add('definition of done', 'complete', dod.complete, 'items');
    add('definition of done', 'open required items', dod.open, 'items', dod.openKeys.join(' '));
    add('definition of done', 'closed before Ballast', dod.closedBeforeBallast, 'items');
    add('definition of done', 'not evaluated', dod.notEvaluated, 'items');
    add('definition of done', 'compliance', dod.share, 'ratio');
  }
  const retro = data.retroActions;
  if (retro !== null) {
    const index = retro.sprints.findIndex((s) => s.sprintId === row.sprintId);
    if (retro.reason !== null) add('retro actions', 'none', null, null, retro.reason);
    for (const action of retro.actions) {
      add(
        'retro actions',
        action.key,
        index < 0 ? null : action.states[index]!,
        `at close`,
        action.summary,
      );
    }
  }
  return {
    fileName: `${data.projectKey}-${safeName(row.name) || row.sprintId}-review.csv`,
    csv: csvText(rows),
  };
}
