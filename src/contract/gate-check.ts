/**
 * The release gate (issue #22, PRODUCT.md §7): a CI/CD step asks, signed like every push-API call
 * (src/contract/push-api.ts), whether a release carrying some Jira items may go now. Read-only:
 * nothing is stored. The decision is the gate's own — gateInForce, the exemption rule and the
 * gate statement (src/app/gate/release-check.ts) — so a pipeline, the workflow validator and the
 * planner never disagree.
 */
import { z } from 'zod';
import type { GateState } from '../domain/gate/gate-state';
import type { GateStatement } from './gate';

/** Most keys one check reads (each is one Jira read): as many as a deployment push carries. */
export const MAX_RELEASE_KEYS = 100;
/** Jira issue keys as the push API takes them (`SHOP-42`). */
const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/;
/** Jira project keys: an upper-case letter, then upper-case letters, digits or underscores. */
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/** POST to the gate-check web trigger: the projects (or services) and the keys the release carries. */
export const gateCheckSchema = z
  .object({
    projects: z
      .array(z.string().regex(PROJECT_KEY, 'must be a Jira project key like SHOP'))
      .max(20)
      .default([]),
    services: z.array(z.string().min(1).max(100)).max(20).default([]),
    issueKeys: z
      .array(z.string().regex(ISSUE_KEY, 'must be a Jira issue key like SHOP-42'))
      .max(MAX_RELEASE_KEYS)
      .default([]),
  })
  .strict()
  .refine((c) => c.projects.length + c.services.length > 0, {
    message: 'name at least one project or service',
    path: ['projects'],
  });

export type GateCheckRequest = z.infer<typeof gateCheckSchema>;

/** Why a project lets the release go, or that it holds it. */
export type ReleaseRule =
  /** The gate is not FROZEN (HEALTHY, AT_RISK or NO_DATA: feature work may start). */
  | 'not-frozen'
  /** FROZEN, but an admin's override lifts the freeze now. */
  | 'override'
  /** FROZEN, and every carried item of the project is exempt or not feature work. */
  | 'all-exempt'
  /** FROZEN, and an item is feature work that is not exempt, unknown, or none was named. */
  | 'frozen';

/** One carried item as the gate judges it (domain/gate/project-gate.ts checkWorkStart). */
export interface ReleaseItemView {
  readonly key: string;
  /** Ballast category (feature, debt, toil, reliability, unclassified). */
  readonly category: string;
  readonly allowed: boolean;
  /** checkWorkStart's rule: not-frozen, not-feature-work, exempt-priority, exempt-label, override, frozen. */
  readonly rule: string;
  readonly message: string;
}

export interface ReleaseOverrideView {
  /** The admin who recorded it, by name when Jira gives one, else the account id. */
  readonly by: string;
  readonly reason: string;
  /** ISO-8601: when it was recorded and when it ends. */
  readonly at: string;
  readonly until: string;
}

export interface ProjectReleaseView {
  readonly projectKey: string;
  readonly state: GateState;
  readonly allowed: boolean;
  readonly rule: ReleaseRule;
  /** The gate in words, as the planner and the issue panel show it (statementInForce). */
  readonly statement: GateStatement;
  /** The SLOs that froze the gate, with the policy's rule they met. */
  readonly frozenBy: readonly {
    readonly slo: string;
    readonly service: string;
    readonly message: string;
  }[];
  readonly override: ReleaseOverrideView | null;
  /** The carried items of this project, judged one by one. */
  readonly items: readonly ReleaseItemView[];
  /** What would let the release go, while it is held; null otherwise. */
  readonly wayOut: string | null;
}

export interface GateCheckResponse {
  readonly ok: true;
  /** Whether the release may go: every checked project allows it. */
  readonly allowed: boolean;
  readonly projects: readonly ProjectReleaseView[];
  /** Keys of a checked project that Jira does not have (a typo, a deleted item): never passed silently. */
  readonly unknownKeys: readonly string[];
  /** Keys of projects this check does not cover (another project, or text like UTF-8). */
  readonly otherKeys: readonly string[];
}
