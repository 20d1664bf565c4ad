/**
 * Incidents: MTTR, MTTD, repeat incidents, postmortem action closure, the latest incidents, and the
 * postmortems with their open actions' ages (overdue ones flagged), all as the backend computed them.
 */
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
              {data.postmortemActions.closed} of {data.postmortemActions.total} closed,{' '}
              {data.postmortemActions.overdue} overdue
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
                <th scope="col">From</th>
                <th scope="col">Summary</th>
                <th scope="col">Started</th>
                <th scope="col">Time to restore</th>
              </tr>
            </thead>
            <tbody>
              {data.recent.map((incident) => (
                <tr key={incident.key}>
                  <th scope="row">{incident.key}</th>
                  <td>{incident.source === 'jira' ? 'Jira' : 'Incident tool'}</td>
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
      <PostmortemsSection data={data} />
    </>
  );
}

function PostmortemsSection({ data }: { data: IncidentsData }) {
  const { postmortems, postmortemActions: actions } = data;
  return (
    <Section title="Postmortems and their actions">
      <p className="subtle">
        Postmortems are this project’s issues of type {postmortems.convention.postmortem}; their
        actions are the issues linked to them by “{postmortems.convention.actionLinkType}”. An open
        action is overdue past its due date, or without one after {actions.slaDays} days.
      </p>
      {postmortems.reason ? <EmptyNote>{postmortems.reason}</EmptyNote> : null}
      {postmortems.recent.length === 0 ? (
        <p className="subtle">No postmortems yet.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Postmortem</th>
              <th scope="col">Summary</th>
              <th scope="col">Opened</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {postmortems.recent.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.key}</th>
                <td>{p.summary}</td>
                <td>{shortDate(p.createdAt)}</td>
                <td>{p.actions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {actions.openActions.length === 0 ? null : (
        <p className="subtle open-actions-intro">
          {count(actions.total - actions.closed, 'open action')}, oldest first
          {actions.medianOpenAgeDays === null
            ? ''
            : ` (median age ${formatValue(actions.medianOpenAgeDays, 'days')})`}
          :
        </p>
      )}
      {actions.openActions.length === 0 ? null : (
        <table className="table" aria-label="Open postmortem actions">
          <thead>
            <tr>
              <th scope="col">Open action</th>
              <th scope="col">Postmortem</th>
              <th scope="col">Age</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {actions.openActions.map((a) => (
              <tr key={a.key}>
                <th scope="row">{a.key}</th>
                <td>{a.postmortemKey ?? '—'}</td>
                <td>{formatValue(a.ageDays, 'days')}</td>
                <td>{a.dueDate ?? '—'}</td>
                <td>
                  {a.overdue ? (
                    <span className="lozenge lozenge-band-low">
                      {a.overdueBy === 'due-date' ? 'Overdue: past due date' : 'Overdue: past SLA'}
                    </span>
                  ) : (
                    'On time'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
