import type { Draft, ErrorBudgetDraft, IncidentServicesDraft, PostmortemDraft } from './draft';
import type { FormAction } from './form-state';

export function IncidentsSection({
  value,
  services,
  postmortem,
  retroActionLabel,
  dispatch,
}: {
  value: string;
  services: IncidentServicesDraft;
  postmortem: PostmortemDraft;
  retroActionLabel: string;
  dispatch: (action: FormAction) => void;
}) {
  const pmField = (
    id: keyof PostmortemDraft,
    label: string,
    placeholder: string,
    help?: string,
  ) => (
    <div className="form-row">
      <label className="field-label" htmlFor={`postmortem-${id}`}>
        {label}
      </label>
      <input
        id={`postmortem-${id}`}
        className="input"
        value={postmortem[id]}
        placeholder={placeholder}
        onChange={(e) => dispatch({ type: 'postmortem', patch: { [id]: e.target.value } })}
      />
      {help && <p className="subtlest">{help}</p>}
    </div>
  );
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
      <p className="section-intro subtle">
        Which service a Jira incident affected, so change failure rate can count it against that
        service’s last deployment: by the incident’s component, otherwise the default. Left blank,
        Jira incidents are not attributed to any deployment (incidents pushed through the Push API
        name their service, or the deployment that caused them).
      </p>
      <div className="form-row form-row-wide">
        <label className="field-label" htmlFor="incident-services">
          Service by component
        </label>
        <textarea
          id="incident-services"
          className="input code"
          rows={3}
          spellCheck={false}
          value={services.byComponent}
          aria-describedby="incident-services-help"
          onChange={(e) =>
            dispatch({ type: 'incidentServices', patch: { byComponent: e.target.value } })
          }
        />
        <p id="incident-services-help" className="subtlest">
          One <code>Component = service</code> a line, e.g. <code>Payments = checkout</code>; the
          service names are the ones your deployments and SLOs use.
        </p>
      </div>
      <div className="form-row">
        <label className="field-label" htmlFor="incident-service-default">
          Default service
        </label>
        <input
          id="incident-service-default"
          className="input"
          value={services.otherwise}
          placeholder="none"
          onChange={(e) =>
            dispatch({ type: 'incidentServices', patch: { otherwise: e.target.value } })
          }
        />
      </div>
      <h3 className="group-title">Postmortems</h3>
      <p className="section-intro subtle">
        What a postmortem is in this project and how its actions are linked to it. Ballast opens
        postmortems this way, the Definition of Done item “Postmortem action linked” looks for this
        link, and the Incidents page counts these actions’ closure. The defaults exist on every new
        Jira site; saving checks that the issue type and link type exist.
      </p>
      {pmField('issueType', 'Postmortem issue type', 'Task')}
      {pmField('label', 'Postmortem label', 'none', 'Blank when the issue type alone says it.')}
      {pmField('actionLinkType', 'Action link type', 'Relates')}
      {pmField(
        'actionSlaDays',
        'Action overdue after (days)',
        '56',
        'For actions without a due date; an action with one is overdue after it.',
      )}
      <h3 className="group-title">Retrospective actions</h3>
      <div className="form-row">
        <label className="field-label" htmlFor="retro-action-label">
          Retrospective action label
        </label>
        <input
          id="retro-action-label"
          className="input"
          value={retroActionLabel}
          placeholder="retro-action"
          onChange={(e) => dispatch({ type: 'retroActionLabel', value: e.target.value })}
        />
        <p className="subtlest">
          Items with this Jira label are the actions your retrospectives agreed on; the project
          page’s Review follows each one sprint over sprint. One label, no spaces.
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

/** The error-budget policy (PRODUCT.md §4): thresholds agreed in advance, in percent and hours. */
export function ErrorBudgetSection({
  value,
  dispatch,
}: {
  value: ErrorBudgetDraft;
  dispatch: (action: FormAction) => void;
}) {
  const field = (name: keyof ErrorBudgetDraft, label: string, unit: string, help: string) => (
    <div className="form-row">
      <label className="field-label" htmlFor={`eb-${name}`}>
        {label}
      </label>
      <span className="input-with-unit">
        <input
          id={`eb-${name}`}
          className="input input-number"
          inputMode="decimal"
          value={value[name]}
          aria-describedby={`eb-${name}-help`}
          onChange={(e) => dispatch({ type: 'errorBudget', patch: { [name]: e.target.value } })}
        />
        <span className="subtle">{unit}</span>
      </span>
      <p id={`eb-${name}-help`} className="subtlest">
        {help}
      </p>
    </div>
  );
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        How the gate reads the budgets of this project’s SLOs, agreed in advance. Freezing once the
        budget is spent and the 20% postmortem rule follow the SRE Workbook’s “Example Error Budget
        Policy”; the at-risk and unfreeze thresholds are Ballast’s defaults. The gate is the worst
        state of the linked SLOs; changes apply from the next roll-up, within five minutes.
      </p>
      {field(
        'atRiskBelow',
        'At risk below',
        '% of the budget left',
        'AT_RISK raises the reliability share and caps feature work (default 25%).',
      )}
      {field(
        'freezeAtOrBelow',
        'Frozen at or below',
        '% of the budget left',
        'FROZEN stops feature work except exempt items (default 0%: the budget is spent).',
      )}
      {field(
        'unfreezeAtOrAbove',
        'Leave frozen at or above',
        '% of the budget left',
        'Must be at least the freeze threshold, so the gate does not flap (default 5%)…',
      )}
      {field(
        'unfreezeHoldHours',
        '…held for',
        'hours',
        '…continuously, before the freeze lifts (default 24 hours).',
      )}
      {field(
        'postmortemShare',
        'Postmortem when one incident spends more than',
        '% of the budget',
        'Ballast then opens a postmortem issue (default 20%).',
      )}
    </div>
  );
}
