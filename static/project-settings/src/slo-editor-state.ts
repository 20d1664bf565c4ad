/**
 * What the SLO section's form is doing: closed (with what just happened), editing a new or stored
 * SLO, or asking to confirm a delete. A pure reducer, tested in Node; SlosSection wires the calls.
 */
import type { ResolverError } from '../../../src/contract/envelope';
import type { SloDraft } from './slo-draft';

export type SloEditor =
  | { readonly mode: 'closed'; readonly notice: string | null }
  | {
      readonly mode: 'edit';
      /** null: a new SLO. */
      readonly originalName: string | null;
      readonly draft: SloDraft;
      readonly busy: boolean;
      readonly error: ResolverError | null;
    }
  | {
      readonly mode: 'delete';
      readonly name: string;
      readonly busy: boolean;
      readonly error: ResolverError | null;
    };

export type SloEditorAction =
  | { readonly type: 'add'; readonly draft: SloDraft }
  | { readonly type: 'edit'; readonly name: string; readonly draft: SloDraft }
  | { readonly type: 'change'; readonly patch: Partial<SloDraft> }
  | { readonly type: 'askDelete'; readonly name: string }
  | { readonly type: 'started' }
  | { readonly type: 'failed'; readonly error: ResolverError }
  | { readonly type: 'done'; readonly notice: string }
  | { readonly type: 'cancel' };

export const closedEditor: SloEditor = { mode: 'closed', notice: null };

export function sloEditorReducer(state: SloEditor, action: SloEditorAction): SloEditor {
  switch (action.type) {
    case 'add':
      return { mode: 'edit', originalName: null, draft: action.draft, busy: false, error: null };
    case 'edit':
      return {
        mode: 'edit',
        originalName: action.name,
        draft: action.draft,
        busy: false,
        error: null,
      };
    case 'change':
      return state.mode === 'edit'
        ? { ...state, draft: { ...state.draft, ...action.patch } }
        : state;
    case 'askDelete':
      return { mode: 'delete', name: action.name, busy: false, error: null };
    case 'started':
      return state.mode === 'closed' ? state : { ...state, busy: true, error: null };
    case 'failed':
      return state.mode === 'closed' ? state : { ...state, busy: false, error: action.error };
    case 'done':
      return { mode: 'closed', notice: action.notice };
    case 'cancel':
      return closedEditor;
  }
}
