import type { WorkTypeOrUnclassified } from '../work/work-type';
import type { AutoCheck } from './auto-check';

/**
 * A Definition of Done template (PRODUCT.md §3). A project keeps a list of them (one KVS document);
 * each applies to one work type and, optionally, only to some issue types.
 *
 * Item ids are the identity of an item across template versions: checklists store ticks by item id,
 * so editing a text keeps the tick, deleting an item drops it, and a new id starts open.
 */
export interface DodTemplate {
  readonly id: string;
  /** A positive integer, raised by the settings page on every edit. */
  readonly version: number;
  readonly name: string;
  readonly workType: WorkTypeOrUnclassified;
  /** Issue type names this template is narrowed to; empty means every issue type. */
  readonly issueTypes: readonly string[];
  readonly items: readonly DodItem[];
}

interface DodItemBase {
  /** Stable, lower-case slug such as "code-reviewed". */
  readonly id: string;
  readonly text: string;
  readonly required: boolean;
}

/** Ticked by a person; who and when is kept in the checklist state. */
export interface ManualDodItem extends DodItemBase {
  readonly kind: 'manual';
}

/** Computed from the issue each time; never stored. */
export interface AutoDodItem extends DodItemBase {
  readonly kind: 'auto';
  readonly check: AutoCheck;
}

export type DodItem = ManualDodItem | AutoDodItem;
