import { useEffect, type ReactNode } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import {
  ALERT_TABLE_CHOICES,
  FIELD_INPUT,
  sloFieldOf,
  THRESHOLD_OPS,
  WINDOW_CHOICES,
  type SloDraft,
} from './slo-draft';

export interface SloFormProps {
  readonly isNew: boolean;
  readonly draft: SloDraft;
  readonly busy: boolean;
  readonly error: ResolverError | null;
  /** Services the project's SLOs already name, offered as suggestions. */
  readonly services: readonly string[];
  readonly onChange: (patch: Partial<SloDraft>) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  /** After a conflict: read the SLOs again (the draft is kept). */
  readonly onReload: () => void;
}

/** One labelled input; the one the backend named gets its message under it and aria-invalid. */
function Field({
  id,
  label,
  hint,
  invalid,
  message,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  invalid: string | null;
  message: string | undefined;
  children: (described: { 'aria-describedby'?: string; 'aria-invalid'?: true }) => ReactNode;
}) {
  const isInvalid = invalid === id;
  const describedBy = [hint ? `${id}-hint` : null, isInvalid ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`form-row form-row-wide${isInvalid ? ' form-row-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(isInvalid ? { 'aria-invalid': true as const } : {}),
      })}
      {isInvalid && (
        <p id={`${id}-error`} className="field-error">
          {message}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="subtlest">
          {hint}
        </p>
      )}
    </div>
  );
}

/** OpenSLO `thresholdMetric`: one metric whose value, e.g. each minute's p99, meets a threshold. */
function ThresholdFields({
  draft,
  onChange,
  common,
}: {
  draft: SloDraft;
  onChange: SloFormProps['onChange'];
  common: { invalid: string | null; message: string | undefined };
}) {
  return (
    <>
      <div className="slo-source">
        <Field id="slo-threshold-type" label="Source" {...common}>
          {(a11y) => (
            <input
              id="slo-threshold-type"
              className="input input-source"
              value={draft.thresholdType}
              onChange={(e) => onChange({ thresholdType: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <Field
          id="slo-threshold-query"
          label="Value query"
          hint="Its value each minute is that minute’s data point, e.g. the p99 latency in seconds."
          {...common}
        >
          {(a11y) => (
            <textarea
              id="slo-threshold-query"
              className="input code"
              rows={2}
              spellCheck={false}
              value={draft.thresholdQuery}
              placeholder="histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[1m])))"
              onChange={(e) => onChange({ thresholdQuery: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
      </div>
      <div className="form-inline form-inline-top">
        <Field id="slo-threshold-op" label="Good when the value is" {...common}>
          {(a11y) => (
            <select
              id="slo-threshold-op"
              className="input select"
              value={draft.thresholdOp}
              onChange={(e) => onChange({ thresholdOp: e.target.value as SloDraft['thresholdOp'] })}
              {...a11y}
            >
              {THRESHOLD_OPS.map((op) => (
                <option key={op.value} value={op.value}>
                  {op.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="slo-threshold-value"
          label="Threshold"
          hint="In the metric’s unit: 0.3 for 300 ms when the query gives seconds."
          {...common}
        >
          {(a11y) => (
            <input
              id="slo-threshold-value"
              className="input input-number"
              inputMode="decimal"
              value={draft.thresholdValue}
              placeholder="0.3"
              onChange={(e) => onChange({ thresholdValue: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
      </div>
    </>
  );
}

/** Add or edit one SLO: the app's OpenSLO subset (ratio or threshold SLI, one objective, one window). */
export function SloForm(props: SloFormProps) {
  const { draft, error, onChange, busy, isNew } = props;
  const field = sloFieldOf(error?.field);
  const invalid = field === null ? null : FIELD_INPUT[field];
  const message = error?.message;
  const common = { invalid, message };
  const calendar = draft.windowChoice === 'month' || draft.windowChoice === 'quarter';
  const countsWord = draft.counts === 'good' ? 'Good' : 'Bad';
  const threshold = draft.indicatorKind === 'threshold';
  // A threshold SLI's events are its data points (OpenSLO README, "Notes (SLO)").
  const events = threshold ? 'data points' : 'events';
  // Examples only while adding: in a stored SLO an empty optional field must look empty.
  const example = (text: string) => (isNew ? `e.g. ${text}` : undefined);
  // Take the person to the field the backend refused.
  useEffect(() => {
    if (invalid !== null) document.getElementById(invalid)?.focus();
  }, [error, invalid]);
  return (
    <form
      className="slo-form"
      aria-labelledby="slo-form-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <h3 id="slo-form-title" className="group-title">
        {isNew ? 'Add an SLO' : `Edit SLO ${draft.name}`}
      </h3>
      {error && (
        <div className="message message-error" role="alert">
          <p className="message-title">
            {error.code === 'CONFLICT' ? 'Not saved: the SLOs changed meanwhile' : 'Not saved'}
          </p>
          {/* A named field shows the backend's message under it; here only what to do. */}
          {invalid === null ? (
            <p>{error.message}</p>
          ) : (
            <p>
              Change the field marked below,{' '}
              <button
                type="button"
                className="link-button"
                onClick={() => document.getElementById(invalid)?.focus()}
              >
                {error.message.split(':')[0]}
              </button>
              , and save again.
            </p>
          )}
          {error.code === 'CONFLICT' && (
            <button type="button" className="button" onClick={props.onReload}>
              Reload the SLOs (your edits stay here)
            </button>
          )}
          {!error.field && error.retryable && <p>Try again in a moment.</p>}
        </div>
      )}
      <fieldset className="form-fieldset" disabled={busy}>
        <legend className="visually-hidden">The SLO</legend>
        <Field
          id="slo-name"
          label="Name"
          hint={
            isNew
              ? 'Lowercase letters, digits and "-", unique on the site. Pushed SLI data names the SLO by it, so it cannot change later.'
              : 'Pushed SLI data is stored under the name, so it cannot change.'
          }
          {...common}
        >
          {(a11y) => (
            <input
              id="slo-name"
              className="input code input-name"
              value={draft.name}
              readOnly={!isNew}
              required
              spellCheck={false}
              placeholder="checkout-availability"
              onChange={(e) => onChange({ name: e.target.value })}
              {...a11y}
            />
          )}
        </Field>
        <div className="slo-form-grid">
          <Field id="slo-display-name" label="Display name (optional)" {...common}>
            {(a11y) => (
              <input
                id="slo-display-name"
                className="input"
                value={draft.displayName}
                placeholder={example('Checkout availability')}
                onChange={(e) => onChange({ displayName: e.target.value })}
                {...a11y}
              />
            )}
          </Field>
          <Field id="slo-service" label="Service" {...common}>
            {(a11y) => (
              <>
                <input
                  id="slo-service"
                  className="input"
                  value={draft.service}
                  required
                  list="slo-services"
                  placeholder="checkout"
                  onChange={(e) => onChange({ service: e.target.value })}
                  {...a11y}
                />
                <datalist id="slo-services">
                  {props.services.map((s) => (
                    <option key={s} value={s} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
        </div>
        <Field id="slo-description" label="Description (optional)" {...common}>
          {(a11y) => (
            <textarea
              id="slo-description"
              className="input"
              rows={2}
              value={draft.description}
              placeholder={example('99.9% of checkout requests succeed')}
              onChange={(e) => onChange({ description: e.target.value })}
              {...a11y}
            />
          )}
        </Field>

        <fieldset className="form-group">
          <legend className="group-title">Indicator</legend>
          <div className="radio-group radio-row" role="radiogroup" aria-label="Indicator">
            {(
              [
                ['ratio', 'A ratio of events (availability)'],
                ['threshold', 'A threshold on a value (latency)'],
              ] as const
            ).map(([kind, label]) => (
              <label key={kind} className="radio">
                <input
                  id={`slo-kind-${kind}`}
                  type="radio"
                  name="slo-kind"
                  checked={draft.indicatorKind === kind}
                  onChange={() => onChange({ indicatorKind: kind })}
                />
                <span className="radio-text">{label}</span>
              </label>
            ))}
          </div>
          {threshold ? (
            <ThresholdFields draft={draft} onChange={onChange} common={common} />
          ) : (
            <>
              <div
                className="radio-group radio-row"
                role="radiogroup"
                aria-label="The first query counts"
              >
                {(['good', 'bad'] as const).map((counts) => (
                  <label key={counts} className="radio">
                    <input
                      id={`slo-counts-${counts}`}
                      type="radio"
                      name="slo-counts"
                      checked={draft.counts === counts}
                      onChange={() => onChange({ counts })}
                    />
                    <span className="radio-text">
                      {counts === 'good' ? 'Good events / total' : 'Bad events / total'}
                    </span>
                  </label>
                ))}
              </div>
              <div className="slo-source">
                <Field id="slo-numerator-type" label="Source" {...common}>
                  {(a11y) => (
                    <input
                      id="slo-numerator-type"
                      className="input input-source"
                      value={draft.numeratorType}
                      onChange={(e) => onChange({ numeratorType: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
                <Field id="slo-numerator-query" label={`${countsWord} events query`} {...common}>
                  {(a11y) => (
                    <textarea
                      id="slo-numerator-query"
                      className="input code"
                      rows={2}
                      spellCheck={false}
                      value={draft.numeratorQuery}
                      placeholder={`sum(http_requests_total{service="checkout",code!~"5.."})`}
                      onChange={(e) => onChange({ numeratorQuery: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
              </div>
              <div className="slo-source">
                <Field id="slo-total-type" label="Source" {...common}>
                  {(a11y) => (
                    <input
                      id="slo-total-type"
                      className="input input-source"
                      value={draft.totalType}
                      onChange={(e) => onChange({ totalType: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
                <Field id="slo-total-query" label="Total events query" {...common}>
                  {(a11y) => (
                    <textarea
                      id="slo-total-query"
                      className="input code"
                      rows={2}
                      spellCheck={false}
                      value={draft.totalQuery}
                      placeholder={`sum(http_requests_total{service="checkout"})`}
                      onChange={(e) => onChange({ totalQuery: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
              </div>
              <label className="check-inline">
                <input
                  id="slo-counter"
                  type="checkbox"
                  className="checkbox"
                  checked={draft.counter}
                  onChange={(e) => onChange({ counter: e.target.checked })}
                />
                The queries return counters (running totals, as Prometheus <code>_total</code>{' '}
                metrics)
              </label>
            </>
          )}
        </fieldset>

        <fieldset className="form-group">
          <legend className="group-title">Objective and window</legend>
          <div className="form-inline">
            <Field id="slo-target" label="Objective" {...common}>
              {(a11y) => (
                <span className="input-with-unit">
                  <input
                    id="slo-target"
                    className="input input-number"
                    inputMode="decimal"
                    value={draft.targetPercent}
                    onChange={(e) => onChange({ targetPercent: e.target.value })}
                    {...a11y}
                  />
                  <span className="unit">% good</span>
                </span>
              )}
            </Field>
            <Field id="slo-window" label="Window" {...common}>
              {(a11y) => (
                <select
                  id="slo-window"
                  className="input select"
                  value={draft.windowChoice}
                  onChange={(e) =>
                    onChange({ windowChoice: e.target.value as SloDraft['windowChoice'] })
                  }
                  {...a11y}
                >
                  {WINDOW_CHOICES.map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {draft.windowChoice === 'rolling' && (
              <Field id="slo-window-days" label="Days" {...common}>
                {(a11y) => (
                  <input
                    id="slo-window-days"
                    className="input input-number"
                    inputMode="numeric"
                    value={draft.windowDays}
                    onChange={(e) => onChange({ windowDays: e.target.value })}
                    {...a11y}
                  />
                )}
              </Field>
            )}
            {calendar && (
              <>
                <Field id="slo-time-zone" label="Time zone" {...common}>
                  {(a11y) => (
                    <input
                      id="slo-time-zone"
                      className="input"
                      value={draft.timeZone}
                      placeholder="Europe/Berlin"
                      onChange={(e) => onChange({ timeZone: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
                <Field id="slo-start-month" label="Counted from" {...common}>
                  {(a11y) => (
                    <input
                      id="slo-start-month"
                      className="input"
                      type="month"
                      value={draft.startMonth}
                      onChange={(e) => onChange({ startMonth: e.target.value })}
                      {...a11y}
                    />
                  )}
                </Field>
              </>
            )}
          </div>
          {calendar && (
            <p className="subtlest">
              Each {draft.windowChoice} starts on the 1st at midnight in the time zone
              {draft.windowChoice === 'quarter' ? ' (January, April, July or October)' : ''}.
            </p>
          )}
        </fieldset>

        <fieldset className="form-group radio-group">
          <legend className="group-title">Budgeting method</legend>
          <label className="radio radio-described">
            <input
              id="slo-method-occurrences"
              type="radio"
              name="slo-method"
              checked={draft.budgetingMethod === 'Occurrences'}
              onChange={() => onChange({ budgetingMethod: 'Occurrences' })}
            />
            <span>
              <span className="radio-title">Occurrences</span>
              <span className="subtle radio-detail">
                {threshold
                  ? 'Good data points out of all data points in the window (one a minute from sli sync).'
                  : 'Good events out of all events in the window: busy hours weigh more.'}
              </span>
            </span>
          </label>
          <label className="radio radio-described">
            <input
              id="slo-method-timeslices"
              type="radio"
              name="slo-method"
              checked={draft.budgetingMethod === 'Timeslices'}
              onChange={() => onChange({ budgetingMethod: 'Timeslices' })}
            />
            <span>
              <span className="radio-title">Timeslices</span>
              <span className="subtle radio-detail">
                Good minutes out of the minutes with data: every minute weighs the same.
              </span>
            </span>
          </label>
          {draft.budgetingMethod === 'Timeslices' && (
            <Field id="slo-slice-target" label="A minute is good when at least" {...common}>
              {(a11y) => (
                <span className="input-with-unit">
                  <input
                    id="slo-slice-target"
                    className="input input-number"
                    inputMode="decimal"
                    value={draft.timeSlicePercent}
                    onChange={(e) => onChange({ timeSlicePercent: e.target.value })}
                    {...a11y}
                  />
                  <span className="unit">% of its {events} are good</span>
                </span>
              )}
            </Field>
          )}
        </fieldset>

        <fieldset className="form-group radio-group">
          <legend className="group-title">Burn-rate alerts</legend>
          {ALERT_TABLE_CHOICES.map((choice) => (
            <label key={choice.value} className="radio radio-described">
              <input
                id={`slo-alert-table-${choice.value}`}
                type="radio"
                name="slo-alert-table"
                checked={draft.alertTable === choice.value}
                onChange={() => onChange({ alertTable: choice.value })}
              />
              <span>
                <span className="radio-title">{choice.label}</span>
                <span className="subtle radio-detail">{choice.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? 'Saving…' : isNew ? 'Add SLO' : 'Save SLO'}
        </button>
        <button type="button" className="button button-subtle" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
