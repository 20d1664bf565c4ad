/**
 * The DORA four keys and mean time between releases over the period, with the bands of the
 * one benchmark table Ballast uses (DORA 2023 as Apache DevLake applies it; src/domain/metrics/
 * dora-bands.ts), and the trend below. Every value is the backend's.
 */
import type { DeliveryData } from '../../../src/contract/project-page';
import { DoraTrendTable } from './DoraTrendTable';
import { exactPercent, shortDate } from './format';
import { EmptyNote, FigureTile, Section } from './parts';

export function DoraKeys({ delivery }: { delivery: DeliveryData['delivery'] }) {
  const { deployments } = delivery;
  const failures = deployments.failed + deployments.rolledBack;
  const cfr = delivery.changeFailureRate;
  return (
    <>
      <Section title="DORA four keys">
        {!delivery.hasDeploymentData ? (
          <EmptyNote>
            No deployment data yet — connect your CI/CD to Ballast’s deployment push API (see
            Project settings → Ballast). Deployment frequency and change failure rate need it; lead
            time is measured from Jira until then.
          </EmptyNote>
        ) : (
          <p className="subtle">
            {deployments.total} production deployments from {shortDate(delivery.period.from)} to{' '}
            {shortDate(delivery.period.to)}: {deployments.failed} failed, {deployments.rolledBack}{' '}
            rolled back. Bands: DORA 2023 benchmarks as Apache DevLake applies them.
          </p>
        )}
        <div className="tiles">
          <FigureTile
            label="Deployment frequency"
            figure={delivery.deploymentFrequency}
            band={delivery.deploymentFrequency.band}
          >
            <p className="subtlest">
              Median deployment days a week over {delivery.deploymentFrequency.sampleSize} complete
              weeks
            </p>
          </FigureTile>
          <FigureTile
            label="Lead time for changes"
            figure={delivery.leadTime}
            band={delivery.leadTime.band}
          >
            <p className="subtlest">
              {delivery.leadTime.note ??
                `Median first work → production over ${delivery.leadTime.sampleSize} issues`}
            </p>
          </FigureTile>
          <FigureTile label="Change failure rate" figure={cfr} band={cfr.band}>
            {cfr.value === null ? null : (
              <p className="subtlest">
                {exactPercent(cfr.value)} of {cfr.sampleSize}: {failures} failed or rolled back,{' '}
                {deployments.causedIncidents ?? 0} caused an incident
                {deployments.unattributedIncidents
                  ? ` (${deployments.unattributedIncidents} incidents matched no deployment)`
                  : ''}
              </p>
            )}
          </FigureTile>
          <FigureTile
            label="Time to restore"
            figure={delivery.timeToRestore}
            band={delivery.timeToRestore.band}
          >
            <p className="subtlest">
              Median over {delivery.timeToRestore.sampleSize} resolved incidents
            </p>
          </FigureTile>
          <FigureTile label="Mean time between releases" figure={delivery.meanTimeBetweenReleases}>
            <p className="subtlest">
              Over {delivery.meanTimeBetweenReleases.sampleSize} releases (no DORA band)
            </p>
          </FigureTile>
        </div>
      </Section>
      <Section title={delivery.trendBy === 'sprint' ? 'DORA per sprint' : 'DORA per 4 weeks'}>
        <DoraTrendTable delivery={delivery} />
      </Section>
    </>
  );
}
