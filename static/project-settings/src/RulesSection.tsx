import { useState, type KeyboardEvent } from 'react';
import type { ResolverError } from '../../../src/contract/envelope';
import type { TestRulesView } from '../../../src/contract/settings';
import { asResolverError } from '../../shared/format';
import { RULE_FIELD_LABEL, RULE_FIELDS, WORK_TYPE_LABEL, WORK_TYPES } from './config-types';
import type { RuleDraft } from './draft';
import type { FormAction, FormState } from './form-state';
import type { SettingsActions } from './settings-actions';

function RuleCard({
  rule,
  position,
  count,
  dispatch,
}: {
  rule: RuleDraft;
  position: number;
  count: number;
  dispatch: (action: FormAction) => void;
}) {
  const update = (patch: Partial<RuleDraft>) =>
    dispatch({ type: 'updateRule', uid: rule.uid, patch });
  const prefix = `rule-${rule.uid}`;
  const name = rule.id.trim() === '' ? `rule ${position}` : `rule ${rule.id}`;
  // Alt+↑ / Alt+↓ move the rule; the card keeps focus, so it can be pressed again.
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    dispatch({ type: 'moveRule', uid: rule.uid, by: event.key === 'ArrowUp' ? -1 : 1 });
  };
  return (
    <li
      className="rule"
      onKeyDown={onKeyDown}
      aria-label={`Rule ${position} of ${count}: ${rule.id}`}
    >
      <div className="rule-head">
        <span className="rule-position" aria-hidden="true">
          #{position}
        </span>
        <label className="visually-hidden" htmlFor={`${prefix}-id`}>
          Id of rule {position}
        </label>
        <input
          id={`${prefix}-id`}
          className="input rule-id"
          value={rule.id}
          onChange={(e) => update({ id: e.target.value })}
        />
        <label className="field-label" htmlFor={`${prefix}-type`}>
          tags as
        </label>
        <select
          id={`${prefix}-type`}
          className="select select-narrow"
          value={rule.type}
          onChange={(e) => update({ type: e.target.value as RuleDraft['type'] })}
        >
          {WORK_TYPES.map((type) => (
            <option key={type} value={type}>
              {WORK_TYPE_LABEL[type]}
            </option>
          ))}
        </select>
        <span className="rule-buttons">
          <button
            type="button"
            className="button button-subtle button-icon"
            aria-label={`Move ${name} up`}
            disabled={position === 1}
            onClick={() => dispatch({ type: 'moveRule', uid: rule.uid, by: -1 })}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button-subtle button-icon"
            aria-label={`Move ${name} down`}
            disabled={position === count}
            onClick={() => dispatch({ type: 'moveRule', uid: rule.uid, by: 1 })}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button-subtle"
            aria-label={`Delete ${name}`}
            onClick={() => dispatch({ type: 'removeRule', uid: rule.uid })}
          >
            Delete
          </button>
        </span>
      </div>
      <div className="rule-when">
        <span className="field-label">when</span>
        {rule.mode === 'simple' ? (
          <>
            <label className="visually-hidden" htmlFor={`${prefix}-field`}>
              Field rule {position} tests
            </label>
            <select
              id={`${prefix}-field`}
              className="select"
              value={rule.field}
              onChange={(e) => update({ field: e.target.value as RuleDraft['field'] })}
            >
              {RULE_FIELDS.map((field) => (
                <option key={field} value={field}>
                  {RULE_FIELD_LABEL[field]}
                </option>
              ))}
            </select>
            <label className="visually-hidden" htmlFor={`${prefix}-values`}>
              Values of rule {position}, separated by commas (any of them matches)
            </label>
            <input
              id={`${prefix}-values`}
              className="input rule-values"
              value={rule.values}
              placeholder="any of: value, value"
              onChange={(e) => update({ values: e.target.value })}
            />
          </>
        ) : (
          <>
            <label className="visually-hidden" htmlFor={`${prefix}-json`}>
              Condition of rule {position} as JSON (all / any of field conditions)
            </label>
            <textarea
              id={`${prefix}-json`}
              className="input code rule-json"
              rows={Math.min(10, rule.json.split('\n').length + 1)}
              spellCheck={false}
              value={rule.json}
              onChange={(e) => update({ json: e.target.value })}
            />
          </>
        )}
        <button
          type="button"
          className="button button-subtle button-small"
          onClick={() => update({ mode: rule.mode === 'simple' ? 'json' : 'simple' })}
        >
          {rule.mode === 'simple' ? 'Combine conditions (JSON)' : 'One field'}
        </button>
      </div>
      <div className="rule-description">
        <label className="field-label" htmlFor={`${prefix}-description`}>
          Description
        </label>
        <input
          id={`${prefix}-description`}
          className="input"
          value={rule.description}
          onChange={(e) => update({ description: e.target.value })}
        />
      </div>
    </li>
  );
}

type TestState =
  | { readonly status: 'idle' }
  | { readonly status: 'running' }
  | { readonly status: 'done'; readonly result: TestRulesView }
  | { readonly status: 'failed'; readonly error: ResolverError };

export function TestResult({ state }: { state: TestState }) {
  if (state.status === 'idle') return null;
  if (state.status === 'running')
    return (
      <p className="subtle" role="status">
        Testing…
      </p>
    );
  if (state.status === 'failed')
    return (
      <div className="message message-error" role="alert">
        <p>{state.error.message}</p>
      </div>
    );
  const { result } = state;
  return (
    <div className="test-result" role="status">
      <p>
        <strong>{result.issueKey}</strong> ({result.facts.issueType}: “{result.facts.summary}”){' '}
        would be{' '}
        <span className={`lozenge lozenge-${result.type}`}>{WORK_TYPE_LABEL[result.type]}</span>
      </p>
      <p className="why">{result.reason}</p>
      <p className="subtlest">
        Labels: {result.facts.labels.length > 0 ? result.facts.labels.join(', ') : 'none'} ·
        Components:{' '}
        {result.facts.components.length > 0 ? result.facts.components.join(', ') : 'none'}
        {result.facts.parentKey ? ` · Parent: ${result.facts.parentKey}` : ''}
      </p>
      {result.manualType && (
        <p className="message message-warning message-inline">
          Someone set this issue to {WORK_TYPE_LABEL[result.manualType]} by hand, which beats every
          rule.
        </p>
      )}
    </div>
  );
}

export function RulesSection({
  rules,
  dispatch,
}: {
  rules: readonly RuleDraft[];
  dispatch: (action: FormAction) => void;
}) {
  // Moves and deletions are announced: the list changes without the focus moving.
  const [announcement, setAnnouncement] = useState('');
  const announced = (action: FormAction) => {
    if (action.type === 'moveRule' || action.type === 'removeRule') {
      const index = rules.findIndex((r) => r.uid === action.uid);
      const rule = rules[index];
      if (rule && action.type === 'removeRule') setAnnouncement(`Deleted rule ${rule.id}.`);
      else if (rule && action.type === 'moveRule') {
        const to = Math.min(Math.max(index + action.by, 0), rules.length - 1);
        setAnnouncement(`Rule ${rule.id} is now number ${to + 1} of ${rules.length}.`);
      }
    }
    dispatch(action);
  };
  return (
    <div className="section-content">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <p className="section-intro subtle">
        Rules tag items with a category. They are tried from the top; the first that matches wins,
        and a type set by hand beats every rule. Move a rule with its arrows, or focus it and press
        Alt+↑ / Alt+↓.
      </p>
      {rules.length === 0 ? (
        <p className="empty">No rules: items stay unclassified until someone tags them by hand.</p>
      ) : (
        <ol className="rule-list" aria-label="Classification rules, in the order they are tried">
          {rules.map((rule, index) => (
            <RuleCard
              key={rule.uid}
              rule={rule}
              position={index + 1}
              count={rules.length}
              dispatch={announced}
            />
          ))}
        </ol>
      )}
      <button type="button" className="button" onClick={() => dispatch({ type: 'addRule' })}>
        Add rule
      </button>
    </div>
  );
}

/** Testing reads but never writes, so members can use it too (it sits outside the disabled form). */
export function RuleTest({ form, actions }: { form: FormState; actions: SettingsActions }) {
  const [issueKey, setIssueKey] = useState('');
  const [test, setTest] = useState<TestState>({ status: 'idle' });
  const runTest = () => {
    setTest({ status: 'running' });
    actions.testRules(form, issueKey.trim()).then(
      (result) => setTest({ status: 'done', result }),
      (thrown: unknown) => setTest({ status: 'failed', error: asResolverError(thrown) }),
    );
  };
  return (
    <div className="rule-test">
      <h3 className="group-title">Test against an issue</h3>
      <p className="subtle">
        Which rule would tag an issue
        {form.view.canEdit ? ', with the rules as edited here (not yet saved)' : ''}, and why.
      </p>
      <form
        className="form-inline"
        onSubmit={(e) => {
          e.preventDefault();
          runTest();
        }}
      >
        <label className="field-label" htmlFor="test-issue-key">
          Issue key
        </label>
        <input
          id="test-issue-key"
          className="input input-key"
          value={issueKey}
          placeholder="SHOP-42"
          onChange={(e) => setIssueKey(e.target.value)}
        />
        <button
          type="submit"
          className="button"
          disabled={issueKey.trim() === '' || test.status === 'running'}
        >
          Test
        </button>
      </form>
      <TestResult state={test} />
    </div>
  );
}
