import { describe, expect, it } from 'vitest';
import type { ResolverError } from '../../../src/contract/envelope';
import { configOf, isDirty, toDraft } from './draft';
import { formReducer, initialForm, type FormAction, type FormState } from './form-state';
import { shareSum, shareSumText } from './policy-hints';
import { sectionOfProblem } from './sections';
import { CONFIG, settingsView } from './testing/settings-view';

const run = (...actions: FormAction[]): FormState =>
  actions.reduce(formReducer, initialForm(settingsView()));
const saved = (state: FormState) => configOf(state.draft, state.view.config);
const failure = (code: ResolverError['code'], message = 'no'): FormAction => ({
  type: 'saveFailed',
  error: { code, message, retryable: false, field: 'policy' },
});

describe('the settings draft', () => {
  it('round-trips the stored configuration unchanged when nothing was edited', () => {
    expect(configOf(toDraft(CONFIG), CONFIG)).toEqual(CONFIG);
    expect(isDirty(toDraft(CONFIG), CONFIG)).toBe(false);
  });

  it('shows availability as a percentage and stores it as the fraction the policy uses', () => {
    const state = run();
    expect(state.draft.policy.availability).toBe('80');
    const edited = formReducer(state, { type: 'policy', patch: { availability: '75' } });
    expect(saved(edited).capacity).toMatchObject({
      capacity: { kind: 'velocity', sprints: 3, availability: 0.75 },
    });
  });

  it('sends a blank number as blank text, so the backend names the field instead of a silent 0', () => {
    const state = run({ type: 'target', workType: 'feature', value: '' });
    expect((saved(state).capacity as { targets: Record<string, unknown> }).targets.feature).toBe(
      '',
    );
  });

  it('switches to a fixed capacity with the typed amount', () => {
    const state = run(
      { type: 'policy', patch: { capacityKind: 'fixed', amount: '40' } },
      { type: 'policy', patch: { enforcement: 'enforce' } },
    );
    expect(saved(state).capacity).toMatchObject({
      capacity: { kind: 'fixed', amount: 40 },
      enforcement: 'enforce',
      exemption: CONFIG.capacity.exemption,
    });
    expect(isDirty(state.draft, state.view.config)).toBe(true);
  });

  it('keeps the same board’s estimation field, starts another board without one, blank is none', () => {
    expect(saved(run()).board).toEqual(CONFIG.board);
    expect(saved(run({ type: 'boardId', value: '7' })).board).toEqual({
      boardId: 7,
      estimationFieldId: null,
    });
    expect(saved(run({ type: 'boardId', value: ' ' })).board).toBeNull();
  });

  it('sends linked SLOs of other projects as a list of names', () => {
    expect(
      saved(run({ type: 'sloIds', value: 'payments-availability, , auth-latency ' })).sloIds,
    ).toEqual(['payments-availability', 'auth-latency']);
  });

  it('keeps a compound rule condition as JSON and sends unparsable JSON as text for the backend to refuse', () => {
    const state = run();
    const compound = state.draft.rules[1]!;
    expect(compound.mode).toBe('json');
    const broken = formReducer(state, {
      type: 'updateRule',
      uid: compound.uid,
      patch: { json: '{ "all": [' },
    });
    expect((saved(broken).rules as { when: unknown }[])[1]!.when).toBe('{ "all": [');
  });

  it('reorders rules within bounds and deletes them', () => {
    const state = run();
    const [first, second] = state.draft.rules;
    const moved = formReducer(state, { type: 'moveRule', uid: second!.uid, by: -1 });
    expect(moved.draft.rules.map((r) => r.id)).toEqual(['debt-labels', 'bug-is-reliability']);
    const again = formReducer(moved, { type: 'moveRule', uid: second!.uid, by: -1 });
    expect(again.draft.rules.map((r) => r.id)).toEqual(['debt-labels', 'bug-is-reliability']);
    const removed = formReducer(moved, { type: 'removeRule', uid: first!.uid });
    expect(removed.draft.rules.map((r) => r.id)).toEqual(['debt-labels']);
  });

  it('adds a rule with an unused id, its values split on commas', () => {
    const state = run({ type: 'addRule' });
    const added = state.draft.rules[2]!;
    expect(added.id).toBe('rule-3');
    const edited = formReducer(state, {
      type: 'updateRule',
      uid: added.uid,
      patch: { field: 'component', values: ' Payments , ,Ops ' },
    });
    expect((saved(edited).rules as unknown[])[2]).toEqual({
      id: 'rule-3',
      type: 'feature',
      when: { field: 'component', anyOf: ['Payments', 'Ops'] },
    });
  });

  it('gives a new DoD item an id from its text and raises the version of the changed template only', () => {
    const state = run(
      { type: 'addItem', templateId: 'default-feature' },
      {
        type: 'updateItem',
        templateId: 'default-feature',
        index: 2,
        item: { id: '', text: 'Code reviewed!', required: true, kind: 'manual' },
      },
      { type: 'addItem', templateId: 'default-feature' },
      {
        type: 'updateItem',
        templateId: 'default-feature',
        index: 3,
        item: { id: '', text: 'Code reviewed', required: false, kind: 'manual' },
      },
    );
    const [template] = saved(state).dodTemplates as typeof CONFIG.dodTemplates;
    expect(template!.version).toBe(2);
    // "code-reviewed" is taken by the existing item, so the new ones are numbered.
    expect(template!.items.map((i) => i.id)).toEqual([
      'code-reviewed',
      'has-estimate',
      'code-reviewed-2',
      'code-reviewed-3',
    ]);
    expect(saved(run()).dodTemplates).toEqual(CONFIG.dodTemplates);
  });
});

describe('saving', () => {
  it('marks a conflict as such, keeping the edits', () => {
    const state = run(
      { type: 'incidentJql', value: 'labels = outage' },
      { type: 'saveStarted' },
      failure('CONFLICT', 'changed meanwhile'),
    );
    expect(state.outcome).toEqual({ kind: 'conflict', message: 'changed meanwhile' });
    expect(state.saving).toBe(false);
    expect(state.draft.incidentJql).toBe('labels = outage');
  });

  it('shows a refusal with the backend’s message and field', () => {
    const state = run(
      { type: 'saveStarted' },
      failure('BAD_REQUEST', 'policy, field "tolerance": must not be negative'),
    );
    expect(state.outcome).toEqual({
      kind: 'invalid',
      message: 'policy, field "tolerance": must not be negative',
      field: 'policy',
    });
    expect(run(failure('FORBIDDEN')).outcome?.kind).toBe('failed');
  });

  it('takes the saved answer as the new baseline and says so until the next edit', () => {
    const view = settingsView({
      version: 4,
      config: { ...CONFIG, incidentJql: 'labels = outage' },
    });
    const state = run({ type: 'incidentJql', value: 'labels = outage' }, { type: 'saved', view });
    expect(state.outcome).toEqual({ kind: 'saved', version: 4 });
    expect(isDirty(state.draft, state.view.config)).toBe(false);
    expect(formReducer(state, { type: 'incidentJql', value: 'x' }).outcome).toBeNull();
  });

  it('discards edits back to what was loaded', () => {
    const state = run({ type: 'target', workType: 'debt', value: '30' }, { type: 'discard' });
    expect(state.draft.policy.targets.debt).toBe('10');
    expect(isDirty(state.draft, state.view.config)).toBe(false);
  });
});

describe('the share hint', () => {
  const policy = toDraft(CONFIG).policy;
  it.each([
    [{}, 'ok', 'Targets and buffer add up to 100%.'],
    [{ feature: '50' }, 'off', 'Targets and buffer add up to 90%: 10 points short of 100%.'],
    [{ feature: '65.5' }, 'off', 'Targets and buffer add up to 105.5%: 5.5 points over 100%.'],
    [{ feature: '33.3', debt: '23.3', toil: '23.4' }, 'ok', 'Targets and buffer add up to 100%.'],
    [{ toil: '' }, 'incomplete', 'Enter a number for toil.'],
  ])('with targets %j is %s: "%s"', (targets, kind, text) => {
    const sum = shareSum({ ...policy, targets: { ...policy.targets, ...targets } });
    expect(sum.kind).toBe(kind);
    expect(shareSumText(sum)).toBe(text);
  });
});

describe('which section a refusal is about', () => {
  it.each([
    ['Invalid: policy, field "tolerance": must not be negative', 'capacity'],
    ['rule "x" (#1), field "when.anyOf": must list at least one value', 'rules'],
    ['template 1 ("f"), item 2, field text: must not be empty', 'dod'],
    ['field "incidentJql": must be a non-empty JQL query', 'incidents'],
    ['board, field "boardId": must be a whole number', 'capacity'],
    ['something else', null],
  ])('%s → %s', (message, section) => {
    expect(sectionOfProblem(message)).toBe(section);
  });
});

describe('the error-budget policy section', () => {
  it('shows the stored policy in percent and hours', () => {
    expect(toDraft(CONFIG).errorBudget).toEqual({
      atRiskBelow: '25',
      freezeAtOrBelow: '0',
      unfreezeAtOrAbove: '5',
      unfreezeHoldHours: '24',
      postmortemShare: '20',
    });
  });

  it('saves percent as fractions and hours as milliseconds, keeping the fields it does not show', () => {
    const state = run(
      { type: 'errorBudget', patch: { atRiskBelow: '12.5', unfreezeHoldHours: '36' } },
      { type: 'errorBudget', patch: { postmortemShare: '15' } },
    );
    expect(isDirty(state.draft, state.view.config)).toBe(true);
    expect(saved(state).errorBudget).toEqual({
      freezeAtOrBelow: 0,
      atRiskBelow: 0.125,
      atRiskOnAlerts: ['ticket', 'page'],
      unfreezeAtOrAbove: 0.05,
      unfreezeHold: 129_600_000,
      minDataCoverage: 0,
      postmortemBudgetShare: 0.15,
    });
  });

  it('sends text that is not a number as typed, so the backend names the field', () => {
    const state = run({ type: 'errorBudget', patch: { atRiskBelow: 'a lot' } });
    expect((saved(state).errorBudget as Record<string, unknown>).atRiskBelow).toBe('a lot');
    expect(sectionOfProblem('errorBudget, field "atRiskBelow": must be a number')).toBe(
      'error-budget',
    );
  });
});
