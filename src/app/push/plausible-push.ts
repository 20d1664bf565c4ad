/**
 * Pushed times must be plausible (issue #19, item 5; src/domain/plausible-time.ts): refused with
 * the field named, before anything is stored. `now` is the web trigger's clock (ports/clock).
 */
import type { DeploymentPush, IncidentPush, SliBatch } from '../../contract/push-api';
import { timeProblem, type TimeProblem } from '../../domain/plausible-time';
import { AppError } from '../errors';

function refuse(problem: TimeProblem | null): void {
  if (problem !== null)
    throw new AppError('BAD_REQUEST', `${problem.message}.`, { field: problem.field });
}

export function requirePlausibleSliBatch(batch: SliBatch, now: Date): void {
  batch.points.forEach((point, i) => {
    // end > start is the schema's; each end within the future skew, each start within history.
    refuse(
      timeProblem(
        [
          { field: `points[${i}].start`, at: point.start },
          { field: `points[${i}].end`, at: point.end },
        ],
        [],
        now,
      ),
    );
  });
}

export function requirePlausibleDeployment(deployment: DeploymentPush, now: Date): void {
  refuse(
    timeProblem(
      [
        { field: 'startedAt', at: deployment.startedAt },
        { field: 'finishedAt', at: deployment.finishedAt },
      ],
      [['startedAt', 'finishedAt']],
      now,
    ),
  );
}

export function requirePlausibleIncident(incident: IncidentPush, now: Date): void {
  refuse(
    timeProblem(
      [
        { field: 'startedAt', at: incident.startedAt },
        { field: 'detectedAt', at: incident.detectedAt },
        { field: 'resolvedAt', at: incident.resolvedAt },
      ],
      [
        ['startedAt', 'detectedAt'],
        ['startedAt', 'resolvedAt'],
      ],
      now,
    ),
  );
}
