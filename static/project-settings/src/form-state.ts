/**
 * The settings form: the last answer from the backend, the admin's edits, and how the last save
 * went. A pure reducer, so every transition is tested in Node.
 */
import type { ResolverError } from '../../../src/contract/envelope';
import type { SettingsView } from '../../../src/contract/settings';
import type { DodItem, Template } from './config-types';
import {
  newItem,
  nextUid,
  toDraft,
  type Draft,
  type ErrorBudgetDraft,
  type IncidentServicesDraft,
  type PostmortemDraft,
  type PolicyDraft,
  type RuleDraft,
} from './draft';

export type SaveOutcome =
  | { readonly kind: 'saved'; readonly version: number }
  /** Someone else saved since this page loaded: reload to see their change. */
  | { readonly kind: 'conflict'; readonly message: string }
  /** The backend refused the edit (BAD_REQUEST): its message names the field. */
  | { readonly kind: 'invalid'; readonly message: string; readonly field: string | undefined }
  | { readonly kind: 'failed'; readonly error: ResolverError };

export interface FormState {
  readonly view: SettingsView;
  readonly draft: Draft;
  readonly saving: boolean;
  readonly outcome: SaveOutcome | null;
}

export type FormAction =
  | { readonly type: 'loaded'; readonly view: SettingsView }
  | { readonly type: 'policy'; readonly patch: Partial<PolicyDraft> }
  | {
      readonly type: 'target';
      readonly workType: keyof PolicyDraft['targets'];
      readonly value: string;
    }
  | { readonly type: 'addRule' }
  | { readonly type: 'updateRule'; readonly uid: string; readonly patch: Partial<RuleDraft> }
  | { readonly type: 'moveRule'; readonly uid: string; readonly by: -1 | 1 }
  | { readonly type: 'removeRule'; readonly uid: string }
  | { readonly type: 'templateName'; readonly templateId: string; readonly name: string }
  | { readonly type: 'addItem'; readonly templateId: string }
  | {
      readonly type: 'updateItem';
      readonly templateId: string;
      readonly index: number;
      readonly item: DodItem;
    }
  | {
      readonly type: 'moveItem';
      readonly templateId: string;
      readonly index: number;
      readonly by: -1 | 1;
    }
  | { readonly type: 'removeItem'; readonly templateId: string; readonly index: number }
  | { readonly type: 'incidentJql'; readonly value: string }
  | { readonly type: 'incidentServices'; readonly patch: Partial<IncidentServicesDraft> }
  | { readonly type: 'postmortem'; readonly patch: Partial<PostmortemDraft> }
  | { readonly type: 'retroActionLabel'; readonly value: string }
  | { readonly type: 'boardId'; readonly value: string }
  | { readonly type: 'sloIds'; readonly value: string }
  | { readonly type: 'errorBudget'; readonly patch: Partial<ErrorBudgetDraft> }
  | { readonly type: 'teamManagedDod'; readonly value: Draft['teamManagedDod'] }
  | { readonly type: 'discard' }
  | { readonly type: 'saveStarted' }
  | { readonly type: 'saved'; readonly view: SettingsView }
  | { readonly type: 'saveFailed'; readonly error: ResolverError }
  | { readonly type: 'dismissOutcome' };

export function initialForm(view: SettingsView): FormState {
  return { view, draft: toDraft(view.config), saving: false, outcome: null };
}

function move<T>(list: readonly T[], index: number, by: -1 | 1): readonly T[] {
  const to = index + by;
  if (index < 0 || to < 0 || to >= list.length) return list;
  const copy = [...list];
  const [moved] = copy.splice(index, 1);
  copy.splice(to, 0, moved as T);
  return copy;
}

function editDraft(state: FormState, draft: Draft): FormState {
  // An edit after a save clears the "saved" note; a refusal stays until the next save.
  const outcome = state.outcome?.kind === 'saved' ? null : state.outcome;
  return { ...state, draft, outcome };
}

function editTemplate(
  state: FormState,
  templateId: string,
  edit: (template: Template) => Template,
): FormState {
  return editDraft(state, {
    ...state.draft,
    templates: state.draft.templates.map((t) => (t.id === templateId ? edit(t) : t)),
  });
}

function uniqueRuleId(rules: readonly RuleDraft[]): string {
  const ids = new Set(rules.map((r) => r.id));
  let n = rules.length + 1;
  while (ids.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

export function formReducer(state: FormState, action: FormAction): FormState {
  const { draft } = state;
  switch (action.type) {
    case 'loaded':
      return initialForm(action.view);
    case 'policy':
      return editDraft(state, { ...draft, policy: { ...draft.policy, ...action.patch } });
    case 'target':
      return editDraft(state, {
        ...draft,
        policy: {
          ...draft.policy,
          targets: { ...draft.policy.targets, [action.workType]: action.value },
        },
      });
    case 'addRule':
      return editDraft(state, {
        ...draft,
        rules: [
          ...draft.rules,
          {
            uid: nextUid(),
            id: uniqueRuleId(draft.rules),
            type: 'feature',
            description: '',
            mode: 'simple',
            field: 'label',
            values: '',
            json: '{\n  "all": [\n    { "field": "label", "anyOf": [""] }\n  ]\n}',
          },
        ],
      });
    case 'updateRule':
      return editDraft(state, {
        ...draft,
        rules: draft.rules.map((r) => (r.uid === action.uid ? { ...r, ...action.patch } : r)),
      });
    case 'moveRule':
      return editDraft(state, {
        ...draft,
        rules: move(
          draft.rules,
          draft.rules.findIndex((r) => r.uid === action.uid),
          action.by,
        ),
      });
    case 'removeRule':
      return editDraft(state, { ...draft, rules: draft.rules.filter((r) => r.uid !== action.uid) });
    case 'templateName':
      return editTemplate(state, action.templateId, (t) => ({ ...t, name: action.name }));
    case 'addItem':
      return editTemplate(state, action.templateId, (t) => ({
        ...t,
        items: [...t.items, newItem()],
      }));
    case 'updateItem':
      return editTemplate(state, action.templateId, (t) => ({
        ...t,
        items: t.items.map((item, i) => (i === action.index ? action.item : item)),
      }));
    case 'moveItem':
      return editTemplate(state, action.templateId, (t) => ({
        ...t,
        items: move(t.items, action.index, action.by),
      }));
    case 'removeItem':
      return editTemplate(state, action.templateId, (t) => ({
        ...t,
        items: t.items.filter((_, i) => i !== action.index),
      }));
    case 'incidentJql':
      return editDraft(state, { ...draft, incidentJql: action.value });
    case 'incidentServices':
      return editDraft(state, {
        ...draft,
        incidentServices: { ...draft.incidentServices, ...action.patch },
      });
    case 'postmortem':
      return editDraft(state, { ...draft, postmortem: { ...draft.postmortem, ...action.patch } });
    case 'retroActionLabel':
      return editDraft(state, { ...draft, retroActionLabel: action.value });
    case 'sloIds':
      return editDraft(state, { ...draft, sloIds: action.value });
    case 'errorBudget':
      return editDraft(state, { ...draft, errorBudget: { ...draft.errorBudget, ...action.patch } });
    case 'boardId':
      return editDraft(state, { ...draft, boardId: action.value });
    case 'teamManagedDod':
      return editDraft(state, { ...draft, teamManagedDod: action.value });
    case 'discard':
      return initialForm(state.view);
    case 'saveStarted':
      return { ...state, saving: true, outcome: null };
    case 'saved':
      return {
        ...initialForm(action.view),
        outcome: { kind: 'saved', version: action.view.version },
      };
    case 'saveFailed': {
      const { error } = action;
      const outcome: SaveOutcome =
        error.code === 'CONFLICT'
          ? { kind: 'conflict', message: error.message }
          : error.code === 'BAD_REQUEST'
            ? { kind: 'invalid', message: error.message, field: error.field }
            : { kind: 'failed', error };
      return { ...state, saving: false, outcome };
    }
    case 'dismissOutcome':
      return { ...state, outcome: null };
  }
}
