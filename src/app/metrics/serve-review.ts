/**
 * The sprint review's resolvers (issue #23): one closed sprint picked from the stored snapshot, as
 * the page shows it and as CSV. No Jira read but the person's browse permission (serveSection).
 */
import type { MetricsSnapshot } from '../../contract/project-page';
import type { ReviewCsv, ReviewData, ReviewRequest } from '../../contract/sprint-review';
import { AppError } from '../errors';
import { capacitySharesOf } from './capacity-shares';
import { reviewCsv } from './review-csv';
import { serveSection, type ServeDeps } from './serve-project-page';

/** A sprint id as Jira's Agile API gives it: a positive whole number (read as a string). */
const SPRINT_ID = /^[1-9]\d{0,17}$/;

export function parseReviewRequest(payload: unknown): ReviewRequest {
  if (payload === undefined || payload === null) return {};
  if (typeof payload !== 'object' || Array.isArray(payload)) {
    throw new AppError(
      'BAD_REQUEST',
      'The review request must be an object like { "sprintId": "12" }.',
    );
  }
  const sprintId = (payload as { sprintId?: unknown }).sprintId;
  if (sprintId === undefined) return {};
  if (typeof sprintId !== 'string' || !SPRINT_ID.test(sprintId)) {
    throw new AppError(
      'BAD_REQUEST',
      `"sprintId" must be a sprint's id as a string of digits (got ${JSON.stringify(sprintId)?.slice(0, 40) ?? 'nothing'}).`,
      { field: 'sprintId' },
    );
  }
  return { sprintId };
}

export function reviewOf(snapshot: MetricsSnapshot, request: ReviewRequest): ReviewData {
  const closed = snapshot.sprints.filter((row) => row.state === 'closed');
  const sprint =
    request.sprintId === undefined
      ? (closed.at(-1) ?? null)
      : (closed.find((row) => row.sprintId === request.sprintId) ?? null);
  if (request.sprintId !== undefined && sprint === null) {
    throw new AppError(
      'NOT_FOUND',
      `Sprint ${request.sprintId} is not one of the ${closed.length} closed sprints Ballast reviews for ${snapshot.projectKey} (the last ${closed.length} closed on its board): pick one from the list.`,
      { field: 'sprintId' },
    );
  }
  return {
    projectKey: snapshot.projectKey,
    unit: snapshot.unit,
    predictabilityBaseline: snapshot.predictabilityBaseline,
    sprintsReason: snapshot.sprintsReason,
    closedSprints: [...closed].reverse().map(({ sprintId, name }) => ({ sprintId, name })),
    sprint,
    // The Capacity page's and the planner's share per category (capacity-shares.ts).
    shares: sprint === null ? null : (capacitySharesOf([sprint])[0] ?? null),
    review:
      sprint === null
        ? null
        : (snapshot.reviews?.find((review) => review.sprintId === sprint.sprintId) ?? null),
    retroActions: snapshot.retroActions ?? null,
  };
}

export function serveReview(deps: ServeDeps, projectKey: string, payload: unknown) {
  const request = parseReviewRequest(payload);
  return serveSection(deps, projectKey, (snapshot) => reviewOf(snapshot, request));
}

export function serveReviewCsv(deps: ServeDeps, projectKey: string, payload: unknown) {
  const request = parseReviewRequest(payload);
  return serveSection(deps, projectKey, (snapshot): ReviewCsv =>
    reviewCsv(reviewOf(snapshot, request)),
  );
}
