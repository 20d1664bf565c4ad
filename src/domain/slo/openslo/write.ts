/**
 * Writes Ballast's SLOs back as OpenSLO v1 YAML: Service documents, the kept DataSource and Alert*
 * documents as read, SLI documents, then SLOs (inline indicator, or `indicatorRef` when the SLO was
 * read with one), with their labels and annotations. parseOpenSlo(writeOpenSlo(b)) gives b back
 * (test/domain property test `openslo-round-trip`).
 */
import { Scalar, stringify } from 'yaml';
import {
  isThresholdIndicator,
  type MetricSource,
  type OpenSloMetadata,
  type ServiceSpec,
  type SloIndicator,
  type SloSpec,
  type SloWindow,
} from '../spec';
import type { OpenSloBundle } from './parse';
import { ALERT_TABLE_ANNOTATION } from './read-alerting';
import { toPercent } from './read-objective';

const API = 'openslo/v1';

export function writeOpenSlo(bundle: OpenSloBundle): string {
  const docs: unknown[] = [
    ...bundle.services.map(serviceDoc),
    ...(bundle.others ?? []).map((kept) => kept.document),
    ...bundle.indicators.map((sli) => ({ apiVersion: API, kind: 'SLI', ...indicatorBody(sli) })),
    ...bundle.slos.map(sloDoc),
  ];
  return docs.map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
}

function serviceDoc(service: ServiceSpec): unknown {
  return {
    apiVersion: API,
    kind: 'Service',
    metadata: metadataDoc(service.name, service.displayName, service),
    spec: { ...opt('description', service.description) },
  };
}

function indicatorBody(sli: SloIndicator): Record<string, unknown> {
  const metadata = metadataDoc(sli.name, sli.displayName, sli);
  if (isThresholdIndicator(sli))
    return {
      metadata,
      spec: {
        ...opt('description', sli.description),
        thresholdMetric: { metricSource: source(sli.source) },
      },
    };
  return {
    metadata,
    spec: {
      ...opt('description', sli.description),
      ratioMetric: {
        counter: sli.counter,
        [sli.counts]: { metricSource: source(sli.numerator) },
        total: { metricSource: source(sli.total) },
      },
    },
  };
}

function source(s: MetricSource): unknown {
  return { ...opt('metricSourceRef', s.metricSourceRef), ...opt('type', s.type), spec: s.spec };
}

function windowDoc(window: SloWindow): unknown {
  if (window.kind === 'rolling') return { duration: `${window.days}d`, isRolling: true };
  return {
    duration: window.unit === 'month' ? '1M' : '1Q',
    isRolling: false,
    calendar: { startTime: quoted(window.startTime), timeZone: window.timeZone },
  };
}

function sloDoc(slo: SloSpec): unknown {
  const objective = {
    ...opt('displayName', slo.objectiveDisplayName),
    ...opt('op', slo.objectiveOp),
    ...(slo.objectiveValue === undefined ? {} : { value: slo.objectiveValue }),
    ...(slo.targetAsPercent ? { targetPercent: toPercent(slo.target) } : { target: slo.target }),
    ...(slo.budgeting.method === 'Timeslices'
      ? { timeSliceTarget: slo.budgeting.sliceTarget, timeSliceWindow: '1m' }
      : {}),
  };
  return {
    apiVersion: API,
    kind: 'SLO',
    metadata: metadataDoc(slo.name, slo.displayName, {
      ...slo,
      ...(slo.alertTable
        ? { annotations: { ...slo.annotations, [ALERT_TABLE_ANNOTATION]: slo.alertTable } }
        : {}),
    }),
    spec: {
      ...opt('description', slo.description),
      service: slo.service,
      ...(slo.indicatorRef
        ? { indicatorRef: slo.indicatorRef }
        : { indicator: indicatorBody(slo.indicator) }),
      timeWindow: [windowDoc(slo.window)],
      budgetingMethod: slo.budgeting.method,
      objectives: [objective],
      ...(slo.alertPolicies ? { alertPolicies: slo.alertPolicies } : {}),
    },
  };
}

function metadataDoc(
  name: string,
  displayName: string | undefined,
  meta: OpenSloMetadata,
): unknown {
  return {
    name,
    ...opt('displayName', displayName),
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** Quoted, so YAML 1.1 readers do not take `2026-01-01 00:00:00` for a timestamp. */
function quoted(text: string): Scalar {
  const scalar = new Scalar(text);
  scalar.type = Scalar.QUOTE_DOUBLE;
  return scalar;
}
