/**
 * The DORA keys and incident figures per sprint (or per 4 weeks without a board), as the backend
 * computed them (src/domain/metrics/dora-trend.ts): one row per window, each cell the value with
 * its band, or a dash with the reason in its title when the window had too little data.
 */
import type { DeliveryData, DoraFigure, Figure } from '../../../src/contract/project-page';
import { exactPercent, formatFigure, shortDate } from './format';
import { DoraLozenge } from './parts';

function Cell({ figure, band }: { figure: Figure; band?: DoraFigure['band'] }) {
  if (figure.value === null) {
    return (
      <td className="subtlest" title={figure.reason ?? undefined}>
        —
      </td>
    );
  }
  return (
    <td>
      {figure.unit === 'ratio' ? exactPercent(figure.value) : formatFigure(figure)}{' '}
      {band !== undefined ? <DoraLozenge band={band} /> : null}
    </td>
  );
}

export function DoraTrendTable({ delivery }: { delivery: DeliveryData['delivery'] }) {
  const by = delivery.trendBy === 'sprint' ? 'Sprint' : '4 weeks';
  if (delivery.trend.length === 0) {
    return <p className="subtle">No sprint or 4-week window falls in the period yet.</p>;
  }
  return (
    <table className="table" aria-label={`DORA keys per ${by.toLowerCase()}`}>
      <caption className="table-caption">
        {delivery.trendBy === 'sprint'
          ? 'Per sprint, from its start to its end (the active sprint to now)'
          : 'Per 4 weeks (no Scrum board is chosen)'}
        ; a dash means too little data — hover it for why.
      </caption>
      <thead>
        <tr>
          <th scope="col">{by}</th>
          <th scope="col">Deployments</th>
          <th scope="col">Deployment frequency</th>
          <th scope="col">Lead time</th>
          <th scope="col">Change failure rate</th>
          <th scope="col">Time to restore</th>
          <th scope="col">Incidents</th>
          <th scope="col">Mean time between releases</th>
        </tr>
      </thead>
      <tbody>
        {delivery.trend.map((row) => (
          <tr key={row.id} data-window={row.id}>
            <th scope="row">
              {row.label}
              <div className="subtlest">
                {shortDate(row.from)} – {shortDate(row.to)}
              </div>
            </th>
            <td>{row.deployments}</td>
            <Cell figure={row.deploymentFrequency} band={row.deploymentFrequency.band} />
            <Cell figure={row.leadTime} band={row.leadTime.band} />
            <Cell figure={row.changeFailureRate} band={row.changeFailureRate.band} />
            <Cell figure={row.timeToRestore} band={row.timeToRestore.band} />
            <td>{row.incidents}</td>
            <Cell figure={row.meanTimeBetweenReleases} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}
