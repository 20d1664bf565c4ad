/**
 * Reads an OpenSLO v1 file (`apiVersion: openslo/v1`; kinds SLO, SLI and Service, one or many
 * YAML documents) into Ballast's types. Every problem is reported with its document, field path,
 * what is allowed, and line; nothing unsupported is silently dropped.
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
import type { RatioIndicator, ServiceSpec, SloSpec } from '../spec';
import {
  asMap,
  describeValue,
  fail,
  onlyFields,
  optionalString,
  requiredName,
  type FieldPath,
  type OpenSloIssue,
  type ReadContext,
} from './context';
import { readIndicator } from './read-indicator';
import { readSlo, type SloDraft } from './read-slo';

export interface OpenSloBundle {
  readonly services: readonly ServiceSpec[];
  /** `kind: SLI` documents, in file order. */
  readonly indicators: readonly RatioIndicator[];
  readonly slos: readonly SloSpec[];
}

export type OpenSloResult =
  | { readonly ok: true; readonly bundle: OpenSloBundle }
  | { readonly ok: false; readonly issues: readonly OpenSloIssue[] };

const KINDS = ['SLO', 'SLI', 'Service'];

export function parseOpenSlo(text: string): OpenSloResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const issues: OpenSloIssue[] = [];
  const services: ServiceSpec[] = [];
  const indicators: RatioIndicator[] = [];
  const drafts: { draft: SloDraft; ctx: ReadContext }[] = [];
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    const ctx: ReadContext = {
      document: `document ${i + 1}`,
      issues,
      lineOf: lineFinder(doc, lineCounter),
    };
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        issues.push({
          document: ctx.document,
          path: '',
          message: `YAML syntax: ${e.message.split('\n')[0]}`,
          line: lineCounter.linePos(e.pos[0]).line,
        });
      }
      return;
    }
    if (doc.contents === null) return; // an empty document, e.g. after a trailing ---
    const root = asMap(ctx, doc.toJS(), []);
    if (!root) return;
    if (root.apiVersion !== 'openslo/v1') {
      fail(ctx, ['apiVersion'], `${describeValue(root.apiVersion)} is not allowed: openslo/v1`);
      return;
    }
    if (typeof root.kind !== 'string' || !KINDS.includes(root.kind)) {
      fail(ctx, ['kind'], `${describeValue(root.kind)} is not supported: ${KINDS.join(', ')}`);
      return;
    }
    ctx.document = `document ${i + 1} (${root.kind})`;
    onlyFields(ctx, root, [], ['apiVersion', 'kind', 'metadata', 'spec']);
    if (root.kind === 'SLO') {
      const draft = readSlo(ctx, root);
      if (draft) drafts.push({ draft, ctx });
    } else if (root.kind === 'SLI') {
      const sli = readIndicator(ctx, root.metadata, root.spec, []);
      if (sli) indicators.push(sli);
    } else {
      const service = readService(ctx, root);
      if (service) services.push(service);
    }
  });
  const byName = new Map(indicators.map((sli) => [sli.name, sli]));
  const slos: SloSpec[] = [];
  for (const { draft, ctx } of drafts) {
    const indicator =
      draft.indicator ?? (draft.indicatorRef ? byName.get(draft.indicatorRef) : undefined);
    if (!indicator) {
      const known = [...byName.keys()];
      fail(
        ctx,
        ['spec', 'indicatorRef'],
        `"${draft.indicatorRef}" names no SLI document in this file; allowed: ${known.length ? known.join(', ') : 'none defined'}`,
      );
    } else {
      slos.push({ ...draft, indicator });
    }
  }
  duplicates(
    issues,
    'SLO',
    slos.map((s) => s.name),
  );
  duplicates(
    issues,
    'SLI',
    indicators.map((s) => s.name),
  );
  duplicates(
    issues,
    'Service',
    services.map((s) => s.name),
  );
  if (issues.length === 0 && slos.length + indicators.length + services.length === 0) {
    issues.push({
      document: 'file',
      path: '',
      message: 'has no OpenSLO documents: expected SLO, SLI or Service',
      line: null,
    });
  }
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, bundle: { services, indicators, slos } };
}

function readService(
  ctx: ReadContext,
  root: Readonly<Record<string, unknown>>,
): ServiceSpec | null {
  const meta = asMap(ctx, root.metadata, ['metadata']);
  const spec = asMap(ctx, root.spec ?? {}, ['spec']);
  if (!meta || !spec) return null;
  onlyFields(ctx, meta, ['metadata'], ['name', 'displayName']);
  onlyFields(ctx, spec, ['spec'], ['description']);
  const name = requiredName(ctx, meta, ['metadata']);
  const displayName = optionalString(ctx, meta, 'displayName', ['metadata']);
  const description = optionalString(ctx, spec, 'description', ['spec']);
  if (name === null) return null;
  return {
    name,
    ...(displayName === undefined ? {} : { displayName }),
    ...(description === undefined ? {} : { description }),
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
