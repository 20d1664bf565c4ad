/**
 * fast-check generators of OpenSLO v1 files across everything Ballast accepts (src/cli/README.md,
 * "OpenSLO support"): the list form and `---` documents, Services, SLIs, SLOs, kept DataSource and
 * AlertPolicy documents, labels and annotations, metric sources with `type` and/or
 * `metricSourceRef`, good/bad, counters, every window form, both budgeting methods, `target` or
 * `targetPercent`, `op`/`value`, alert policies and the alert-table annotation, ratio and threshold
 * (inline) SLIs.
 */
import { LIMITS } from '../../../limits';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { fromPercent } from '../read-objective';

const API = 'openslo/v1';
type Doc = Record<string, unknown>;

const label = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
const text = fc.string({ unit: 'grapheme', maxLength: 40 });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Drops undefined fields, as a writer of YAML would. */
const defined = (doc: Doc): Doc =>
  Object.fromEntries(Object.entries(doc).filter(([, v]) => v !== undefined));

const labelKey = fc.stringMatching(/^[a-zA-Z0-9]([-_.a-zA-Z0-9]{0,8}[a-zA-Z0-9])?$/);
const annotationKey = fc
  .tuple(optional(fc.stringMatching(/^[a-z0-9]{1,6}(\.[a-z0-9]{1,6}){0,2}$/)), labelKey)
  .map(([prefix, name]) => (prefix === undefined ? name : `${prefix}/${name}`));

const metadata = (name: string, alertTable?: string) =>
  fc
    .record({
      displayName: optional(text),
      labels: optional(
        fc.dictionary(labelKey, fc.oneof(text, fc.array(text, { maxLength: 3 })), { maxKeys: 3 }),
      ),
      annotations: optional(fc.dictionary(annotationKey, text, { maxKeys: 3 })),
    })
    .map((m) =>
      defined({
        name,
        ...m,
        annotations:
          alertTable === undefined
            ? m.annotations
            : { ...m.annotations, 'ballast/alert-table': alertTable },
      }),
    );

const source = fc
  .record({
    type: optional(fc.constantFrom('Prometheus', 'Datadog', 'CloudWatch')),
    metricSourceRef: optional(label),
    query: text,
    extra: fc.dictionary(
      fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9_]{0,8}$/),
      fc.oneof(text, fc.integer(), fc.boolean()),
      { maxKeys: 2 },
    ),
  })
  .map(({ type, metricSourceRef, query, extra }) => ({
    metricSource: defined({
      metricSourceRef,
      // `type` may be left out only with a metricSourceRef (README "SLI").
      type: type ?? (metricSourceRef === undefined ? 'Prometheus' : undefined),
      spec: { ...extra, query },
    }),
  }));

const indicator = (name: string) =>
  fc
    .record({
      metadata: metadata(name),
      description: optional(fc.string({ unit: 'grapheme', maxLength: 1050 })),
      counter: optional(fc.boolean()),
      counts: fc.constantFrom('good', 'bad'),
      numerator: source,
      total: source,
    })
    .map((s) => ({
      metadata: s.metadata,
      spec: defined({
        description: s.description,
        ratioMetric: defined({ counter: s.counter, [s.counts]: s.numerator, total: s.total }),
      }),
    }));

/** A thresholdMetric SLI (README "SLI"): one metric source. */
const thresholdIndicator = (name: string) =>
  fc
    .record({
      metadata: metadata(name),
      description: optional(fc.string({ unit: 'grapheme', maxLength: 1050 })),
      source,
    })
    .map((s) => ({
      metadata: s.metadata,
      spec: defined({ description: s.description, thresholdMetric: s.source }),
    }));

const window = fc.oneof(
  fc.constant(undefined),
  fc
    .record({
      duration: fc.oneof(
        // Valid files only: rolling windows up to the stated limit (src/domain/limits.ts).
        fc.integer({ min: 1, max: LIMITS.rollingWindowDays.limit }).map((d) => `${d}d`),
        fc.integer({ min: 1, max: 52 }).map((w) => `${w}w`),
      ),
      isRolling: optional(fc.constant(true)),
    })
    .map((w) => [defined(w)]),
  fc
    .record({
      quarter: fc.boolean(),
      year: fc.integer({ min: 1990, max: 2100 }),
      period: fc.integer({ min: 0, max: 11 }),
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
      isRolling: optional(fc.constant(false)),
    })
    .map(({ quarter, year, period, timeZone, isRolling }) => {
      const month = quarter ? (period % 4) * 3 + 1 : period + 1;
      const startTime = `${year}-${String(month).padStart(2, '0')}-01 00:00:00`;
      return [
        defined({ duration: quarter ? '1Q' : '1M', isRolling, calendar: { startTime, timeZone } }),
      ];
    }),
);

const nonNegativeZero = (v: number) => !Object.is(v, -0);
/** With a threshold SLI, `op` and `value` are required. */
const objective = (method: string, threshold: boolean) =>
  fc
    .record({
      displayName: optional(text),
      op: optional(fc.constantFrom('lte', 'gte', 'lt', 'gt')),
      value: optional(fc.double({ noNaN: true, noDefaultInfinity: true }).filter(nonNegativeZero)),
      target: fc.oneof(
        fc
          .double({ min: 0, max: 1, maxExcluded: true, noNaN: true })
          .filter(nonNegativeZero)
          .map((target) => ({ target })),
        fc
          .double({ min: 0, max: 100, maxExcluded: true, noNaN: true })
          .filter(nonNegativeZero)
          // Above 99.99999999999995 Ballast's 15 significant digits make 100%, which it refuses.
          .filter((p) => fromPercent(p) < 1)
          .map((targetPercent) => ({ targetPercent })),
      ),
      sliceTarget: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
      sliceWindow: fc.constantFrom('1m', 1),
    })
    .map(({ target, sliceTarget, sliceWindow, op, value, ...rest }) =>
      defined({
        ...rest,
        op: threshold ? (op ?? 'lt') : op,
        value: threshold ? (value ?? 0.3) : value,
        ...target,
        ...(method === 'Timeslices'
          ? { timeSliceTarget: sliceTarget, timeSliceWindow: sliceWindow }
          : {}),
      }),
    );

const alertPolicy = fc.oneof(
  label.map((name) => ({ alertPolicyRef: name })),
  label.map((name) => ({
    kind: 'AlertPolicy',
    metadata: { name },
    spec: { alertWhenBreaching: true, conditions: [{ conditionRef: name }] },
  })),
);

const slo = (name: string, sliNames: readonly string[]) =>
  fc
    .record({
      alertTable: optional(fc.constantFrom('sloth', 'workbook')),
      description: optional(fc.string({ unit: 'grapheme', maxLength: 1050 })),
      service: label,
      ref: sliNames.length === 0 ? fc.constant(undefined) : optional(fc.constantFrom(...sliNames)),
      inline: fc.oneof(
        indicator(`${name}-sli`).map((sli) => ({ sli, threshold: false })),
        thresholdIndicator(`${name}-sli`).map((sli) => ({ sli, threshold: true })),
      ),
      timeWindow: window,
      method: fc.constantFrom('Occurrences', 'Timeslices'),
      alertPolicies: optional(fc.array(alertPolicy, { maxLength: 2 })),
    })
    .chain((s) =>
      fc
        .tuple(
          metadata(name, s.alertTable),
          objective(s.method, s.ref === undefined && s.inline.threshold),
        )
        .map(([meta, obj]) => ({
          apiVersion: API,
          kind: 'SLO',
          metadata: meta,
          spec: defined({
            description: s.description,
            service: s.service,
            ...(s.ref === undefined ? { indicator: s.inline.sli } : { indicatorRef: s.ref }),
            timeWindow: s.timeWindow,
            budgetingMethod: s.method,
            objectives: [obj],
            alertPolicies: s.alertPolicies,
          }),
        })),
    );

const service = (name: string) =>
  fc
    .record({
      metadata: metadata(name),
      description: optional(fc.string({ unit: 'grapheme', maxLength: 1050 })),
    })
    .map((s) => ({
      apiVersion: API,
      kind: 'Service',
      metadata: s.metadata,
      spec: defined({ description: s.description }),
    }));

const dataSource = (name: string) =>
  metadata(name).map((meta) => ({
    apiVersion: API,
    kind: 'DataSource',
    metadata: meta,
    spec: { type: 'Prometheus', connectionDetails: { url: 'http://prometheus:9090' } },
  }));

const names = (prefix: string, max: number) =>
  fc
    .uniqueArray(label, { maxLength: max })
    .map((list) => list.map((n) => `${prefix}${n}`.slice(0, 63).replace(/-$/, 'x')));

/** The documents of one valid file, in a shuffled order. */
export const openSloDocuments: fc.Arbitrary<Doc[]> = fc
  .record({
    services: names('svc-', 2),
    slis: names('sli-', 3),
    slos: names('slo-', 3),
    sources: names('ds-', 2),
  })
  .chain(({ services, slis, slos, sources }) =>
    fc.tuple(
      fc.tuple(...services.map(service)),
      fc.tuple(
        ...slis.map((n) => indicator(n).map((sli) => ({ apiVersion: API, kind: 'SLI', ...sli }))),
      ),
      fc.tuple(...slos.map((n) => slo(n, slis))),
      fc.tuple(...sources.map(dataSource)),
    ),
  )
  .map((groups) => groups.flat() as Doc[])
  .filter((docs) => docs.length > 0)
  .chain((docs) => fc.shuffledSubarray(docs, { minLength: docs.length, maxLength: docs.length }));

/** A file of those documents: `---` documents, the list form, or list-form chunks between `---`. */
export const openSloFile: fc.Arbitrary<string> = fc
  .tuple(openSloDocuments, fc.constantFrom('documents', 'list', 'mixed'))
  .map(([docs, form]) => {
    const write = (value: unknown) => stringify(value, { lineWidth: 0 });
    if (form === 'documents') return docs.map(write).join('---\n');
    if (form === 'list') return write(docs);
    const half = Math.ceil(docs.length / 2);
    return [write(docs.slice(0, half)), ...docs.slice(half).map(write)].join('---\n');
  });
