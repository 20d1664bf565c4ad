/**
 * The resolver contract shared by the backend (src/entry/resolvers) and the Custom UI (static/):
 * each key with its request payload and response data. Keys are namespaced `area/verb`.
 */
import type { WorkType } from '../domain/work/work-type';
import type {
  IssueGetRequest,
  IssueView,
  SetWorkTypeRequest,
  TickDodItemRequest,
} from './issue-panel';
import type { ProjectPageContract } from './project-page';
import type {
  SaveSettingsRequest,
  SettingsView,
  TestRulesRequest,
  TestRulesView,
} from './settings';
import type { AuditPage, PlannerContract } from './planner';
import type { SloContract } from './slo';
import type { GateContract } from './gate';
import type { ProjectDataContract } from './project-data';
import type { NotifyContract } from './notify';
import type { PortfolioContract } from './portfolio';

export interface AboutResponse {
  readonly app: 'Ballast';
  readonly version: string;
  readonly workTypes: readonly WorkType[];
}

/** A page of the override audit log for the settings page, with the people's names. */
export interface AuditLogView extends AuditPage {
  /** Account id → display name from Jira; an id missing here (unknown to Jira) is shown as the id. */
  readonly names: Readonly<Record<string, string>>;
}

export interface ResolverContract
  extends
    PlannerContract,
    ProjectPageContract,
    SloContract,
    GateContract,
    ProjectDataContract,
    NotifyContract,
    PortfolioContract {
  'meta/about': { request: Record<string, never>; response: AboutResponse };
  'issue/get': { request: IssueGetRequest; response: IssueView };
  'issue/setWorkType': { request: SetWorkTypeRequest; response: IssueView };
  'issue/tickDodItem': { request: TickDodItemRequest; response: IssueView };
  'settings/get': { request: Record<string, never>; response: SettingsView };
  'settings/save': { request: SaveSettingsRequest; response: SettingsView };
  'settings/testRules': { request: TestRulesRequest; response: TestRulesView };
  'settings/auditLog': { request: { cursor?: number }; response: AuditLogView };
}

export type ResolverKey = keyof ResolverContract;
export type RequestOf<K extends ResolverKey> = ResolverContract[K]['request'];
export type ResponseOf<K extends ResolverKey> = ResolverContract[K]['response'];
