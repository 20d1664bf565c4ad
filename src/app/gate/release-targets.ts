/**
 * Which projects' gates a release check asks: the projects named, or the projects owning an SLO
 * of the services named (the SLO directory maps each SLO to its project; an SLO's service is in
 * its OpenSLO spec). A name Ballast does not know is refused naming it, never read as "no gate".
 */
import type { DocumentStore } from '../../ports/document-store';
import { AppError } from '../errors';
import { loadProjectConfig } from '../project/project-config-repository';
import { loadProjectSlos, loadSloDirectory } from '../slo/slo-catalog';

/** The services each project's SLOs are about (spec `service` and OpenSLO Service documents). */
export async function servicesByProject(
  store: DocumentStore,
  projectKeys: readonly string[],
): Promise<Map<string, Set<string>>> {
  const loaded = await Promise.all(projectKeys.map((key) => loadProjectSlos(store, key)));
  return new Map(
    projectKeys.map((key, i) => {
      const bundle = loaded[i]!.slos.bundle;
      return [
        key,
        new Set([...bundle.slos.map((s) => s.service), ...bundle.services.map((s) => s.name)]),
      ];
    }),
  );
}

const listed = (names: readonly string[]): string =>
  names.length === 0 ? 'none yet' : names.slice(0, 20).join(', ');

/** The checked projects, in the order asked (named projects first, then the services' owners). */
export async function releaseTargets(
  store: DocumentStore,
  request: { projects: readonly string[]; services: readonly string[] },
): Promise<string[]> {
  const directory = (await loadSloDirectory(store)).entries;
  const owners = [...new Set(directory.values())].sort();
  const targets: string[] = [];
  for (const [i, projectKey] of request.projects.entries()) {
    const owns = owners.includes(projectKey);
    // A project may gate on SLOs it links from other projects (its `sloIds`) without owning one.
    const links = owns || (await loadProjectConfig(store, projectKey)).config.sloIds.length > 0;
    if (!links)
      throw new AppError(
        'NOT_FOUND',
        `Ballast has no SLOs for project ${projectKey}, so it has no error-budget gate to check: check the project key (projects with SLOs: ${listed(owners)}).`,
        { field: `projects[${i}]` },
      );
    if (!targets.includes(projectKey)) targets.push(projectKey);
  }
  if (request.services.length === 0) return targets;
  const services = await servicesByProject(store, owners);
  for (const [i, service] of request.services.entries()) {
    const of = owners.filter((key) => services.get(key)?.has(service));
    if (of.length === 0) {
      const known = [...new Set([...services.values()].flatMap((set) => [...set]))].sort();
      throw new AppError(
        'NOT_FOUND',
        `No SLO of this site is about the service "${service}", so no gate covers it: check the service name (services with SLOs: ${listed(known)}).`,
        { field: `services[${i}]` },
      );
    }
    for (const key of of) if (!targets.includes(key)) targets.push(key);
  }
  return targets;
}

/**
 * The projects a pushed deployment belongs to, as the delivery metrics count it
 * (push-log.ts projectDeployments): those owning an SLO of its service, and those whose key
 * prefixes one of its issue keys — among the projects that have SLOs (and so a gate).
 */
export async function deploymentProjects(
  store: DocumentStore,
  deployment: { service: string; issueKeys: readonly string[] },
): Promise<string[]> {
  const owners = [...new Set((await loadSloDirectory(store)).entries.values())].sort();
  const services = await servicesByProject(store, owners);
  return owners.filter(
    (key) =>
      services.get(key)?.has(deployment.service) === true ||
      deployment.issueKeys.some((issue) => issue.startsWith(`${key}-`)),
  );
}
