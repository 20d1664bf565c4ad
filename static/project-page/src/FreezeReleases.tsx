/**
 * Delivery: the deployments recorded while the project's gate was FROZEN (issue #22), newest
 * first, each with what let it through — an override, exempt items, or nothing. The verdicts are
 * the backend's (app/delivery/freeze-release.ts); the audit log shows the same words.
 */
import type { FreezeReleaseView } from '../../../src/contract/project-page';
import { formatWhen } from '../../shared/format';
import { DEPLOYMENT_STATUS_WORDS, FreezeReleaseText } from '../../shared/FreezeReleaseText';
import { GateLozenge } from '../../shared/GateLozenge';
import { IssueLink } from '../../shared/IssueLink';
import { Section } from './parts';

export function FreezeReleases({
  releases,
  people,
}: {
  releases: readonly FreezeReleaseView[];
  people: Readonly<Record<string, string>>;
}) {
  return (
    <Section title="Releases during a freeze">
      {releases.length === 0 ? (
        <p className="subtle">
          No deployment of the period was recorded while the gate was frozen.
        </p>
      ) : (
        <table
          className="table freeze-releases"
          aria-label="Deployments recorded while the gate was frozen"
        >
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col">Deployment</th>
              <th scope="col">Items</th>
              <th scope="col">What let it through</th>
            </tr>
          </thead>
          <tbody>
            {releases.map((r) => (
              <tr key={r.deployment.id} data-allowed-by={r.allowedBy ?? 'none'}>
                <td>
                  {formatWhen(r.deployment.finishedAt)} <GateLozenge state="FROZEN" />
                </td>
                <td>
                  <strong>{r.deployment.service}</strong> to {r.deployment.environment},{' '}
                  {DEPLOYMENT_STATUS_WORDS[r.deployment.status]}
                  <div className="subtlest">{r.deployment.id}</div>
                </td>
                <td>
                  {r.deployment.issueKeys.length === 0
                    ? 'none named'
                    : r.deployment.issueKeys.map((key, i) => (
                        <span key={key}>
                          {i > 0 && ', '}
                          <IssueLink issueKey={key} />
                        </span>
                      ))}
                </td>
                <td>
                  <FreezeReleaseText release={r} people={people} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}
