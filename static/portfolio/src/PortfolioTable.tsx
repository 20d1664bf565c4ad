/**
 * The portfolio table: one row per project, sortable by each column's header. Every value is the
 * backend's, written with the project page's own formatters (static/project-page/src/format.ts),
 * so a figure reads the same here as on the project's page.
 */
import { router } from '@forge/bridge';
import { useState } from 'react';
import type { PortfolioRow } from '../../../src/contract/portfolio';
import type { DoraFigure } from '../../../src/contract/project-page';
import { formatWhen } from '../../shared/format';
import { GateLozenge } from '../../shared/GateLozenge';
import { WORK_TYPE_LABELS } from '../../shared/work-type';
import { capacityPercent, formatFigure, percent } from '../../shared/figure-format';
import { DoraLozenge } from '../../shared/DoraLozenge';
import { lowestBudget, nextSort, sortRows, type Sort, type SortKey } from './sort';
import { TrendArrow } from './TrendArrow';

type DoraKey = keyof NonNullable<PortfolioRow['dora']>;

const DORA_COLUMNS: readonly { key: DoraKey; label: string }[] = [
  { key: 'deploymentFrequency', label: 'Deploy frequency' },
  { key: 'leadTime', label: 'Lead time' },
  { key: 'changeFailureRate', label: 'Change failure' },
  { key: 'timeToRestore', label: 'Time to restore' },
];

function ProjectLink({ row }: { row: PortfolioRow }) {
  return (
    <a
      className="portfolio-project"
      href={row.projectPageUrl}
      onClick={(event) => {
        event.preventDefault();
        void router.navigate(row.projectPageUrl);
      }}
    >
      <span className="portfolio-key">{row.projectKey}</span> {row.projectName}
    </a>
  );
}

function Budgets({ row, compact }: { row: PortfolioRow; compact: boolean }) {
  if (row.slos.length === 0) return <span className="subtlest">No SLOs linked</span>;
  const lowest = lowestBudget(row);
  // The gadget shows the budget that drives the gate: the lowest, with all of them in the title.
  if (compact)
    return (
      <strong
        title={row.slos
          .map(
            (s) =>
              `${s.name}: ${s.budgetRemaining === null ? 'no data' : percent(s.budgetRemaining)}`,
          )
          .join('\n')}
      >
        {lowest === null ? 'no data' : percent(lowest)}
      </strong>
    );
  return (
    <ul className="portfolio-list">
      {row.slos.map((slo) => (
        <li key={slo.name}>
          <span className="subtle">{slo.name}</span>{' '}
          <strong className={slo.state === 'HEALTHY' ? '' : `budget-${slo.state.toLowerCase()}`}>
            {slo.budgetRemaining === null ? 'no data' : percent(slo.budgetRemaining)}
          </strong>
        </li>
      ))}
    </ul>
  );
}

function Split({ row, compact }: { row: PortfolioRow; compact: boolean }) {
  const split = row.split;
  if (split === null) return <span className="subtlest">—</span>;
  if (split.reason !== null) return <span className="subtlest">{split.reason}</span>;
  const verdict = compact
    ? split.outside === 0
      ? 'On target'
      : `${split.outside} off target`
    : split.outside === 0
      ? 'All within the policy'
      : `${split.outside} outside the policy`;
  return (
    <div>
      <div className={split.outside === 0 ? 'split-ok' : 'split-off'}>{verdict}</div>
      {compact ? null : (
        <ul className="portfolio-list">
          {split.byType.map((t) => (
            <li key={t.type} className={t.within ? '' : 'split-off'}>
              {WORK_TYPE_LABELS[t.type]} {capacityPercent(t.share)}{' '}
              <span className="subtlest">
                (target {percent(t.target)}, {percent(t.min)}–{percent(t.max)})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Dora({ figure, compact }: { figure: DoraFigure; compact: boolean }) {
  // The gadget shows the band alone (the value in its title) so the row fits a dashboard column.
  if (compact && figure.band !== null)
    return (
      <span title={formatFigure(figure)}>
        <DoraLozenge band={figure.band} />
      </span>
    );
  return (
    <span title={figure.reason ?? undefined}>
      {formatFigure(figure)} <DoraLozenge band={figure.band} />
    </span>
  );
}

function Header({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: SortKey;
  sort: Sort;
  onSort: (key: SortKey) => void;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.descending ? ' ▾' : ' ▴') : ''}</span>
      </button>
    </th>
  );
}

export function PortfolioTable({
  rows,
  compact,
}: {
  rows: readonly PortfolioRow[];
  compact: boolean;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'gate', descending: false });
  const onSort = (key: SortKey) => setSort((current) => nextSort(current, key));
  const sorted = sortRows(rows, sort);
  const header = (label: string, column: SortKey) => (
    <Header label={label} column={column} sort={sort} onSort={onSort} />
  );
  return (
    <div className="portfolio-scroll">
      <table className="table portfolio-table">
        <thead>
          <tr>
            {header('Project', 'project')}
            {header('Gate', 'gate')}
            {header('Budget left', 'budget')}
            {header('This sprint’s split', 'split')}
            {header('Toil', 'toil')}
            {header('Debt', 'debt')}
            {DORA_COLUMNS.map((c) => (
              <Header key={c.key} label={c.label} column={c.key} sort={sort} onSort={onSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.projectKey} data-project={row.projectKey}>
              <th scope="row">
                <ProjectLink row={row} />
                {row.pendingReason === null ? null : (
                  <p className="subtlest">{row.pendingReason}</p>
                )}
                {row.meta.stale && row.meta.computedAt !== null ? (
                  <p className="subtlest">Figures from {formatWhen(row.meta.computedAt)}</p>
                ) : null}
                {row.meta.lastError === null ? null : (
                  <p className="subtlest">Last recompute failed: {row.meta.lastError}</p>
                )}
              </th>
              <td>
                <GateLozenge state={row.gate.state} title={row.gate.reasons.join('\n')} />
                {compact || row.gate.reasons.length === 0 ? null : (
                  <p className="subtlest gate-reason">{row.gate.reasons[0]}</p>
                )}
              </td>
              <td>
                <Budgets row={row} compact={compact} />
              </td>
              <td>
                <Split row={row} compact={compact} />
              </td>
              <td>
                {row.toilShare === null ? '—' : formatFigure(row.toilShare)}{' '}
                <TrendArrow trend={row.trends.toilShare} period="sprint" />
              </td>
              <td>
                {row.debtRatio === null ? '—' : formatFigure(row.debtRatio)}{' '}
                <TrendArrow trend={row.trends.debtRatio} period="sprint" />
              </td>
              {DORA_COLUMNS.map((c) => (
                <td key={c.key}>
                  {row.dora === null ? '—' : <Dora figure={row.dora[c.key]} compact={compact} />}{' '}
                  <TrendArrow trend={row.trends[c.key]} period="period" />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
