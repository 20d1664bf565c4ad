/**
 * What each resolver does to what Ballast stores, for the licence (src/contract/licence.ts): with an
 * inactive licence a `change` is refused and everything else still answers. Typed over every
 * resolver key, so a new resolver does not compile until it is classified here.
 *
 * - `read`: answers from Jira and storage. Derived records a read may refresh on the way (an issue's
 *   indexed values, a metrics recompute queued by a stale page, `project/refresh`) are computed
 *   figures, not anything a person entered, and keep being computed.
 * - `change`: stores what a person decided (a category, a tick, settings, SLOs, overrides, moves).
 * - `security`: rotating the push API's secret. Allowed without a licence: a lapsed licence must not
 *   keep a leaked secret valid.
 * - `erasure`: deleting a project's Ballast data. Allowed without a licence: a customer who stopped
 *   paying must still be able to remove what Ballast holds (issue #24: export and delete).
 */
import type { ResolverKey } from './resolvers';

export type ResolverAccess = 'read' | 'change' | 'security' | 'erasure';

export const RESOLVER_ACCESS: Readonly<Record<ResolverKey, ResolverAccess>> = {
  'meta/about': 'read',
  'issue/get': 'read',
  'issue/setWorkType': 'change',
  'issue/tickDodItem': 'change',
  'settings/get': 'read',
  'settings/save': 'change',
  // Runs the rules on one issue and stores nothing (src/app/project/test-rules.ts).
  'settings/testRules': 'read',
  'settings/auditLog': 'read',
  'project/overview': 'read',
  'project/slos': 'read',
  'project/capacity': 'read',
  'project/delivery': 'read',
  'project/toilDebt': 'read',
  'project/incidents': 'read',
  'project/review': 'read',
  'project/reviewCsv': 'read',
  'portfolio/list': 'read',
  'project/refresh': 'read',
  'slo/list': 'read',
  'slo/import': 'change',
  'slo/save': 'change',
  'slo/delete': 'change',
  'slo/export': 'read',
  'push/get': 'read',
  'push/rotateSecret': 'security',
  'planner/evaluate': 'read',
  'planner/board': 'read',
  'planner/apply': 'change',
  'planner/undo': 'change',
  'planner/override': 'change',
  'planner/audit': 'read',
  'gate/overrides': 'read',
  'gate/recordOverride': 'change',
  'gate/endOverride': 'change',
  'projectData/get': 'read',
  'projectData/export': 'read',
  'projectData/delete': 'erasure',
  'projectData/projects': 'read',
  'notify/get': 'read',
  'notify/save': 'change',
  // Sends a test notice on each configured channel: it stores only the last delivery's result.
  'notify/test': 'change',
};

/** What a refused change was, in words: "save the settings". */
export const CHANGE_WORDS: Readonly<Partial<Record<ResolverKey, string>>> = {
  'issue/setWorkType': 'set the category',
  'issue/tickDodItem': 'change the Definition of Done checklist',
  'settings/save': 'save the settings',
  'slo/import': 'import the SLOs',
  'slo/save': 'save the SLO',
  'slo/delete': 'delete the SLO',
  'planner/apply': 'move the items',
  'planner/undo': 'undo the moves',
  'planner/override': 'record the override',
  'gate/recordOverride': 'record the freeze override',
  'gate/endOverride': 'end the freeze override',
  'notify/save': 'save the notification settings',
  'notify/test': 'send a test notification',
};
