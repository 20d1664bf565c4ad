/**
 * The portfolio (global page and dashboard gadget): every project Ballast keeps figures for
 * (the projects whose page has been opened, which the hourly job recomputes) that the viewer may
 * browse, one row each from the stored snapshot and SLO statuses — no Jira search per project.
 *
 * Permissions: one `GET /rest/api/3/project/search?keys=…&action=browse` as the viewer per 50
 * projects. Jira answers only the projects the caller has *Browse projects* for (platform.v3.json
 * `searchProjects`, parameter `action`: "`browse` … the Browse projects project permission"), so
 * that one call is the permission check for up to 50 projects, and it names them. The bulk
 * permission API (`POST /rest/api/3/permissions/check`, `getBulkPermissions`) takes project *ids*
 * (BulkProjectPermissions.projects, int64), which Ballast does not store: it would need this search
 * first anyway, so it adds a call and no certainty.
 */
import type { PortfolioData, PortfolioRow } from '../../contract/portfolio';
import type { Clock } from '../../ports/clock';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort, JiraProjectSummary } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadProjectConfig } from '../project/project-config-repository';
import { gateSummaryOf } from '../metrics/serve-slos';
import { metaOf } from '../metrics/serve-project-page';
import {
  knownProjects,
  loadSnapshot,
  loadStatuses,
  type RefreshStatus,
} from '../metrics/snapshot-store';
import { loadPortfolioFigures } from './portfolio-figures-store';
import { figuresOf, portfolioRowOf, type PortfolioFigures } from './portfolio-row';
import { projectPageUrl, type AppEnvironment } from './project-page-url';

export interface PortfolioDeps {
  /** As the person asking: Jira decides which projects they may browse. */
  readonly jira: JiraPort;
  readonly kv: KeyValueStore;
  readonly store: DocumentStore;
  readonly clock: Clock;
}

/** Projects read at once: storage reads are independent, and a few at a time keep memory flat. */
const PARALLEL_PROJECTS = 10;

const GATE_ORDER = { FROZEN: 0, AT_RISK: 1, NO_DATA: 2, HEALTHY: 3 } as const;

async function rowFor(
  deps: PortfolioDeps,
  project: JiraProjectSummary,
  app: AppEnvironment | null,
  stored: { figures: PortfolioFigures | undefined; status: RefreshStatus },
): Promise<PortfolioRow> {
  const key = project.key;
  const { config } = await loadProjectConfig(deps.store, key);
  const [gate, figures] = await Promise.all([
    gateSummaryOf(deps, key, config),
    // Snapshots stored before the portfolio's record existed: their figures, from the snapshot.
    stored.figures ??
      loadSnapshot(deps.kv, key).then((s) => (s === undefined ? undefined : figuresOf(s))),
  ]);
  return portfolioRowOf({
    projectKey: key,
    projectName: project.name,
    projectPageUrl: projectPageUrl(project, app),
    gate,
    policy: config.capacity,
    figures,
    meta: metaOf(figures, stored.status, deps.clock.now().getTime()),
  });
}

export async function servePortfolio(
  deps: PortfolioDeps,
  app: AppEnvironment | null,
): Promise<PortfolioData> {
  const started = deps.clock.now().getTime();
  const keys = await knownProjects(deps.kv);
  const visible = keys.length === 0 ? [] : await deps.jira.browsableProjects(keys);
  // Jira may answer other projects than asked (a renamed key answers under its new one): keep
  // only the ones Ballast knows, so no figures of an unknown project are looked for.
  const known = new Set(keys);
  const allowed = visible.filter((p) => known.has(p.key));
  const allowedKeys = allowed.map((p) => p.key);
  const [figures, statuses] = await Promise.all([
    loadPortfolioFigures(deps.kv, allowedKeys),
    loadStatuses(deps.kv, allowedKeys),
  ]);
  const rows: PortfolioRow[] = [];
  for (let i = 0; i < allowed.length; i += PARALLEL_PROJECTS) {
    rows.push(
      ...(await Promise.all(
        allowed.slice(i, i + PARALLEL_PROJECTS).map((p) =>
          rowFor(deps, p, app, {
            figures: figures.get(p.key),
            status: statuses.get(p.key)!,
          }),
        ),
      )),
    );
  }
  rows.sort(
    (a, b) =>
      GATE_ORDER[a.gate.state] - GATE_ORDER[b.gate.state] ||
      a.projectKey.localeCompare(b.projectKey),
  );
  const now = deps.clock.now();
  return { rows, servedAt: now.toISOString(), serveMs: now.getTime() - started };
}
