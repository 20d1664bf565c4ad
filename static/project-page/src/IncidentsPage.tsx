/** Incidents: MTTR, MTTD, repeat incidents, postmortem action closure, and the latest incidents. */
import type { IncidentsData } from '../../../src/contract/project-page';
import { count, formatValue, percent, shortDate } from './format';
import { EmptyNote, FigureTile, Section } from './parts';

export function IncidentsPage({ data }: { data: IncidentsData }) {
  return (
    <>
      <p className="subtle">
        Incidents are the issues matching <code>{data.jql}</code> (Project settings → Ballast).
      </p>
      {data.reason ? <EmptyNote>{data.reason}</EmptyNote> : null}
      <Section title="Response">
        <div className="tiles">
          <FigureTile label="MTTR (median time to restore)" figure={data.mttr}>
            <p className="subtlest">
              {count(data.count, 'incident')}, {data.open} open
            </p>
          </FigureTile>
          <FigureTile label="MTTD (median time to detect)" figure={data.mttd} />
          <FigureTile label="Repeat incidents (90 days)" figure={data.repeats}>
            <p className="subtlest">{percent(data.repeats.share)} of incidents</p>
          </FigureTile>
          <FigureTile label="Postmortem actions closed" figure={data.postmortemActions}>
            <p className="subtlest">
              {data.postmortemActions.closed} of {data.postmortemActions.total} closed
            </p>
          </FigureTile>
        </div>
      </Section>
      <Section title="Latest incidents">
        {data.recent.length === 0 ? (
          <p className="subtle">No incidents match the incident JQL.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Incident</th>
                <th scope="col">Summary</th>
                <th scope="col">Started</th>
                <th scope="col">Time to restore</th>
              </tr>
            </thead>
            <tbody>
              {data.recent.map((incident) => (
                <tr key={incident.key}>
                  <th scope="row">{incident.key}</th>
                  <td>{incident.summary}</td>
                  <td>{shortDate(incident.startedAt)}</td>
                  <td>
                    {incident.hoursToRestore === null
                      ? 'open'
                      : formatValue(incident.hoursToRestore, 'hours')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </>
  );
}
