import { useCallback, useState } from 'react';
import {
  isOverrideEntry,
  isReleaseDuringFreezeEntry,
  type AuditEntry,
  type OverrideEntry,
  type RebalanceAuditEntry,
  type ReleaseDuringFreezeEntry,
  type SettingsChange,
  type SettingsChangeEntry,
} from '../../../src/contract/planner';
import { formatAmount, readableNumbers } from '../../shared/amounts';
import type { AuditLogView } from '../../../src/contract/resolvers';
import { FORMER_USER_ID, FORMER_USER_NAME } from '../../../src/contract/people';
import { asResolverError, formatWhen } from '../../shared/format';
import { Loading } from '../../shared/LoadStates';
import { useResolver } from '../../shared/use-resolver';
import { DEPLOYMENT_STATUS_WORDS, FreezeReleaseText } from '../../shared/FreezeReleaseText';
import { GateLozenge } from '../../shared/GateLozenge';
import { SectionFailure } from './SectionFailure';
import type { Call } from './settings-actions';

/**
 * The person's name from Jira (the account id when Jira does not know it), the id on hover; a
 * closed account erased from the log (src/contract/people.ts) reads "Former user".
 */
function Who({ accountId, names }: { accountId: string; names: AuditLogView['names'] }) {
  if (accountId === FORMER_USER_ID) return <span className="audit-who">{FORMER_USER_NAME}</span>;
  const name = Object.hasOwn(names, accountId) ? names[accountId] : undefined;
  return (
    <span className="audit-who" title={name === undefined ? undefined : `Account id ${accountId}`}>
      {name ?? accountId}
    </span>
  );
}

const quoted = (list: readonly string[]): string => list.map((name) => `“${name}”`).join(', ');

/** What a change did, in one heading and its details (names, old → new values). */
function changeText(change: SettingsChange): { title: string; details: string[] } {
  switch (change.kind) {
    case 'slo-import': {
      const parts: [string, readonly string[]][] = [
        ['Added', change.added],
        ['Replaced', change.replaced],
        ['Deleted', change.deleted],
      ];
      return {
        title: 'SLOs imported from an OpenSLO file',
        details: parts
          .filter(([, list]) => list.length > 0)
          .map(([what, list]) => `${what}: ${quoted(list)}`),
      };
    }
    case 'slo-save':
      return { title: `SLO “${change.name}” ${change.added ? 'added' : 'changed'}`, details: [] };
    case 'slo-delete':
      return { title: `SLO “${change.name}” deleted`, details: [] };
    case 'policy-change':
      return {
        title: 'Error-budget policy changed',
        details: change.changes.map((c) => `${c.field}: ${c.from} → ${c.to}`),
      };
  }
}

function ChangeItem({
  entry,
  names,
}: {
  entry: SettingsChangeEntry;
  names: AuditLogView['names'];
}) {
  const { title, details } = changeText(entry.change);
  return (
    <li className="audit-entry">
      <p>
        <strong>{title}</strong> · {formatWhen(entry.at)} · by{' '}
        <Who accountId={entry.accountId} names={names} />
      </p>
      {details.length > 0 && (
        <ul className="subtle audit-violations">
          {details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

function OverrideItem({ entry, names }: { entry: OverrideEntry; names: AuditLogView['names'] }) {
  return (
    <li className="audit-entry" data-audit-kind="override">
      <p>
        <strong>{entry.sprint.name}</strong> · {formatWhen(entry.at)} · by{' '}
        <Who accountId={entry.accountId} names={names} /> · gate{' '}
        <GateLozenge state={entry.overridden.gateState} />
      </p>
      <p className="audit-reason">
        <span className="why-label">Why: </span>
        {entry.reason}
      </p>
      {entry.overridden.violations.length === 0 ? (
        <p className="subtle">Overrode: {readableNumbers(entry.overridden.headline)}</p>
      ) : (
        <p className="subtle">
          Overrode {entry.overridden.violations.length}{' '}
          {entry.overridden.violations.length === 1 ? 'violation' : 'violations'}:
        </p>
      )}
      {entry.overridden.violations.length > 0 && (
        <ul className="subtle audit-violations">
          {entry.overridden.violations.map((violation) => (
            <li key={violation}>{readableNumbers(violation)}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A rebalance applied or undone: who, when, the sprint, and each item moved with its size. */
function RebalanceItem({
  entry,
  names,
}: {
  entry: RebalanceAuditEntry;
  names: AuditLogView['names'];
}) {
  const what = entry.kind === 'rebalanceApplied' ? 'Rebalance applied' : 'Rebalance undone';
  const count = `${entry.moves.length} ${entry.moves.length === 1 ? 'move' : 'moves'}`;
  return (
    <li className="audit-entry" data-audit-kind={entry.kind}>
      <p>
        <strong>{entry.sprint.name}</strong> · {formatWhen(entry.at)} · by{' '}
        <Who accountId={entry.accountId} names={names} />
      </p>
      <p className="subtle">
        {what}: {count}
        {entry.part && ` (part ${entry.part.index} of ${entry.part.of})`}
      </p>
      <ul className="subtle audit-violations">
        {entry.moves.map((move) => (
          <li key={`${move.direction}:${move.key}`}>
            {move.key} {move.direction === 'out' ? 'out to the backlog' : 'into the sprint'}
            {move.amount !== null && ` · ${formatAmount(move.amount, entry.basis)}`}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** A deployment recorded while the gate was FROZEN: which, and what let it through. */
function ReleaseItem({
  entry,
  names,
}: {
  entry: ReleaseDuringFreezeEntry;
  names: AuditLogView['names'];
}) {
  const d = entry.deployment;
  return (
    <li className="audit-entry" data-audit-kind={entry.kind}>
      <p>
        <strong>Released during a freeze</strong> · {formatWhen(entry.at)} · by CI/CD · gate{' '}
        <GateLozenge state="FROZEN" />
      </p>
      <p className="subtle">
        Deployment {d.id}: {d.service} to {d.environment}, {DEPLOYMENT_STATUS_WORDS[d.status]}
      </p>
      <FreezeReleaseText release={entry} people={names} />
    </li>
  );
}

export function AuditEntries({
  entries,
  names,
}: {
  entries: readonly AuditEntry[];
  names: AuditLogView['names'];
}) {
  return (
    <ol className="audit-list" aria-label="Audit log, newest first">
      {entries.map((entry) =>
        'change' in entry ? (
          <ChangeItem key={entry.id} entry={entry} names={names} />
        ) : isOverrideEntry(entry) ? (
          <OverrideItem key={entry.id} entry={entry} names={names} />
        ) : isReleaseDuringFreezeEntry(entry) ? (
          <ReleaseItem key={entry.id} entry={entry} names={names} />
        ) : (
          <RebalanceItem key={entry.id} entry={entry} names={names} />
        ),
      )}
    </ol>
  );
}

export function AuditSection({ call }: { call: Call }) {
  const load = useCallback(() => call('settings/auditLog', {}), [call]);
  const { state, retry } = useResolver(load);
  const [older, setOlder] = useState<{
    pages: AuditLogView[];
    error: string | null;
    busy: boolean;
  }>({
    pages: [],
    error: null,
    busy: false,
  });
  if (state.status === 'loading') return <Loading what="the audit log" shape="section" />;
  if (state.status === 'failed')
    return <SectionFailure what="the audit log" error={state.error} onRetry={retry} />;
  const pages = [state.data, ...older.pages];
  const entries = pages.flatMap((page) => page.entries);
  const names = Object.assign({}, ...pages.map((page) => page.names)) as AuditLogView['names'];
  const next = pages[pages.length - 1]?.nextCursor;
  const loadOlder = (cursor: number) => {
    setOlder((o) => ({ ...o, busy: true, error: null }));
    call('settings/auditLog', { cursor }).then(
      (page) => setOlder((o) => ({ pages: [...o.pages, page], error: null, busy: false })),
      (thrown: unknown) =>
        setOlder((o) => ({ ...o, busy: false, error: asResolverError(thrown).message })),
    );
  };
  return (
    <div className="section-content">
      <p className="section-intro subtle">
        Every override of the capacity split or the error-budget gate, with who, when and why; every
        rebalance applied or undone in the sprint planner; every change to the SLOs and the
        error-budget policy; and every deployment recorded while the gate was frozen, with what let
        it through. Entries are never changed or removed.
      </p>
      {entries.length === 0 ? (
        <p className="empty">
          Nothing recorded yet. With enforcement set to Enforce, a sprint plan that breaks the split
          goes ahead only with an override recorded in the sprint planner; rebalances applied there
          are listed here too.
        </p>
      ) : (
        <>
          <p className="subtle">
            Showing {entries.length} of {state.data.total}, newest first.
          </p>
          <AuditEntries entries={entries} names={names} />
        </>
      )}
      {next !== undefined && (
        <button
          type="button"
          className="button"
          disabled={older.busy}
          aria-busy={older.busy}
          onClick={() => loadOlder(next)}
        >
          {older.busy ? 'Loading…' : 'Show older entries'}
        </button>
      )}
      {older.error && (
        <p className="message message-error" role="alert">
          {older.error}
        </p>
      )}
    </div>
  );
}
