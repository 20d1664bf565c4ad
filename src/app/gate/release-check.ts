/**
 * May a release carrying these Jira items go now? (issue #22, PRODUCT.md §7.) The answer is the
 * error-budget gate's own, item by item, with no rule of its own: the project's gate as stored
 * (loadProjectGate), what it allows (gateInForce: FROZEN holds feature work unless an override is
 * in force in this freeze), each item judged by checkWorkStart with the project's exemption rule
 * (the workflow validator's decision, read the way the validator reads the item), and the gate's
 * statement in force (statementInForce) — so a pipeline, the validator, the issue panel and the
 * planner never disagree. Reads only: storage, and one Jira read per carried item.
 */
import type {
  GateCheckResponse,
  ProjectReleaseView,
  ReleaseItemView,
  ReleaseRule,
} from '../../contract/gate-check';
import type { ExemptionRules } from '../../domain/capacity';
import {
  checkWorkStart,
  gateInForce,
  type ProjectGate,
  type WorkDecision,
} from '../../domain/gate';
import { isoOf } from '../../domain/slo/duration';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { AppError } from '../errors';
import { loadIssueSnapshot } from '../issue/issue-snapshot';
import { displayNames } from '../people/display-names';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectGate } from '../slo/project-gate-status';
import { releaseTargets } from './release-targets';
import { statementInForce } from './statement-in-force';

export interface ReleaseCheckDeps {
  readonly jira: JiraPort;
  readonly store: DocumentStore;
  readonly kv: KeyValueStore;
}

/** Jira reads at once: a release of 100 items stays well inside Jira's burst limits. */
const READS_AT_ONCE = 5;

export const projectOf = (key: string): string => key.slice(0, key.lastIndexOf('-'));

type ItemRead =
  { key: string; decision: WorkDecision; category: string } | { key: string; unknown: true };

/** Each key read as the validator reads it (its stored inherited type), then judged by the gate. */
async function judgeItems(
  deps: ReleaseCheckDeps,
  projectKey: string,
  keys: readonly string[],
  gate: ProjectGate,
  exemption: ExemptionRules,
): Promise<ItemRead[]> {
  const judge = async (key: string): Promise<ItemRead> => {
    try {
      const snapshot = await loadIssueSnapshot(deps, projectKey, key, 'stored');
      const fields = snapshot.issue.fields;
      const category = snapshot.classification.type;
      const decision = checkWorkStart(
        {
          key,
          workType: category,
          ...(fields.priority?.name ? { priority: fields.priority.name } : {}),
          labels: fields.labels ?? [],
        },
        gate,
        exemption,
      );
      return { key, decision, category };
    } catch (error: unknown) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return { key, unknown: true };
      throw error;
    }
  };
  const reads: ItemRead[] = [];
  for (let i = 0; i < keys.length; i += READS_AT_ONCE)
    reads.push(...(await Promise.all(keys.slice(i, i + READS_AT_ONCE).map(judge))));
  return reads;
}

/** What lets a held release go: the domain's way out for a held item, else name the items. */
function wayOutOf(
  items: readonly ReleaseItemView[],
  decisions: readonly WorkDecision[],
  unknown: readonly string[],
  projectKey: string,
): string {
  const held = decisions.find((d) => !d.allowed)?.wayOut;
  if (held) return held;
  const named =
    unknown.length > 0
      ? `Jira has no item ${unknown.join(', ')}: fix the keys`
      : items.length === 0
        ? `name the ${projectKey} items the release carries (only exempt items and work other than features may ship during a freeze)`
        : '';
  return `${named}, or ask a project admin to record a time-boxed override with a reason`;
}

/** One project's decision; the override's author still as an account id (`overrideBy`). */
export /** One project's decision; `unknown` are its keys Jira does not have. */
interface ProjectRelease {
  readonly view: ProjectReleaseView;
  readonly unknown: string[];
  /** The account id of the override's author, while an override is in force. */
  readonly overrideBy: string | null;
}

async function projectRelease(
  deps: ReleaseCheckDeps,
  projectKey: string,
  keys: readonly string[],
  now: Date,
): Promise<ProjectRelease> {
  const { config } = await loadProjectConfig(deps.store, projectKey);
  const { gate, statement } = await loadProjectGate(deps, projectKey, config.sloIds, now);
  const inForce = gateInForce(gate);
  const reads = await judgeItems(deps, projectKey, keys, gate, config.capacity.exemption);
  const unknown = reads.flatMap((r) => ('unknown' in r ? [r.key] : []));
  const judged = reads.flatMap((r) => ('unknown' in r ? [] : [r]));
  const items: ReleaseItemView[] = judged.map((r) => ({
    key: r.key,
    category: r.category,
    allowed: r.decision.allowed,
    rule: r.decision.rule,
    // Under an override the decision's own words carry an ISO instant and an account id; the
    // override itself is answered beside the items, with its author's name.
    message:
      r.decision.rule === 'override'
        ? `${r.key} may go under the freeze override in force`
        : r.decision.message,
  }));
  const allExempt = items.length > 0 && unknown.length === 0 && items.every((i) => i.allowed);
  const rule: ReleaseRule = inForce.featureWorkAllowed
    ? gate.state === 'FROZEN'
      ? 'override'
      : 'not-frozen'
    : allExempt
      ? 'all-exempt'
      : 'frozen';
  const allowed = rule !== 'frozen';
  const override = inForce.override;
  return {
    view: {
      projectKey,
      state: gate.state,
      allowed,
      rule,
      statement: statementInForce(gate, statement, config.capacity.exemption),
      frozenBy: gate.reasons
        .filter((r) => r.state === 'FROZEN')
        .map((r) => ({ slo: r.slo, service: r.service, message: r.message })),
      override:
        override === null
          ? null
          : {
              by: override.by,
              reason: override.reason,
              at: isoOf(override.at),
              until: isoOf(override.until),
            },
      items,
      wayOut: allowed
        ? null
        : wayOutOf(
            items,
            judged.map((r) => r.decision),
            unknown,
            projectKey,
          ),
    },
    unknown,
    overrideBy: override?.by ?? null,
  };
}

/**
 * Each target project's decision on the keys of that project, the override's author by name
 * (one look-up; the id stays when Jira gives no name), with the account id kept as `overrideBy`.
 */
export async function projectReleases(
  deps: ReleaseCheckDeps,
  targets: readonly string[],
  keys: readonly string[],
  now: Date,
): Promise<ProjectRelease[]> {
  const results = await Promise.all(
    targets.map((projectKey) =>
      projectRelease(
        deps,
        projectKey,
        keys.filter((key) => projectOf(key) === projectKey),
        now,
      ),
    ),
  );
  const names = await displayNames(
    deps.jira,
    results.flatMap((r) => (r.overrideBy === null ? [] : [r.overrideBy])),
  );
  return results.map((r) =>
    r.view.override === null
      ? r
      : {
          ...r,
          view: {
            ...r.view,
            override: { ...r.view.override, by: names[r.view.override.by] ?? r.view.override.by },
          },
        },
  );
}

export async function checkRelease(
  deps: ReleaseCheckDeps,
  request: {
    projects: readonly string[];
    services: readonly string[];
    issueKeys: readonly string[];
  },
  now: Date,
): Promise<GateCheckResponse> {
  const targets = await releaseTargets(deps.store, request);
  const keys = [...new Set(request.issueKeys)];
  const results = await projectReleases(deps, targets, keys, now);
  const projects = results.map((r) => r.view);
  return {
    ok: true,
    allowed: projects.every((p) => p.allowed),
    projects,
    unknownKeys: results.flatMap((r) => r.unknown),
    otherKeys: keys.filter((key) => !targets.includes(projectOf(key))),
  };
}
