/**
 * Gives the project's Jira incidents a service (the `incidentServices` project setting), so change
 * failure rate can attribute them to that service's deployments. Jira has no "service" on an
 * issue; components are what a Jira project uses to name the parts of what it runs.
 */
import type { IncidentRecord } from '../../domain/metrics';
import type { JiraIssue } from '../../ports/jira';
import type { IncidentServiceMapping } from '../project/project-config';

export function withIncidentServices(
  incidents: readonly IncidentRecord[],
  issues: readonly JiraIssue[],
  mapping: IncidentServiceMapping,
): IncidentRecord[] {
  const components = new Map(
    issues.map((issue) => [issue.key, (issue.fields.components ?? []).map((c) => c.name)]),
  );
  return incidents.map((incident) => {
    if (incident.service !== null) return incident;
    const own = components.get(incident.key) ?? [];
    const rule = mapping.byComponent.find((entry) => own.includes(entry.component));
    return { ...incident, service: rule?.service ?? mapping.otherwise };
  });
}
