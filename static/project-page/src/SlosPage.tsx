/**
 * SLOs: the project's error-budget gate, and per SLO its state, SLI, budget left with time to
 * exhaustion and the forecast at the end of the active sprint, the burn-down and SLI charts,
 * burn rates and the multiwindow, multi-burn-rate alerts (the SRE Workbook's method; the SLO's
 * alert table) with their firing state.
 */
import type { SloRow, SlosData } from '../../../src/contract/project-page';
import { percent, rateText, shortDate, sliText, windowWords } from './format';
import { GateLozenge } from '../../shared/GateLozenge';
import { GateStatementText } from '../../shared/GateStatementText';
import { EmptyNote, Section } from './parts';
import { BurndownChart, SliChart } from './SloCharts';

function ForecastTile({ slo }: { slo: SloRow }) {
  const forecast = slo.sprintForecast;
  return (
    <div className="tile" data-figure={`${slo.name} sprint forecast`}>
      <div className="tile-label">Budget left when the sprint ends</div>
      <div
        className={`tile-value${(forecast.budgetRemaining ?? 1) < 0 ? ' text-danger' : ''}${forecast.budgetRemaining === null ? ' tile-none' : ''}`}
      >
        {percent(forecast.budgetRemaining)}
      </div>
      {forecast.budgetRemaining === null ? (
        <p className="tile-reason">{forecast.reason}</p>
      ) : (
        <p className="subtlest">
          {`${forecast.sprint ?? 'The sprint'} ends ${shortDate(forecast.endsAt)}; at the burn rate of the last ${windowWords(forecast.burnRateWindow)} (${rateText(forecast.burnRate)})`}
        </p>
      )}
    </div>
  );
}

/**
 * Burning down or not, from the same burn rate as the sprint-end forecast beside it
 * (src/domain/slo/budget-trend.ts), so the two tiles never contradict each other.
 */
function trendWords(trend: SloRow['trend']): string {
  const over = `the last ${windowWords(trend.window)}`;
  switch (trend.kind) {
    case 'no-data':
      return `No SLI data over ${over} to measure the burn`;
    case 'spent':
      return 'Spent: no budget left in the window';
    case 'steady':
      return `Not burning down over ${over}`;
    case 'burning':
      return `Burning down at ${rateText(trend.burnRate)} over ${over}: spent by ${shortDate(trend.spentAt)} at this pace`;
  }
}

/** Whether the window holds any SLI data to chart (the backend sends nulls where it has none). */
const hasData = (slo: SloRow): boolean =>
  slo.burndown.some((p) => p.budgetRemaining !== null) ||
  slo.sliHistory.points.some((p) => p.sli !== null);

function SloCard({ slo }: { slo: SloRow }) {
  return (
    <section className="slo" aria-label={`SLO ${slo.name}`}>
      <div className="slo-head">
        <h3 className="slo-name">{slo.name}</h3>
        <GateLozenge state={slo.state} />
        <span className="subtle">
          {slo.service}
          {slo.target !== null ? ` · target ${sliText(slo.target)}` : ''}
          {slo.window ? ` over ${slo.window}` : ''}
        </span>
      </div>
      {slo.objective !== null ? (
        <p className="subtle slo-objective" data-figure={`${slo.name} objective`}>
          Latency SLO: {slo.objective}
        </p>
      ) : null}
      {slo.state !== 'HEALTHY' ? (
        <ul className="slo-reasons">
          {slo.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : null}
      <div className="tiles">
        <div className="tile" data-figure={`${slo.name} SLI`}>
          <div className="tile-label">SLI</div>
          <div className="tile-value">{sliText(slo.sli)}</div>
        </div>
        <div className="tile" data-figure={`${slo.name} budget`}>
          <div className="tile-label">Error budget left</div>
          <div className={`tile-value${(slo.budgetRemaining ?? 1) < 0 ? ' text-danger' : ''}`}>
            {percent(slo.budgetRemaining)}
          </div>
          <p className="subtlest" data-trend={slo.trend.kind}>
            {trendWords(slo.trend)}
          </p>
        </div>
        <ForecastTile slo={slo} />
        <div className="tile">
          <div className="tile-label">Data until</div>
          <div className="tile-value tile-value-small">
            {slo.dataUntil ? shortDate(slo.dataUntil) : '—'}
          </div>
        </div>
      </div>
      {hasData(slo) ? (
        <>
          <BurndownChart slo={slo} />
          <SliChart slo={slo} />
        </>
      ) : (
        <EmptyNote>
          No SLI data in this SLO’s window yet, so there is nothing to chart. Its connector pushes
          good/total counts (or, for a latency SLO, each minute’s value) through Ballast’s push API
          (Project settings → Ballast → Push API); the charts appear after the next roll-up, within
          five minutes.
        </EmptyNote>
      )}
      {slo.alerts.length > 0 ? (
        <table className="table">
          <caption className="table-caption">
            Burn-rate alerts (multiwindow, multi-burn-rate)
          </caption>
          <thead>
            <tr>
              <th scope="col">Severity</th>
              <th scope="col">Windows</th>
              <th scope="col">Threshold</th>
              <th scope="col">Long window burn</th>
              <th scope="col">Short window burn</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {slo.alerts.map((alert) => (
              <tr key={`${alert.severity}-${alert.longWindow}`}>
                <th scope="row">{alert.severity}</th>
                <td>
                  {alert.longWindow} / {alert.shortWindow}
                </td>
                <td>{rateText(alert.factor)}</td>
                <td>{rateText(alert.longBurnRate)}</td>
                <td>{rateText(alert.shortBurnRate)}</td>
                <td>
                  {alert.firing ? (
                    <span className="lozenge lozenge-band-low">Firing</span>
                  ) : (
                    <span className="lozenge">OK</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

export function SlosPage({ data }: { data: SlosData }) {
  if (data.slos.length === 0) {
    return (
      <EmptyNote>
        No SLOs are linked to this project yet. A project admin imports them (OpenSLO) in Project
        settings → Ballast, and CI or the Prometheus connector pushes their SLI data.
      </EmptyNote>
    );
  }
  return (
    <>
      <Section title="Error-budget gate">
        <div className="gate-line">
          <GateLozenge state={data.gate.state} />
          <GateStatementText statement={data.gate.statement} />
        </div>
      </Section>
      {data.slos.map((slo) => (
        <SloCard key={slo.name} slo={slo} />
      ))}
    </>
  );
}
