import type { Draft } from './draft';
import type { FormAction } from './form-state';

export function IncidentsSection({
  value,
  dispatch,
}: {
  value: string;
  dispatch: (action: FormAction) => void;
}) {
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        The JQL that finds this project’s incidents in Jira, for MTTR, MTTD and postmortem figures
        on the project page (for example by issue type, a label or a priority). Incidents tracked
        outside Jira reach Ballast through the Push API instead.
      </p>
      <div className="form-row form-row-wide">
        <label className="field-label" htmlFor="incident-jql">
          Incident JQL
        </label>
        <textarea
          id="incident-jql"
          className="input code"
          rows={3}
          spellCheck={false}
          value={value}
          aria-describedby="incident-jql-help"
          onChange={(e) => dispatch({ type: 'incidentJql', value: e.target.value })}
        />
        <p id="incident-jql-help" className="subtlest">
          e.g. <code>issuetype = Incident</code> or{' '}
          <code>labels = incident AND priority in (Highest, High)</code>
        </p>
      </div>
    </div>
  );
}

export function TeamManagedSection({
  value,
  dispatch,
}: {
  value: Draft['teamManagedDod'];
  dispatch: (action: FormAction) => void;
}) {
  const choice = (option: Draft['teamManagedDod'], title: string, detail: string) => (
    <label className="radio radio-described">
      <input
        type="radio"
        name="teamManagedDod"
        value={option}
        checked={value === option}
        onChange={() => dispatch({ type: 'teamManagedDod', value: option })}
      />
      <span>
        <span className="radio-title">{title}</span>
        <span className="subtle radio-detail">{detail}</span>
      </span>
    </label>
  );
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Company-managed projects block closing an item with open required DoD items through the
        workflow validator <em>Ballast Definition of Done</em> (a Jira admin adds it to the
        transitions into Done). Team-managed projects have no validators; this decides what Ballast
        does there instead.
      </p>
      <fieldset className="form-group radio-group">
        <legend className="group-title">When an item is closed with required items open</legend>
        {choice(
          'reopen',
          'Reopen it',
          'Ballast moves the item back and comments which required items are missing.',
        )}
        {choice('off', 'Do nothing', 'The checklist is shown, but closing is not enforced.')}
      </fieldset>
    </div>
  );
}

export function LinkedSlosField({
  value,
  dispatch,
}: {
  value: string;
  dispatch: (action: FormAction) => void;
}) {
  return (
    <div className="form-row form-row-wide linked-slos">
      <h3 className="group-title">SLOs of other projects</h3>
      <label className="field-label" htmlFor="slo-ids">
        Also gate this project on these SLOs (names, separated by commas)
      </label>
      <input
        id="slo-ids"
        className="input"
        value={value}
        placeholder="payments-availability, auth-latency"
        aria-describedby="slo-ids-help"
        onChange={(e) => dispatch({ type: 'sloIds', value: e.target.value })}
      />
      <p id="slo-ids-help" className="subtlest">
        For a shared service another project owns: its SLOs then count towards this project’s gate
        as well. This project’s own SLOs above always count.
      </p>
    </div>
  );
}
