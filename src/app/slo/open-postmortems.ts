/**
 * The postmortem rule (PRODUCT.md §4; "Example Error Budget Policy": a single incident that spends
 * more than 20% of the budget needs a postmortem): the hourly job finds such incidents in each SLO's
 * stored data and opens one postmortem issue per incident in the SLO's project, as the project's
 * postmortem convention says a postmortem is (its issue type and label; src/domain/postmortem), so
 * the Incidents page counts it and the Definition of Done check finds it. A marker per incident
 * (SLO + start) is claimed before the issue is created, so runs that overlap never open two; a
 * failed creation releases it.
 */
import { findPostmortemCandidates, sliSeriesFor, windowAt } from '../../domain/slo';
import type { DocumentStore } from '../../ports/document-store';
import type { JiraPort } from '../../ports/jira';
import type { KeyValueStore } from '../../ports/key-value-store';
import { loadSliColumns } from './roll-up-slo';
import { siteSlos } from './site-slos';

export const postmortemKey = (slo: string, start: string): string => `postmortem:${slo}:${start}`;

interface PostmortemMarker {
  readonly state: 'opening' | 'opened';
  readonly issueKey?: string;
  readonly budgetShare: number;
}

export interface OpenedPostmortem {
  readonly slo: string;
  readonly issueKey: string;
  readonly start: string;
  readonly end: string;
  readonly budgetShare: number;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export async function openPostmortems(
  deps: { jira: JiraPort; kv: KeyValueStore; store: DocumentStore },
  now: Date,
  /** Told of each postmortem once it is opened (the notices, src/app/notify); its failure is logged. */
  onOpened?: (projectKey: string, opened: OpenedPostmortem) => Promise<unknown>,
): Promise<OpenedPostmortem[]> {
  const opened: OpenedPostmortem[] = [];
  for (const { slo, projectKey, load } of await siteSlos(deps.store)) {
    const { spec, policy, postmortem } = await load();
    if (spec === undefined) continue;
    const threshold = policy.postmortemBudgetShare;
    const at = now.getTime();
    const intervals = await loadSliColumns(deps.kv, slo, windowAt(spec.window, at).start, at);
    const candidates = findPostmortemCandidates(spec, sliSeriesFor(spec, intervals), at, {
      threshold,
    });
    for (const candidate of candidates) {
      const key = postmortemKey(slo, candidate.start);
      const claimed = await deps.kv.setIfAbsent(key, {
        state: 'opening',
        budgetShare: candidate.budgetShare,
      } satisfies PostmortemMarker);
      if (!claimed) continue;
      try {
        const issue = await deps.jira.createIssue({
          projectKey,
          issueTypeName: postmortem.issueType,
          summary: `Postmortem: ${spec.displayName ?? slo} incident of ${candidate.start.slice(0, 16).replace('T', ' ')} UTC spent ${percent(candidate.budgetShare)} of the error budget`,
          description: [
            `Ballast opened this postmortem because one incident spent ${percent(candidate.budgetShare)} of the error budget of SLO ${slo} (service ${spec.service}, target ${(spec.target * 100).toFixed(2)}%), more than the ${percent(threshold)} the project's error-budget policy allows without one.`,
            `Incident: ${candidate.start} to ${candidate.end} (from the SLI data).`,
            `Link the actions that come out of the postmortem to this issue with a "${postmortem.actionLinkType}" link so Ballast tracks them to closure (give each a due date; without one an action is overdue after ${postmortem.actionSlaDays} days).`,
          ],
          labels: [...new Set([...(postmortem.label === null ? [] : [postmortem.label]), 'slo'])],
        });
        await deps.kv.set(key, {
          state: 'opened',
          issueKey: issue.key,
          budgetShare: candidate.budgetShare,
        } satisfies PostmortemMarker);
        opened.push({ slo, issueKey: issue.key, ...candidate });
      } catch (error: unknown) {
        await deps.kv.delete(key);
        throw error;
      }
      const last = opened[opened.length - 1]!;
      await onOpened?.(projectKey, last).catch((error: unknown) => {
        console.error(
          `Ballast opened ${last.issueKey} but could not raise its notice: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
    }
  }
  return opened;
}
