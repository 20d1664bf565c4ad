/**
 * Everything Ballast knows about one issue, computed from one Jira read (plus the parent's, only when
 * the issue's own data decides nothing and it may inherit): its work type with the reason, its
 * Definition of Done evaluated against the project's template, and the derived property values.
 */
import type {
  DodChecklistState,
  DodEvaluation,
  DodHistory,
  DodIssue,
  DodTemplate,
} from '../../domain/dod';
import {
  dodHistory,
  evaluateChecklist,
  indexedSummary,
  migrateChecklist,
  selectTemplate,
} from '../../domain/dod';
import { classify, type Classification } from '../../domain/work';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraIssue, JiraPort } from '../../ports/jira';
import type { IssueView, WorkTypeView } from '../../contract/issue-panel';
import { loadProjectConfig } from '../project/project-config-repository';
import type { ProjectConfig } from '../project/project-config';
import {
  BALLAST_PROPERTY_KEY,
  manualTypeOf,
  readBallastProperty,
  type BallastProperty,
  type StoredWorkTypeSource,
} from './ballast-property';
import { issueFields, toClassifiable, toDodIssue } from './issue-facts';
import { loadProjectHistory, NOT_SEEN_YET, type ProjectHistory } from './project-history';
import { linkedPostmortems } from './postmortem-links';

export interface IssueDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  /**
   * The issue panel's suggestion and gate (src/app/issue/panel-extras.ts). Only the panel's
   * resolvers pass it; validators and triggers do without the extra storage reads.
   */
  readonly viewExtras?: (input: ViewExtrasInput) => Promise<IssueViewExtras>;
}

/** What the panel's extras are computed from: the issue as read, its classification, the config. */
export interface ViewExtrasInput {
  readonly issue: JiraIssue;
  readonly classification: Classification;
  readonly config: ProjectConfig;
}

export interface IssueViewExtras {
  readonly suggestion: IssueView['suggestion'];
  readonly noSuggestion: IssueView['noSuggestion'];
  readonly gate: IssueView['gate'];
  /** Shown with the snapshot's problems, e.g. a suggestion model that could not be trained. */
  readonly problems: readonly string[];
}

const NO_EXTRAS: IssueViewExtras = {
  suggestion: null,
  noSuggestion: null,
  gate: null,
  problems: [],
};

/**
 * How to learn a parent's type when the issue's own data decides nothing: read the parent (one more
 * Jira call), or trust the type inherited when the property was last derived (validators, which
 * must stay within two Jira calls).
 */
export type ParentLookup = 'fetch' | 'stored';

export interface IssueSnapshot {
  readonly issue: JiraIssue;
  readonly config: ProjectConfig;
  readonly property: BallastProperty;
  readonly classification: Classification;
  readonly template: DodTemplate | undefined;
  /** The stored ticks, moved onto the current template when it changed. */
  readonly checklist: DodChecklistState | undefined;
  readonly dodIssue: DodIssue;
  readonly evaluation: DodEvaluation;
  /** Whether the item was closed before Ballast first saw the project (then no DoD applies). */
  readonly history: DodHistory;
  /** When Ballast first saw the project, as loaded (passed on to recomputations). */
  readonly projectHistory: ProjectHistory;
  readonly problems: readonly string[];
  /** The panel's suggestion and gate; none unless IssueDeps.viewExtras was given. */
  readonly extras: IssueViewExtras;
}

export async function loadIssueSnapshot(
  deps: IssueDeps,
  projectKey: string,
  issueKey: string,
  parentLookup: ParentLookup = 'fetch',
): Promise<IssueSnapshot> {
  const [loaded, projectHistory] = await Promise.all([
    loadProjectConfig(deps.store, projectKey),
    loadProjectHistory(deps.store, projectKey),
  ]);
  const estimationFieldId = loaded.config.board?.estimationFieldId ?? null;
  const issue = await deps.jira.getIssue(issueKey, issueFields(estimationFieldId), [
    BALLAST_PROPERTY_KEY,
  ]);
  const read = readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]);
  const problems = [
    ...loaded.problems.map((p) => `Project configuration: ${p}`),
    ...(read.problem ? [read.problem] : []),
  ];
  return computeSnapshot(
    deps,
    issue,
    read.property,
    loaded.config,
    problems,
    parentLookup,
    projectHistory,
  );
}

/** Recomputes the snapshot for a (possibly changed) property, without reading the issue again. */
export async function computeSnapshot(
  deps: IssueDeps,
  issue: JiraIssue,
  property: BallastProperty,
  config: ProjectConfig,
  problems: readonly string[],
  parentLookup: ParentLookup = 'fetch',
  projectHistory: ProjectHistory = NOT_SEEN_YET,
): Promise<IssueSnapshot> {
  const manual = manualTypeOf(property);
  let classification = classify(toClassifiable(issue, manual), config.rules);
  const parentKey = issue.fields.parent?.key;
  if (classification.type === 'unclassified' && parentKey && parentLookup === 'stored') {
    if (property.workTypeSource.kind === 'parent' && property.workType !== 'unclassified') {
      classification = {
        key: issue.key,
        type: property.workType,
        source: {
          kind: 'parent',
          parentKey,
          parent: { key: parentKey, type: property.workType, source: { kind: 'none' }, reason: '' },
        },
        reason: `Inherited ${property.workType} from parent ${parentKey}.`,
      };
    }
  } else if (classification.type === 'unclassified' && parentKey) {
    const estimationFieldId = config.board?.estimationFieldId ?? null;
    const parent = await deps.jira.getIssue(parentKey, issueFields(estimationFieldId), [
      BALLAST_PROPERTY_KEY,
    ]);
    const parentManual = manualTypeOf(
      readBallastProperty(parent.properties?.[BALLAST_PROPERTY_KEY]).property,
    );
    classification = classify(
      toClassifiable(issue, manual, toClassifiable(parent, parentManual)),
      config.rules,
    );
  }
  const issueType = issue.fields.issuetype?.name ?? '';
  const template = selectTemplate(config.dodTemplates, {
    workType: classification.type,
    issueType,
  });
  const previous =
    property.dod && config.dodTemplates.find((t) => t.id === property.dod?.templateId);
  const checklist =
    property.dod &&
    template &&
    (property.dod.templateId !== template.id || property.dod.templateVersion !== template.version)
      ? migrateChecklist(property.dod, previous, template).state
      : property.dod;
  const facts = toDodIssue(issue, classification.type, config.board?.estimationFieldId ?? null);
  const checksPostmortem = template?.items.some(
    (item) => item.kind === 'auto' && item.check.type === 'postmortemLinked',
  );
  const dodIssue = checksPostmortem
    ? { ...facts, postmortems: await linkedPostmortems(deps.jira, facts, config.postmortem) }
    : facts;
  const evaluation = evaluateChecklist(template, checklist, dodIssue);
  const history = dodHistory(
    {
      statusCategory: issue.fields.status?.statusCategory?.key ?? null,
      resolvedAt: issue.fields.resolutiondate ?? null,
    },
    projectHistory.firstSeenAt,
  );
  const extras = deps.viewExtras
    ? await deps.viewExtras({ issue, classification, config })
    : NO_EXTRAS;
  return {
    issue,
    config,
    property,
    classification,
    template,
    checklist,
    dodIssue,
    evaluation,
    history,
    projectHistory,
    problems,
    extras,
  };
}

function storedSource(
  classification: Classification,
  property: BallastProperty,
): StoredWorkTypeSource {
  const { source } = classification;
  if (source.kind === 'manual' && property.workTypeSource.kind === 'manual')
    return property.workTypeSource;
  if (source.kind === 'rule') return { kind: 'rule', ruleId: source.ruleId };
  if (source.kind === 'parent') return { kind: 'parent', parentKey: source.parentKey };
  return { kind: 'none' };
}

/** The property to store: the truth (manual choice, ticks) plus the derived, JQL-indexed values. */
export function derivedProperty(snapshot: IssueSnapshot): BallastProperty {
  const { workType, ...figures } = indexedSummary(
    snapshot.classification.type,
    snapshot.evaluation,
    snapshot.history,
  );
  return {
    version: snapshot.property.version,
    workType,
    workTypeSource: storedSource(snapshot.classification, snapshot.property),
    ...(snapshot.checklist ? { dod: snapshot.checklist } : {}),
    ...figures,
  };
}

export function toIssueView(snapshot: IssueSnapshot): Omit<IssueView, 'people'> {
  const { classification, property } = snapshot;
  const workType: WorkTypeView = {
    type: classification.type,
    source: classification.source.kind,
    reason: classification.reason,
    ...(classification.source.kind === 'manual' && property.workTypeSource.kind === 'manual'
      ? { setBy: property.workTypeSource.by, setAt: property.workTypeSource.at }
      : {}),
  };
  return {
    issueKey: snapshot.issue.key,
    workType,
    suggestion: snapshot.extras.suggestion,
    noSuggestion: snapshot.extras.noSuggestion,
    gate: snapshot.extras.gate,
    dod: snapshot.evaluation,
    history:
      snapshot.history.kind === 'closedBeforeBallast'
        ? {
            closedBeforeBallast: true,
            resolvedAt: snapshot.history.resolvedAt,
            firstSeenAt: snapshot.history.firstSeenAt,
          }
        : null,
    problems: [...snapshot.problems, ...snapshot.extras.problems],
  };
}
