/**
 * What let a release through while the gate was FROZEN (issue #22), in the same words on the
 * Delivery page and in the audit log: the override (who, until when, why), the exempt items, or
 * that nothing did. The figures and verdicts are the backend's (app/delivery/freeze-release.ts).
 */
import type { FreezeRelease, ReleasedDeployment } from '../../src/contract/planner';
import { formatWhen, formatWho } from './format';
import { IssueLink } from './IssueLink';

/** How a deployment ended, in words. */
export const DEPLOYMENT_STATUS_WORDS: Readonly<Record<ReleasedDeployment['status'], string>> = {
  success: 'succeeded',
  failed: 'failed',
  rolled_back: 'rolled back',
};

/** Names of the people the releases name, by account id (looked up in Jira when shown). */
export type PeopleNames = Readonly<Record<string, string>>;

/** One line: how the release went through the freeze. */
export function allowedByWords(release: FreezeRelease, people: PeopleNames = {}): string {
  if (release.allowedBy === 'override' && release.override)
    return `Allowed by the freeze override of ${formatWho(release.override.accountId, undefined, people)} (until ${formatWhen(release.override.until)}): “${release.override.reason}”`;
  if (release.allowedBy === 'exempt')
    return 'Allowed: every item it carried was exempt or not feature work.';
  return 'No override or exemption allowed it: it was released while the gate held feature work.';
}

export function FreezeReleaseText({
  release,
  people = {},
}: {
  release: FreezeRelease;
  people?: PeopleNames;
}) {
  return (
    <>
      <p className={release.allowedBy === null ? 'freeze-release-unallowed' : undefined}>
        {allowedByWords(release, people)}
      </p>
      {release.frozenBy.length > 0 && (
        <p className="subtle">Frozen by {release.frozenBy.join(', ')}.</p>
      )}
      {release.items.length > 0 && (
        <ul className="subtle audit-violations">
          {release.items.map((item) => (
            <li key={item.key}>
              <IssueLink issueKey={item.key} /> {item.allowed ? 'allowed' : 'held'}: {item.message}
            </li>
          ))}
        </ul>
      )}
      {release.note && <p className="subtle">{release.note}</p>}
    </>
  );
}
