/**
 * "Test against an issue key" on the settings page: which classification rule would tag an issue,
 * with the saved rules or the ones being edited (not yet saved), and why. The issue is read as the
 * person asking, so Jira decides whether they may see it; nothing is written.
 */
import {
  classify,
  parseRules,
  problemField,
  ValidationError,
  type ClassificationRule,
} from '../../domain/work';
import type { TestRulesView } from '../../contract/settings';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import { AppError } from '../errors';
import { BALLAST_PROPERTY_KEY, manualTypeOf, readBallastProperty } from '../issue/ballast-property';
import { issueFields, toClassifiable } from '../issue/issue-facts';
import { listed, loadProjectConfig } from './project-config-repository';

export interface TestRulesDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
}

/** Edited rules, validated as a save would; a problem names the rule and field, as on save. */
function editedRules(raw: unknown): readonly ClassificationRule[] {
  try {
    return parseRules(raw);
  } catch (error: unknown) {
    if (!(error instanceof ValidationError)) throw error;
    throw new AppError('BAD_REQUEST', `The rules cannot be tested: ${listed(error.problems)}`, {
      field: error.problems[0] === undefined ? undefined : problemField(error.problems[0]),
    });
  }
}

export async function testRules(
  deps: TestRulesDeps,
  input: { projectKey: string; issueKey: string; rules?: unknown },
): Promise<TestRulesView> {
  const loaded = await loadProjectConfig(deps.store, input.projectKey);
  const rules = input.rules === undefined ? loaded.config.rules : editedRules(input.rules);
  const fields = issueFields(loaded.config.board?.estimationFieldId ?? null);
  // As the person: Jira answers 404 (NOT_FOUND) for an issue that does not exist or they cannot see.
  const issue = await deps.jira.getIssue(input.issueKey, fields, [BALLAST_PROPERTY_KEY]);
  const issueProject = issue.fields.project?.key;
  if (issueProject !== undefined && issueProject !== input.projectKey) {
    throw new AppError(
      'BAD_REQUEST',
      `${issue.key} belongs to project ${issueProject}; test the rules of ${input.projectKey} with one of its issues.`,
      { field: 'issueKey' },
    );
  }
  const manualType =
    manualTypeOf(readBallastProperty(issue.properties?.[BALLAST_PROPERTY_KEY]).property) ?? null;
  // The rules are what is being tested, so the item's own manual type is left out; a parent keeps
  // its manual type, since that is what the item would inherit.
  let classification = classify(toClassifiable(issue, undefined), rules);
  const parentKey = issue.fields.parent?.key ?? null;
  if (classification.type === 'unclassified' && parentKey) {
    const parent = await deps.jira.getIssue(parentKey, fields, [BALLAST_PROPERTY_KEY]);
    const parentManual = manualTypeOf(
      readBallastProperty(parent.properties?.[BALLAST_PROPERTY_KEY]).property,
    );
    classification = classify(
      toClassifiable(issue, undefined, toClassifiable(parent, parentManual)),
      rules,
    );
  }
  const { source } = classification;
  const facts = toClassifiable(issue, undefined);
  return {
    issueKey: issue.key,
    facts: {
      summary: facts.summary,
      issueType: facts.issueType,
      labels: facts.labels,
      components: facts.components,
      parentKey,
    },
    type: classification.type,
    source: source.kind === 'manual' ? 'none' : source.kind,
    rule:
      source.kind === 'rule'
        ? { id: source.ruleId, position: source.rulePosition, matched: source.matched }
        : null,
    reason: classification.reason,
    manualType,
  };
}
