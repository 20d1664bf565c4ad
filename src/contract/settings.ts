/** The project settings page: the configuration document, its version (for conflicts) and who may edit. */
import type { ProjectConfig } from '../app/project/project-config';
import type { WorkType, WorkTypeOrUnclassified } from '../domain/work/work-type';

export interface SettingsView {
  readonly projectKey: string;
  readonly config: ProjectConfig;
  /** Send back with a save; a save against an older version is refused as a conflict. */
  readonly version: number;
  readonly canEdit: boolean;
  /** Problems found in the stored configuration (the valid parts are in use). */
  readonly problems: readonly string[];
}

export interface SaveSettingsRequest {
  /** The whole edited configuration; absent parts take the defaults. */
  readonly config: unknown;
  readonly version: number;
}

/** `settings/testRules`: which rule would tag an issue, with the saved or the edited (unsaved) rules. */
export interface TestRulesRequest {
  readonly issueKey: string;
  /** The rules as edited on the page; absent means the saved rules. */
  readonly rules?: unknown;
}

export interface TestRulesView {
  readonly issueKey: string;
  /** What the rules saw: the issue's own facts as Jira gave them to the person asking. */
  readonly facts: {
    readonly summary: string;
    readonly issueType: string;
    readonly labels: readonly string[];
    readonly components: readonly string[];
    readonly parentKey: string | null;
  };
  /** The type the rules give (a manual choice ignored), or inherited from the parent. */
  readonly type: WorkTypeOrUnclassified;
  readonly source: 'rule' | 'parent' | 'none';
  /** The rule that matched first (its id and 1-based position), when one did. */
  readonly rule: {
    readonly id: string;
    readonly position: number;
    readonly matched: string;
  } | null;
  /** One sentence from the domain, e.g. `Rule #1 "bug-is-reliability" (reliability): issue type is "Bug".` */
  readonly reason: string;
  /** A type set by hand on the issue beats every rule: shown so the answer is not misread. */
  readonly manualType: WorkType | null;
}
