import {
  BASES,
  BASIS_LABEL,
  ENFORCEMENT_LABEL,
  ENFORCEMENT_MODES,
  WORK_TYPE_LABEL,
  WORK_TYPES,
} from './config-types';
import type { PolicyDraft } from './draft';
import type { FormAction } from './form-state';
import { shareSum, shareSumText } from './policy-hints';

function NumberField({
  id,
  label,
  value,
  unit,
  describedBy,
  onChange,
  step = 'any',
}: {
  id: string;
  label: string;
  value: string;
  unit?: string;
  describedBy?: string;
  onChange: (value: string) => void;
  step?: string;
}) {
  return (
    <div className="form-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <span className="input-with-unit">
        <input
          id={id}
          className="input input-number"
          type="number"
          inputMode="decimal"
          step={step}
          value={value}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
    </div>
  );
}

export function CapacitySection({
  policy,
  boardId,
  dispatch,
}: {
  policy: PolicyDraft;
  boardId: string;
  dispatch: (action: FormAction) => void;
}) {
  const patch = (p: Partial<PolicyDraft>) => dispatch({ type: 'policy', patch: p });
  const sum = shareSum(policy);
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        How much the team can take on per sprint and how it is shared between the categories. The
        sprint planner checks each plan against this; the error-budget gate tightens it while SLOs
        are at risk or frozen.
      </p>
      <div className="form-group">
        <div className="form-row">
          <label className="field-label" htmlFor="basis">
            Estimate basis
          </label>
          <select
            id="basis"
            className="select"
            value={policy.basis}
            onChange={(e) => patch({ basis: e.target.value as PolicyDraft['basis'] })}
          >
            {BASES.map((basis) => (
              <option key={basis} value={basis}>
                {BASIS_LABEL[basis]}
              </option>
            ))}
          </select>
        </div>
        <NumberField
          id="board-id"
          label="Scrum board id (sprints, velocity and the project page’s figures; blank for none)"
          value={boardId}
          step="1"
          onChange={(value) => dispatch({ type: 'boardId', value })}
        />
        <fieldset className="radio-group">
          <legend className="field-label">Sprint capacity</legend>
          <label className="radio">
            <input
              type="radio"
              name="capacityKind"
              checked={policy.capacityKind === 'velocity'}
              onChange={() => patch({ capacityKind: 'velocity' })}
            />
            <span className="radio-text">Average velocity of the last closed sprints</span>
          </label>
          <label className="radio">
            <input
              type="radio"
              name="capacityKind"
              checked={policy.capacityKind === 'fixed'}
              onChange={() => patch({ capacityKind: 'fixed' })}
            />
            <span className="radio-text">A fixed amount per sprint</span>
          </label>
        </fieldset>
        {policy.capacityKind === 'velocity' ? (
          <div className="form-inline">
            <NumberField
              id="sprints"
              label="Closed sprints to average"
              value={policy.sprints}
              step="1"
              onChange={(sprints) => patch({ sprints })}
            />
            <NumberField
              id="availability"
              label="Team availability"
              value={policy.availability}
              unit="%"
              onChange={(availability) => patch({ availability })}
            />
          </div>
        ) : (
          <NumberField
            id="amount"
            label="Capacity per sprint"
            value={policy.amount}
            unit={
              policy.basis === 'storyPoints'
                ? 'points'
                : policy.basis === 'issueCount'
                  ? 'issues'
                  : 'seconds'
            }
            onChange={(amount) => patch({ amount })}
          />
        )}
      </div>

      <fieldset className="form-group shares" aria-describedby="share-sum">
        <legend className="group-title">Target share per category</legend>
        <div className="share-grid">
          {WORK_TYPES.map((type) => (
            <NumberField
              key={type}
              id={`target-${type}`}
              label={WORK_TYPE_LABEL[type]}
              value={policy.targets[type]}
              unit="%"
              describedBy="share-sum"
              onChange={(value) => dispatch({ type: 'target', workType: type, value })}
            />
          ))}
          <NumberField
            id="buffer"
            label="Buffer for unplanned work"
            value={policy.buffer}
            unit="%"
            describedBy="share-sum"
            onChange={(buffer) => patch({ buffer })}
          />
        </div>
        <p
          id="share-sum"
          className={`share-sum share-sum-${sum.kind}`}
          role="status"
          aria-live="polite"
        >
          <span aria-hidden="true" className="share-sum-icon">
            {sum.kind === 'ok' ? '✓' : '!'}
          </span>
          {shareSumText(sum)}
        </p>
        <NumberField
          id="tolerance"
          label="Tolerance (each category may stray this far from its target)"
          value={policy.tolerance}
          unit="± points"
          onChange={(tolerance) => patch({ tolerance })}
        />
      </fieldset>

      <fieldset className="form-group radio-group">
        <legend className="group-title">Enforcement</legend>
        {ENFORCEMENT_MODES.map((mode) => (
          <label key={mode} className="radio radio-described">
            <input
              type="radio"
              name="enforcement"
              value={mode}
              checked={policy.enforcement === mode}
              onChange={() => patch({ enforcement: mode })}
            />
            <span>
              <span className="radio-title">{ENFORCEMENT_LABEL[mode].title}</span>
              <span className="subtle radio-detail">{ENFORCEMENT_LABEL[mode].detail}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
