/**
 * The `ballast` issue entity property: what Ballast keeps on each issue, so it travels with the issue
 * and obeys Jira's permissions (PRODUCT.md §1, §3). Jira caps a property at 32 KB.
 *
 * - `workTypeSource` is the truth for a manual choice; for rule/parent/none it records how the stored
 *   `workType` was derived, so a stale value can be recomputed.
 * - `workType`, `dodComplete`, `dodOpenRequired` are derived and indexed for JQL by the
 *   `jira:entityProperty` module (`ballastCategory = toil`, `dodComplete = 0`). The JQL name of
 *   `workType` is `ballastCategory` (CATEGORY_JQL_ALIAS), apart from Jira's own "Work type" (formerly
 *   "Issue type"); the path inside the property stays `workType`, so stored values need no migration.
 */
import { z } from 'zod';
import type { DodChecklistState } from '../../domain/dod';
import { parseChecklistState } from '../../domain/dod';
import { WORK_TYPES, type WorkType, type WorkTypeOrUnclassified } from '../../domain/work';

export const BALLAST_PROPERTY_KEY = 'ballast';
export const BALLAST_PROPERTY_VERSION = 1;
/**
 * The JQL name of the indexed `workType` value (manifest.yml `jira:entityProperty` searchAlias).
 * Jira indexes the value by its path; the alias only names it in JQL,
 * and `issue.property['ballast'].workType` works without one
 * (developer.atlassian.com/platform/forge/manifest-reference/modules/jira-entity-property/), so
 * renaming the alias from `workType` needed no migration of the stored properties.
 */
export const CATEGORY_JQL_ALIAS = 'ballastCategory';

export type StoredWorkTypeSource =
  | { readonly kind: 'manual'; readonly by: string; readonly at: string }
  | { readonly kind: 'rule'; readonly ruleId: string }
  | { readonly kind: 'parent'; readonly parentKey?: string }
  | { readonly kind: 'none' };

export interface BallastProperty {
  readonly version: typeof BALLAST_PROPERTY_VERSION;
  readonly workType: WorkTypeOrUnclassified;
  readonly workTypeSource: StoredWorkTypeSource;
  readonly dod?: DodChecklistState;
  /** Absent on an item closed before Ballast (src/domain/dod/indexed-summary.ts). */
  readonly dodComplete?: 0 | 1;
  readonly dodOpenRequired?: number;
  /** 1 on an item closed before Ballast first saw the project; absent otherwise. */
  readonly dodClosedBeforeBallast?: 1;
}

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('manual'), by: z.string(), at: z.string() }),
  z.object({ kind: z.literal('rule'), ruleId: z.string() }),
  z.object({ kind: z.literal('parent'), parentKey: z.string().optional() }),
  z.object({ kind: z.literal('none') }),
]);

const propertySchema = z.object({
  version: z.literal(1),
  workType: z.enum([...WORK_TYPES, 'unclassified']),
  workTypeSource: sourceSchema,
  dod: z.unknown().optional(),
  dodComplete: z.union([z.literal(0), z.literal(1)]).optional(),
  dodOpenRequired: z.number().int().min(0).optional(),
  dodClosedBeforeBallast: z.literal(1).optional(),
});

export const EMPTY_PROPERTY: BallastProperty = {
  version: BALLAST_PROPERTY_VERSION,
  workType: 'unclassified',
  workTypeSource: { kind: 'none' },
  dodComplete: 0,
  dodOpenRequired: 0,
};

export interface PropertyRead {
  readonly property: BallastProperty;
  /** Set when the stored value was unreadable and is being treated as empty — shown, never hidden. */
  readonly problem?: string;
}

/** Reads whatever is stored; an absent property is empty, a damaged one is reported, not thrown. */
export function readBallastProperty(stored: unknown): PropertyRead {
  if (stored === undefined || stored === null) return { property: EMPTY_PROPERTY };
  const parsed = propertySchema.safeParse(stored);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    return {
      property: EMPTY_PROPERTY,
      problem: `The stored Ballast data on this issue is unreadable (${where}: ${issue?.message ?? 'invalid'}); it is shown as empty and will be rewritten on the next change.`,
    };
  }
  const { dod, ...rest } = parsed.data;
  if (dod === undefined) return { property: rest };
  const checklist = parseChecklistState(dod);
  if (!checklist.ok) {
    return {
      property: rest,
      problem: `The stored Definition of Done ticks are unreadable (${checklist.errors.join('; ')}); they are shown as open.`,
    };
  }
  return { property: { ...rest, dod: checklist.state } };
}

/** The manual work type, if a person chose one. */
export function manualTypeOf(property: BallastProperty): WorkType | undefined {
  return property.workTypeSource.kind === 'manual' && property.workType !== 'unclassified'
    ? property.workType
    : undefined;
}
