/**
 * What the issue panel shows besides the type and the DoD: the work-type suggestion for an
 * unclassified item (PRODUCT.md §1) and the error-budget gate for feature work while the project is
 * FROZEN (§4). Project-level reads (the stored model, the SLO statuses) happen only when the item
 * needs them, at most once per request.
 */
import type { GateStatement } from '../../contract/gate';
import type { IssueGateView, WorkTypeSuggestionView } from '../../contract/issue-panel';
import { checkWorkStart, type ProjectGate, type WorkDecision } from '../../domain/gate';
import { suggestWorkType } from '../../domain/work';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { statementInForce } from '../gate/statement-in-force';
import { loadProjectGate } from '../slo/project-gate-status';
import type { IssueViewExtras, ViewExtrasInput } from './issue-snapshot';
import {
  loadSuggestionModel,
  toWorkTypeModel,
  trainSuggestionModel,
  type StoredSuggestionModel,
} from './suggestion-model';

/**
 * Fewer tagged items than this, no suggestion. Our choice: with four types, 30 items is under eight
 * per type on average — below that the word counts per type are mostly chance.
 */
export const MIN_SUGGESTION_EXAMPLES = 30;
/** Below this calibrated confidence the panel suggests nothing (the domain's default). */
export const MIN_SUGGESTION_CONFIDENCE = 0.6;
/**
 * Fewer occurrences of the item's words and labels in the tagged history, no suggestion (the
 * domain's default): below it a suggestion would rest on a handful of anecdotes.
 */
export const MIN_SUGGESTION_EVIDENCE = 5;

export interface PanelExtrasDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
  readonly clock: Clock;
}

export interface PanelExtrasOptions {
  /** Train the project's model now when none is stored (the panel's first load; bounded). */
  readonly trainIfMissing: boolean;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Why a held item may start anyway: its own exemption, or an override of the freeze. */
function allowedBy(rule: WorkDecision['rule']): IssueGateView['allowedBy'] {
  if (rule === 'exempt-priority' || rule === 'exempt-label') return 'exempt';
  return rule === 'override' ? 'override' : null;
}

/** A loader for IssueDeps.viewExtras, for one request about one project. */
export function panelExtras(
  deps: PanelExtrasDeps,
  projectKey: string,
  options: PanelExtrasOptions,
): (input: ViewExtrasInput) => Promise<IssueViewExtras> {
  let model: Promise<{ model?: StoredSuggestionModel; problem?: string }> | undefined;
  const gates = new Map<string, Promise<{ gate: ProjectGate; statement: GateStatement }>>();

  const loadModel = async (): Promise<{ model?: StoredSuggestionModel; problem?: string }> => {
    const stored = await loadSuggestionModel(deps.kv, projectKey);
    if (stored || !options.trainIfMissing) return { ...(stored ? { model: stored } : {}) };
    try {
      return { model: await trainSuggestionModel(deps, projectKey, deps.clock.now()) };
    } catch (error: unknown) {
      // The panel still shows the type and the DoD; the next hourly run tries again.
      const reason = error instanceof Error ? error.message : String(error);
      return { problem: `The category suggestion could not be learned yet: ${reason}` };
    }
  };

  const suggestionFor = async (
    input: ViewExtrasInput,
  ): Promise<{
    suggestion: WorkTypeSuggestionView | null;
    noSuggestion: string | null;
    problems: string[];
  }> => {
    if (input.classification.type !== 'unclassified')
      return { suggestion: null, noSuggestion: null, problems: [] };
    model ??= loadModel();
    const loaded = await model;
    const problems = loaded.problem ? [loaded.problem] : [];
    if (!loaded.model) return { suggestion: null, noSuggestion: null, problems };
    const { fields } = input.issue;
    const result = suggestWorkType(
      toWorkTypeModel(loaded.model),
      {
        summary: fields.summary ?? '',
        labels: fields.labels ?? [],
        issueType: fields.issuetype?.name ?? '',
      },
      {
        minExamples: MIN_SUGGESTION_EXAMPLES,
        minConfidence: MIN_SUGGESTION_CONFIDENCE,
        minEvidence: MIN_SUGGESTION_EVIDENCE,
      },
    );
    if (result.kind !== 'suggestion')
      return { suggestion: null, noSuggestion: `No suggestion: ${result.explanation}`, problems };
    const suggestion = {
      type: result.type,
      confidence: result.confidence,
      basedOn: loaded.model.examples,
      evidenceCount: result.evidenceCount,
      evidence: result.evidence.map((e) => e.feature),
    };
    return { suggestion, noSuggestion: null, problems };
  };

  const gateFor = async (input: ViewExtrasInput): Promise<IssueGateView | null> => {
    if (input.classification.type !== 'feature') return null;
    const linked = input.config.sloIds;
    const cacheKey = linked.join('\n');
    let gate = gates.get(cacheKey);
    if (!gate) {
      gate = loadProjectGate(deps, projectKey, linked, deps.clock.now());
      gates.set(cacheKey, gate);
    }
    const { gate: project, statement } = await gate;
    if (project.state !== 'FROZEN') return null;
    const { fields } = input.issue;
    const decision = checkWorkStart(
      {
        key: input.issue.key,
        workType: input.classification.type,
        ...(fields.priority?.name ? { priority: fields.priority.name } : {}),
        labels: fields.labels ?? [],
      },
      project,
      input.config.capacity.exemption,
    );
    // The override's who and until travel as data, so the panel writes a name and a local time.
    const override =
      decision.rule === 'override' && project.override
        ? {
            accountId: project.override.by,
            until: new Date(project.override.until).toISOString(),
            reason: project.override.reason,
          }
        : null;
    const message =
      decision.rule === 'override'
        ? 'This item may start: a freeze override is in force.'
        : decision.allowed
          ? `${capitalised(decision.message)}.`
          : 'Feature work cannot start while the gate is frozen.';
    return {
      state: 'FROZEN',
      mayStart: decision.allowed,
      allowedBy: allowedBy(decision.rule),
      message,
      slos: [...new Set(project.reasons.filter((r) => r.state === 'FROZEN').map((r) => r.slo))],
      statement: statementInForce(project, statement, input.config.capacity.exemption),
      override,
      wayOut: decision.wayOut === null ? null : `${capitalised(decision.wayOut)}.`,
    };
  };

  return async (input) => {
    const [{ suggestion, noSuggestion, problems }, gate] = await Promise.all([
      suggestionFor(input),
      gateFor(input),
    ]);
    return { suggestion, noSuggestion, gate, problems };
  };
}
