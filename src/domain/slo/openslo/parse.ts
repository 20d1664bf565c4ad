/**
 * Reads an OpenSLO v1 file (`apiVersion: openslo/v1`) into Ballast's types. Documents come one per
 * YAML document (`---`), or as one YAML list of documents — the list form OpenSLO's go-sdk, the
 * `oslo` CLI and nobl9's converters write — or both. Kinds SLO, SLI and Service are read; DataSource
 * and the Alert* kinds are checked and kept as written. Every problem is reported with its document
 * (numbered in file order, list items included), field path, what the spec allows, and line;
 * nothing is silently dropped.
 */
import {
  LineCounter,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Scalar,
} from 'yaml';
import { jsonDepth } from '../../json-shape-limits';
import { LIMITS, figure } from '../../limits';
import {
  isThresholdIndicator,
  type KeptDocument,
  type MetricSource,
  type ServiceSpec,
  type SloIndicator,
  type SloSpec,
} from '../spec';
import {
  DNS_LABEL,
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalDescription,
  type FieldPath,
  type OpenSloIssue,
  type ReadContext,
} from './context';
import { readIndicator } from './read-indicator';
import { KEPT_KINDS, dataSourceTypes, readKept } from './read-kept';
import { keptMetadata, readMetadata } from './read-metadata';
import { readSlo, type SloDraft } from './read-slo';

export interface OpenSloBundle {
  readonly services: readonly ServiceSpec[];
  /** `kind: SLI` documents, in file order. */
  readonly indicators: readonly SloIndicator[];
  readonly slos: readonly SloSpec[];
  /** DataSource and Alert* documents, as written (absent in bundles stored before they were kept). */
  readonly others?: readonly KeptDocument[];
}

export type OpenSloResult =
  | { readonly ok: true; readonly bundle: OpenSloBundle }
  | { readonly ok: false; readonly issues: readonly OpenSloIssue[] };

const KINDS = ['SLO', 'SLI', 'Service', ...KEPT_KINDS];

interface Reading {
  readonly issues: OpenSloIssue[];
  readonly services: ServiceSpec[];
  readonly indicators: SloIndicator[];
  readonly drafts: { draft: SloDraft; ctx: ReadContext }[];
  readonly others: KeptDocument[];
  /** SLI documents whose name was read but whose body had problems (already reported). */
  readonly brokenIndicators: Set<string>;
}

const TOO_DEEP = `the YAML nests deeper than the ${figure('openSloDepth')} allowed`;
const TOO_MANY_ALIASES = `the YAML's aliases (*name) expand beyond ${figure('openSloAliases')}, the most allowed (a guard against alias bombs); write the values out instead`;

/**
 * The document as plain values, or why not: aliases are expanded at most LIMITS.openSloAliases
 * times (the yaml library's maxAliasCount throws a ReferenceError past it), and the value nests at
 * most LIMITS.openSloDepth levels (kept documents are stored as written).
 */
function documentValue(
  doc: Document,
):
  { readonly ok: true; readonly root: unknown } | { readonly ok: false; readonly problem: string } {
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: LIMITS.openSloAliases.limit });
  } catch (error: unknown) {
    if (error instanceof ReferenceError) return { ok: false, problem: TOO_MANY_ALIASES };
    if (error instanceof RangeError) return { ok: false, problem: TOO_DEEP };
    throw error;
  }
  return jsonDepth(root, LIMITS.openSloDepth.limit) > LIMITS.openSloDepth.limit
    ? { ok: false, problem: TOO_DEEP }
    : { ok: true, root };
}

export function parseOpenSlo(text: string): OpenSloResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const r: Reading = {
    issues: [],
    services: [],
    indicators: [],
    drafts: [],
    others: [],
    brokenIndicators: new Set(),
  };
  let count = 0;
  for (const doc of Array.isArray(docs) ? docs : []) {
    if (doc.errors.length > 0) {
      count += 1;
      for (const e of doc.errors) {
        r.issues.push({
          document: `document ${count}`,
          path: '',
          // The parser reports running out of stack on absurd nesting as an error of the text.
          message: /call stack/i.test(e.message)
            ? TOO_DEEP
            : `YAML syntax: ${e.message.split('\n')[0]}`,
          line: lineCounter.linePos(e.pos[0]).line,
        });
      }
      continue;
    }
    if (doc.contents === null) continue; // an empty document, e.g. after a trailing ---
    const lineOf = lineFinder(doc, lineCounter);
    const value = documentValue(doc);
    if (!value.ok) {
      count += 1;
      r.issues.push({
        document: `document ${count}`,
        path: '',
        message: value.problem,
        line: lineCounter.linePos(doc.range[0]).line,
      });
      continue;
    }
    const root = value.root;
    if (Array.isArray(root)) {
      root.forEach((item: unknown, j) => {
        count += 1;
        readDocument(r, item, {
          document: `document ${count}`,
          issues: r.issues,
          lineOf: (path) => lineOf([j, ...path]),
        });
      });
    } else {
      count += 1;
      readDocument(r, root, { document: `document ${count}`, issues: r.issues, lineOf });
    }
  }
  const types = dataSourceTypes(r.others);
  const indicators = r.indicators.map((sli) => withDataSourceTypes(sli, types));
  const byName = new Map(indicators.map((sli) => [sli.name, sli]));
  const slos: SloSpec[] = [];
  for (const { draft, ctx } of r.drafts) {
    const inline = draft.indicator ? withDataSourceTypes(draft.indicator, types) : undefined;
    const indicator = inline ?? (draft.indicatorRef ? byName.get(draft.indicatorRef) : undefined);
    if (indicator) {
      if (thresholdObjectiveComplete(ctx, draft, indicator)) slos.push({ ...draft, indicator });
    } else if (!r.brokenIndicators.has(draft.indicatorRef ?? '')) {
      const known = [...byName.keys()];
      fail(
        ctx,
        ['spec', 'indicatorRef'],
        `"${draft.indicatorRef}" names no SLI document in this file; allowed: ${known.length ? known.join(', ') : 'none defined'}`,
      );
    }
  }
  duplicates(
    r.issues,
    'SLO',
    slos.map((s) => s.name),
  );
  duplicates(
    r.issues,
    'SLI',
    indicators.map((s) => s.name),
  );
  duplicates(
    r.issues,
    'Service',
    r.services.map((s) => s.name),
  );
  for (const kind of KEPT_KINDS)
    duplicates(
      r.issues,
      kind,
      r.others.filter((d) => d.kind === kind).map((d) => d.name),
    );
  const found = slos.length + indicators.length + r.services.length + r.others.length;
  if (r.issues.length === 0 && found === 0) {
    r.issues.push({
      document: 'file',
      path: '',
      message: `has no OpenSLO documents: expected ${KINDS.join(', ')}`,
      line: null,
    });
  }
  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  const bundle = { services: r.services, indicators, slos };
  return { ok: true, bundle: r.others.length > 0 ? { ...bundle, others: r.others } : bundle };
}

function readDocument(r: Reading, value: unknown, ctx: ReadContext): void {
  const root = asMap(ctx, value, []);
  if (!root) return;
  if (root.apiVersion !== 'openslo/v1') {
    fail(ctx, ['apiVersion'], `${describeValue(root.apiVersion)} is not allowed: openslo/v1`);
    return;
  }
  if (typeof root.kind !== 'string' || !KINDS.includes(root.kind)) {
    fail(ctx, ['kind'], `${describeValue(root.kind)} is not allowed: ${KINDS.join(', ')}`);
    return;
  }
  const name = (root.metadata as { name?: unknown } | null | undefined)?.name;
  // The name is shown once it is a valid one (requiredName reports it otherwise).
  const shown = typeof name === 'string' && DNS_LABEL.test(name) ? ` ${name}` : '';
  ctx.document = `${ctx.document} (${root.kind}${shown})`;
  onlyFields(ctx, root, [], ['apiVersion', 'kind', 'metadata', 'spec']);
  if (root.kind === 'SLO') {
    const draft = readSlo(ctx, root);
    if (draft) r.drafts.push({ draft, ctx });
  } else if (root.kind === 'SLI') {
    const sli = readIndicator(ctx, root.metadata, root.spec, []);
    if (sli) r.indicators.push(sli);
    else if (typeof name === 'string') r.brokenIndicators.add(name);
  } else if (root.kind === 'Service') {
    const service = readService(ctx, root);
    if (service) r.services.push(service);
  } else {
    const kept = readKept(ctx, root, root.kind);
    if (kept) r.others.push(kept);
  }
}

/** Fills `dataSourceType` of sources that name a DataSource of this file. */
function withDataSourceTypes(sli: SloIndicator, types: ReadonlyMap<string, string>): SloIndicator {
  const fill = (source: MetricSource): MetricSource => {
    const type =
      source.metricSourceRef === undefined ? undefined : types.get(source.metricSourceRef);
    return type === undefined ? source : { ...source, dataSourceType: type };
  };
  if (isThresholdIndicator(sli)) return { ...sli, source: fill(sli.source) };
  return { ...sli, numerator: fill(sli.numerator), total: fill(sli.total) };
}

/**
 * A threshold SLI needs the objective's `op` and `value` ("value … required field, used to compare
 * values gathered from metric source. Only needed when using a thresholdMetric", README
 * "Notes (Objectives)"); checked once the SLI is known, as it may come by `indicatorRef`.
 */
function thresholdObjectiveComplete(ctx: ReadContext, draft: SloDraft, sli: SloIndicator): boolean {
  if (!isThresholdIndicator(sli)) return true;
  const missing = [
    ...(draft.objectiveOp === undefined ? ['op'] : []),
    ...(draft.objectiveValue === undefined ? ['value'] : []),
  ];
  for (const key of missing)
    fail(
      ctx,
      ['spec', 'objectives', 0, key],
      `is required with a thresholdMetric SLI (${sli.name}): ${key === 'op' ? 'lte, gte, lt or gt' : 'the number each data point is compared with'}`,
    );
  return missing.length === 0;
}

function readService(
  ctx: ReadContext,
  root: Readonly<Record<string, unknown>>,
): ServiceSpec | null {
  const meta = readMetadata(ctx, root.metadata, ['metadata']);
  const spec = asMap(ctx, root.spec ?? {}, ['spec']);
  if (!meta || !spec) return null;
  onlyFields(ctx, spec, ['spec'], ['description']);
  const description = optionalDescription(ctx, spec, ['spec']);
  if (meta.name === null) return null;
  return {
    name: meta.name,
    ...(meta.displayName === undefined ? {} : { displayName: meta.displayName }),
    ...(description === undefined ? {} : { description }),
    ...keptMetadata(meta),
  };
}

function duplicates(issues: OpenSloIssue[], kind: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      issues.push({
        document: `${kind} ${name}`,
        path: 'metadata.name',
        message: `is defined twice; ${kind} names must be unique in a file`,
        line: null,
      });
    seen.add(name);
  }
}

/** The line of the deepest key or item along `path` that exists in the document. */
function lineFinder(doc: Document.Parsed, lines: LineCounter): (path: FieldPath) => number | null {
  const lineAt = (node: { range?: readonly number[] | null } | null | undefined): number | null => {
    const offset = node?.range?.[0];
    return offset === undefined ? null : lines.linePos(offset).line;
  };
  return (path) => {
    let node: unknown = doc.contents;
    let line = lineAt(doc.contents);
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === part);
        if (!pair) break;
        line = lineAt(pair.key as Scalar) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof part === 'number') {
        const item: unknown = node.items[part];
        if (!isNode(item)) break;
        line = lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}
