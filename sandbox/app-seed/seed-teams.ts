/**
 * The app's data for the demo's second and third teams (issue #23 item 3), seeded as SHOP's is:
 * the admin binds each team's board and imports its OpenSLO file (resolvers, in that project's
 * settings context), the connector pushes 35 days of SLI data and CI/CD one deployment a working
 * day (the signed web triggers). The caller rolls up and computes the pages for all projects.
 */
import { readFileSync } from 'node:fs';
import type { ForgeHost } from '../forge';
import { ADMIN_ACCOUNT_ID, STORY_POINTS_FIELD } from '../jira';
import { MAX_SLI_POINTS_PER_BATCH } from '../../src/contract/push-api';
import { EXTRA_TEAMS } from '../jira/seed/teams';
import { callSigned } from './signed-push';
import { TEAM_TRAFFIC, teamDeployments, teamSli } from './team-traffic';

const SPECS: Readonly<Record<string, URL>> = {
  PAY: new URL('./pay.openslo.yaml', import.meta.url),
  OPS: new URL('./ops.openslo.yaml', import.meta.url),
};

async function asAdmin<T>(
  host: ForgeHost,
  project: { key: string; id: string },
  functionKey: string,
  payload: unknown,
): Promise<T> {
  const answer = (await host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey,
    payload,
    accountId: ADMIN_ACCOUNT_ID,
    extension: { type: 'jira:projectSettingsPage', project },
  })) as { ok: boolean; data?: T; error?: { message: string } };
  if (!answer.ok)
    throw new Error(`App seed (${project.key}): ${functionKey} failed: ${answer.error?.message}`);
  return answer.data as T;
}

async function push(host: ForgeHost, moduleKey: string, secret: string, body: unknown) {
  const answer = await callSigned(host, moduleKey, JSON.stringify(body), secret);
  if (answer.statusCode !== 200)
    throw new Error(`App seed: ${moduleKey} answered ${answer.statusCode}: ${answer.body ?? ''}`);
}

/** Settings, SLOs, SLI data and deployments of PAY and OPS; returns what was pushed. */
export async function seedTeams(
  host: ForgeHost,
  secret: string,
  end: number,
): Promise<{ minutes: number; deployments: number; slos: number }> {
  let minutes = 0;
  let deployments = 0;
  for (const team of EXTRA_TEAMS) {
    const project = { key: team.key, id: team.placement.projectId };
    const traffic = TEAM_TRAFFIC.find((t) => t.projectKey === team.key);
    const spec = SPECS[team.key];
    if (traffic === undefined || spec === undefined)
      throw new Error(`App seed: no traffic or SLO file for ${team.key}`);
    const settings = await asAdmin<{ version: number; config: Record<string, unknown> }>(
      host,
      project,
      'settings/get',
      {},
    );
    await asAdmin(host, project, 'settings/save', {
      config: {
        ...settings.config,
        board: { boardId: team.placement.boardId, estimationFieldId: STORY_POINTS_FIELD },
      },
      version: settings.version,
    });
    const slos = await asAdmin<{ version: number }>(host, project, 'slo/list', {});
    await asAdmin(host, project, 'slo/import', {
      yaml: readFileSync(spec, 'utf8'),
      version: slos.version,
    });
    const points = teamSli(end, traffic);
    minutes += points.length;
    for (let i = 0; i < points.length; i += MAX_SLI_POINTS_PER_BATCH) {
      await push(host, 'ballast-sli-push', secret, {
        batchId: `demo-seed-${team.key}-${i / MAX_SLI_POINTS_PER_BATCH}`,
        points: points.slice(i, i + MAX_SLI_POINTS_PER_BATCH).map((p) => ({
          ...p,
          start: new Date(p.start).toISOString(),
          end: new Date(p.end).toISOString(),
        })),
      });
    }
    for (const deployment of teamDeployments(end, traffic)) {
      await push(host, 'ballast-deployment-push', secret, deployment);
      deployments += 1;
    }
  }
  return { minutes, deployments, slos: EXTRA_TEAMS.length };
}

/** Someone of each team opens its Ballast page, which makes the project a known one. */
export async function openTeamPages(host: ForgeHost): Promise<void> {
  for (const team of EXTRA_TEAMS) {
    const project = { key: team.key, id: team.placement.projectId };
    await host.invokeResolver({
      moduleKey: 'ballast-project-page',
      functionKey: 'project/overview',
      payload: {},
      accountId: ADMIN_ACCOUNT_ID,
      extension: { type: 'jira:projectPage', project },
    });
  }
}

export const TEAM_KEYS = EXTRA_TEAMS.map((t) => t.key);
