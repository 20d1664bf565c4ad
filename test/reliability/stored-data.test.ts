/**
 * Every kind of data Ballast stores (issue #11: never lose or corrupt what users entered, also
 * across upgrades): an inventory read from src/ — Forge KVS keys, secret keys, DocumentStore kinds
 * and the issue entity property — each with its schema version (or why it has none). A new kind
 * fails this test until it is listed. For each versioned kind with a fixture in
 * test/fixtures/stored/, every stored version (and the unversioned legacy shape where a version was
 * added later, read as version 1) is written into a fresh sandbox and read back through the app's
 * own readers — resolvers, jobs and web triggers — and a version from the future is refused
 * cleanly rather than misread.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSigned } from '../../sandbox/app-seed/signed-push';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import { ForgeDocumentStore } from '../../src/adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../src/adapters/forge/kvs/key-value-store';
import { listDeployments, listPushedIncidents } from '../../src/app/delivery/push-log';
import { readProgress, type RefreshProgress } from '../../src/app/issue/refresh-project';
import { PERSONAL_DATA } from '../../src/app/privacy/stored-people';
import { RETENTION, type RetentionKind } from '../../src/domain/retention';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { callResolver, fullExtension } from '../support/resolver-calls';

type Where = 'kvs' | 'secret' | 'document' | 'issue property';

interface Kind {
  readonly where: Where;
  /** The field carrying the schema version, or 'none' with the reason in `note`. */
  readonly version: 'schemaVersion' | 'v' | 'version' | 'none';
  /** Fixture files (test/fixtures/stored/) read back below. */
  readonly fixtures?: readonly string[];
  readonly note: string;
  /**
   * How long it is kept (issue #24 item 3): the RETENTION rule the retention job enforces
   * (`RETENTION.<rule>`, src/domain/retention.ts), or why it has no age limit.
   */
  readonly retention: string;
}

/** Every stored kind, by key prefix / document kind / property key. */
const INVENTORY: Record<string, Kind> = {
  'project-config': {
    where: 'document',
    version: 'schemaVersion',
    fixtures: ['project-config.v1.json', 'project-config.v2.json'],
    note: 'the capacity policy, rules, DoD templates, error-budget policy (people edit it); v1 → v2 renames the old `workType` JQL alias and the default "Work type set" DoD text on read',
    retention: "until the project's data is deleted (replaced on every save)",
  },
  'project-history': {
    where: 'document',
    version: 'schemaVersion',
    note: 'when Ballast first saw the project (its first issue-refresh pass), written once; another version reads as not seen yet, so items keep their checklists',
    retention: "until the project's data is deleted (written once)",
  },
  'project-slos': {
    where: 'document',
    version: 'schemaVersion',
    fixtures: ['project-slos.v1.json', 'project-slos-openslo-tools.v1.json'],
    note: "the project's OpenSLO bundle as imported (v1 gained optional fields: labels, annotations, kept DataSource/Alert* documents, objective op/value, alert table, threshold SLIs)",
    retention: "until the project's data is deleted (replaced on every SLO change)",
  },
  'slo-directory': {
    where: 'document',
    version: 'schemaVersion',
    fixtures: ['slo-directory.v1.json', 'slo-directory.legacy.json'],
    note: 'SLO name → project map, rebuilt from project-slos on every SLO change (a bare map before the version: read as 1)',
    retention: 'one per site; a project’s names leave it when its SLOs or its data are deleted',
  },
  'planner-undo': {
    where: 'document',
    version: 'schemaVersion',
    note: 'last rebalance per sprint (src/app/planner, owned by the planner)',
    retention:
      "until the project's data is deleted (one per sprint, replaced by the next rebalance)",
  },
  'planner-audit': {
    where: 'document',
    version: 'schemaVersion',
    note: 'override audit log pages (src/app/planner)',
    retention: 'RETENTION.auditEntries',
  },
  'gate-overrides': {
    where: 'document',
    version: 'schemaVersion',
    note: 'error-budget gate overrides (src/app/gate)',
    retention:
      "at most 200 entries per project (gate-override-store.ts); until the project's data is deleted",
  },
  ballast: {
    where: 'issue property',
    version: 'version',
    fixtures: ['ballast-property.v1.json'],
    note: 'per-issue category (path `workType`), who set it, DoD ticks (nested checklist carries its own schemaVersion)',
    retention: 'with the issue in Jira (Jira data; Ballast keeps it true while it runs)',
  },
  'sli-raw': {
    where: 'kvs',
    version: 'v',
    note: 'one push batch per SLO and day, merged into sli-day within five minutes and deleted',
    retention: 'merged into sli-day within five minutes, then deleted',
  },
  'sli-day': {
    where: 'kvs',
    version: 'v',
    fixtures: ['sli-day.v1.json'],
    note: 'merged SLI intervals per SLO and day',
    retention: 'RETENTION.sliDays',
  },
  'sli-daysum': {
    where: 'kvs',
    version: 'v',
    fixtures: ['sli-daysum.v1.json'],
    note: 'the sums of one sli-day (events, covered time, Timeslices minutes at a slice target), written with it; a roll-up reads them for days no window edge cuts',
    retention: 'RETENTION.sliDays',
  },
  'sli-batch': {
    where: 'kvs',
    version: 'v',
    note: 'a received batch id with its content digest (v 2; a marker without v, from before digests, answers a repeat as duplicate)',
    retention: 'TTL (BATCH_MARKER_TTL_SECONDS, src/app/slo/ingest-sli.ts)',
  },
  'slo-status': {
    where: 'kvs',
    version: 'v',
    fixtures: ['slo-status.v1.json'],
    note: 'rolled-up SLO status and policy state',
    retention: "one per SLO, replaced every five minutes; until the project's data is deleted",
  },
  'slo-compacting': {
    where: 'kvs',
    version: 'none',
    note: 'TTL lock of the SLO roll-up (transient)',
    retention: 'TTL lock (seconds)',
  },
  postmortem: {
    where: 'kvs',
    version: 'none',
    note: 'claim marker of an opened postmortem (state + issue key); only presence and state are read',
    retention: 'RETENTION.postmortemClaims',
  },
  deploy: {
    where: 'kvs',
    version: 'schemaVersion',
    fixtures: ['deployment.legacy.json', 'deployment.v1.json'],
    note: 'pushed deployments (version added in this change; unversioned = 1)',
    retention: 'RETENTION.deployments',
  },
  'deploy-id': {
    where: 'kvs',
    version: 'none',
    note: 'index from a deployment id to its time-ordered key and content digest ({ key, digest, state }); a legacy { key } is compared by the record it points at',
    retention: 'RETENTION.deployments',
  },
  incident: {
    where: 'kvs',
    version: 'schemaVersion',
    fixtures: ['incident.legacy.json', 'incident.v1.json'],
    note: 'pushed incidents (version added in this change; unversioned = 1)',
    retention: 'RETENTION.incidents',
  },
  'issue-refresh': {
    where: 'kvs',
    version: 'schemaVersion',
    fixtures: ['issue-refresh-progress.legacy.json', 'issue-refresh-progress.v1.json'],
    note: 'bulk refresh progress per project (version added in this change; unversioned = 1)',
    retention: "one per project, replaced by each pass; until the project's data is deleted",
  },
  'issue-write-lock': {
    where: 'kvs',
    version: 'none',
    note: 'TTL lock of a person’s change of the ballast property (transient)',
    retention: 'TTL lock (30 s)',
  },
  metrics: {
    where: 'kvs',
    version: 'schemaVersion',
    note: 'project page snapshot: the chunked JSON, its head and status records carry schemaVersion 1 (head and status before it: read as 1); another version reads as absent and is recomputed',
    retention: "one snapshot per project, replaced every hour; until the project's data is deleted",
  },
  'metrics-projects': {
    where: 'kvs',
    version: 'none',
    note: 'bare list of project keys whose page was opened; only membership is read, and the hourly job recreates it as pages are opened',
    retention: 'one list per site; a project leaves it when its data is deleted',
  },
  'sprint-commitment': {
    where: 'kvs',
    version: 'v',
    note: 'commitment snapshot at sprint start',
    retention: 'RETENTION.sprintSnapshots',
  },
  'sprint-outcome': {
    where: 'kvs',
    version: 'v',
    note: 'outcome at sprint close',
    retention: 'RETENTION.sprintSnapshots',
  },
  'suggestion-model': {
    where: 'kvs',
    version: 'version',
    note: 'trained category suggestion model',
    retention: "one per project, replaced by each training; until the project's data is deleted",
  },
  'suggestion-trained': {
    where: 'kvs',
    version: 'none',
    note: 'ISO time the model was last trained (a plain string)',
    retention: "one per project, replaced by each training; until the project's data is deleted",
  },
  'personal-data-issue': {
    where: 'kvs',
    version: 'schemaVersion',
    note: 'which issues’ ballast property names a person (one key per person and issue), for the personal data report and erasure (src/app/privacy)',
    retention:
      'while the issue’s property names the person; deleted with a closed account or the project’s data',
  },
  'personal-data-reported': {
    where: 'kvs',
    version: 'schemaVersion',
    note: 'when an account id was last reported to Atlassian’s Personal data reporting API (once per 7-day cycle)',
    retention: 'dropped on the next report once no record names the account',
  },
  'personal-data-backfill': {
    where: 'kvs',
    version: 'schemaVersion',
    note: 'marker that the issue properties of the site (or a project) were read once for the people they name',
    retention: "one marker per site or project; until the project's data is deleted",
  },
  installation: {
    where: 'kvs',
    version: 'schemaVersion',
    note: 'when an installation began (avi:forge:installed:app), to tell data restored from an earlier installation (src/app/project/installation-record.ts)',
    retention:
      'one per installation event; a few bytes, kept so a restored installation is still told apart',
  },
  'notify-settings': {
    where: 'document',
    version: 'schemaVersion',
    note: 'who hears which notices, where (events, Jira email recipients and notices issue, the webhook kind, the links); an unreadable one sends nothing and says so',
    retention: "until the project's data is deleted (replaced on every save)",
  },
  notice: {
    where: 'kvs',
    version: 'v',
    note: 'one notice per transition (claimed with FAIL_IF_EXISTS) with each channel’s last result; another version is left undelivered, never misread',
    retention:
      '90 days: written with a KVS time to live (NOTICE_TTL_SECONDS, src/app/notify/notice-outbox.ts)',
  },
  'notice-pending': {
    where: 'kvs',
    version: 'v',
    note: 'a notice not yet delivered, with when it is due, for the fiveMinute sweep that queues it again',
    retention: 'until the notice is delivered or given up (deleted by the notice consumer)',
  },
  'notice-log': {
    where: 'kvs',
    version: 'none',
    note: 'the ids of a project’s last 10 notices for the settings page ({ ids }); only a display list, each notice’s own record is the truth',
    retention: "one per project, the last 10 ids; until the project's data is deleted",
  },
  'notice-last': {
    where: 'kvs',
    version: 'none',
    note: 'the last delivery result per channel ({ jira, webhook }), shown in the settings page as written',
    retention: "one per project, replaced by each delivery; until the project's data is deleted",
  },
  'notify-enabled': {
    where: 'kvs',
    version: 'v',
    note: 'marker of a project with a notice channel, so the jobs list watched projects by prefix; only its presence is read',
    retention: "one marker per project; until the project's data is deleted",
  },
  'notify-gate': {
    where: 'kvs',
    version: 'v',
    note: 'the gate state last notified per project, swapped atomically at each roll-up; another version reads as never notified',
    retention: "one per project, replaced at each transition; until the project's data is deleted",
  },
  'notify-webhook': {
    where: 'secret',
    version: 'v',
    note: 'the Slack/Teams webhook URL (a credential); v 0 means none; another version reads as no webhook',
    retention: "one per project, replaced on save; emptied when the project's data is deleted",
  },
  'push-signing-secret': {
    where: 'secret',
    version: 'schemaVersion',
    fixtures: ['push-secret.legacy.json', 'push-secret.v1.json'],
    note: 'push API signing secret (version added in this change; unversioned = 1)',
    retention: 'one per site, replaced when rotated',
  },
};

/** Prefixes the scan finds that are not storage keys, and why. */
const NOT_STORAGE: Record<string, string> = {
  component: 'incident grouping key (src/app/metrics/incident-history.ts)',
  summary: 'incident grouping key (src/app/metrics/incident-history.ts)',
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Key prefixes (`'x:'`, `` `x:${…}` ``) and KIND/KEY/PREFIX constants in the app's storage code. */
function scannedKinds(): string[] {
  const found = new Set<string>();
  for (const file of ['src/app', 'src/adapters', 'src/entry'].flatMap(sourceFiles)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/[`']([a-z][a-z-]*):(?:\$\{|')/g)) found.add(m[1]!);
    for (const m of text.matchAll(/[A-Z_]*(?:KIND|KEY|PREFIX)[A-Z_]* = '([a-z][a-z-]*):?'/g))
      found.add(m[1]!);
  }
  return [...found].sort();
}

describe('the inventory of stored data', () => {
  it('lists every kind the code stores, with its schema version or why it has none', () => {
    expect(scannedKinds()).toEqual([...Object.keys(INVENTORY), ...Object.keys(NOT_STORAGE)].sort());
    for (const [kind, entry] of Object.entries(INVENTORY)) {
      expect(entry.note.length, kind).toBeGreaterThan(10);
      for (const file of entry.fixtures ?? []) {
        const value = JSON.parse(readFileSync(`test/fixtures/stored/${file}`, 'utf8')) as Record<
          string,
          unknown
        >;
        // A versioned fixture names its version (`<kind>.v<n>.json`); a legacy one has none (read as 1).
        if (entry.version !== 'none' && !file.includes('.legacy.'))
          expect(value[entry.version], `${file}: ${entry.version}`).toBe(
            Number(/\.v(\d+)\.json$/.exec(file)?.[1]),
          );
        if (file.includes('.legacy.')) expect(value[entry.version], file).toBeUndefined();
      }
    }
  });

  it('says how long each kind is kept, and each stated retention names the kinds it governs', () => {
    const governed = new Map<string, string>();
    for (const [rule, { kinds }] of Object.entries(RETENTION))
      for (const kind of kinds) governed.set(kind, `RETENTION.${rule}`);
    for (const [kind, entry] of Object.entries(INVENTORY)) {
      expect(entry.retention.length, kind).toBeGreaterThan(5);
      if (entry.retention.startsWith('RETENTION.'))
        expect(Object.keys(RETENTION), kind).toContain(
          entry.retention.slice('RETENTION.'.length) as RetentionKind,
        );
    }
    // A rule names exactly the kinds that point at it.
    expect(Object.fromEntries(governed)).toEqual(
      Object.fromEntries(
        Object.entries(INVENTORY)
          .filter(([, e]) => e.retention.startsWith('RETENTION.'))
          .map(([kind, e]) => [kind, e.retention]),
      ),
    );
  });

  it('has a fixture for every file in test/fixtures/stored/', () => {
    const listed = Object.values(INVENTORY).flatMap((k) => k.fixtures ?? []);
    const files = readdirSync('test/fixtures/stored').filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual([...listed].sort());
  });
});

/**
 * Where the code declares a stored field holding an account id (issue #24): a zod field named
 * `accountId`, `by` or `…By` in the schemas of stored records, by file. Each must be listed in
 * src/app/privacy/stored-people.ts PERSONAL_DATA (reported and erased), or here as not stored.
 */
const PERSONAL_DATA_SOURCES: Record<string, { kinds: string[]; fields: string[] }> = {
  'src/app/gate/gate-override-store.ts': {
    kinds: ['gate-overrides'],
    fields: ['accountId', 'endedBy'],
  },
  'src/app/planner/undo-log.ts': { kinds: ['planner-undo'], fields: ['appliedBy', 'accountId'] },
  'src/app/planner/audit-log.ts': { kinds: ['planner-audit'], fields: ['accountId'] },
  'src/app/issue/ballast-property.ts': { kinds: ['ballast'], fields: ['by'] },
  'src/domain/dod/checklist-state.ts': { kinds: ['ballast'], fields: ['by'] },
  'src/app/notify/notify-settings-store.ts': { kinds: ['notify-settings'], fields: ['accountIds'] },
};
const NOT_STORED_PEOPLE: Record<string, string> = {
  'src/entry/resolvers/context.ts':
    'the caller of a resolver (Forge context), never stored as such',
  'src/ports/jira-schemas.ts': 'Jira’s answer (issue fields), read, not stored',
  'src/adapters/forge/jira/users.ts': 'Jira’s bulk user answer, read to show names, never stored',
  'src/adapters/forge/privacy/report-accounts.ts': 'the reporting API’s answer, read, not stored',
  'src/entry/resolvers/notify.ts':
    'the notification settings save payload, stored through src/app/notify/notify-settings-store.ts',
};

/** Fields named like a person's (`…By`) that hold something else, by file, with what they hold. */
const NOT_A_PERSON: Record<string, Record<string, string>> = {
  'src/app/planner/audit-log.ts': {
    allowedBy: 'what let a release through a freeze: "override", "exempt" or null',
    frozenBy: 'the names of the SLOs that froze the gate',
  },
};

describe('the inventory of personal data (account ids)', () => {
  it('lists every stored field that holds an account id, so the report finds it and erasure clears it', () => {
    const found = new Map<string, Set<string>>();
    for (const file of ['src/app', 'src/adapters', 'src/entry', 'src/domain', 'src/ports'].flatMap(
      sourceFiles,
    )) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\b(accountIds?|by|[a-z]+By)\s*:\s*z\./g)) {
        if (NOT_A_PERSON[file]?.[m[1]!] !== undefined) continue;
        if (!found.has(file)) found.set(file, new Set());
        found.get(file)!.add(m[1]!);
      }
    }
    const declared = Object.fromEntries([...found].map(([f, fields]) => [f, [...fields].sort()]));
    expect(declared).toEqual({
      ...Object.fromEntries(
        Object.entries(PERSONAL_DATA_SOURCES).map(([f, e]) => [f, [...e.fields].sort()]),
      ),
      ...Object.fromEntries(
        Object.keys(NOT_STORED_PEOPLE).map((f) => [f, [...(found.get(f) ?? ['(none)'])].sort()]),
      ),
    });
    // Each listed field is a path the report reads (its last step), for the kinds its file stores.
    for (const [file, { kinds, fields }] of Object.entries(PERSONAL_DATA_SOURCES))
      for (const field of fields)
        expect(
          PERSONAL_DATA.some(
            (p) =>
              kinds.includes(p.kind) &&
              p.text !== true &&
              p.path.split('.').at(-1)?.replace(/\[\]$/, '') === field,
          ),
          `${file} ${field}`,
        ).toBe(true);
    // Every document records who saved it; every kind listed for people is a stored kind above.
    expect(PERSONAL_DATA.some((p) => p.store === 'document' && p.path === 'updatedBy')).toBe(true);
    for (const p of PERSONAL_DATA.filter((entry) => entry.kind !== '*'))
      expect(Object.keys(INVENTORY), p.kind).toContain(p.kind);
  });
});

const fixture = <T = Record<string, unknown>>(file: string): T =>
  JSON.parse(readFileSync(`test/fixtures/stored/${file}`, 'utf8')) as T;

let sandbox: AppSandbox;
const ISSUE = 'SHOP-189';

const inApp = <T>(fn: () => Promise<T>): Promise<T> =>
  sandbox.host.runtime.runInvocation({ moduleKey: 'stored-data-test' }, fn);

async function call<T>(key: string, payload: unknown = {}): Promise<T> {
  const answer = await callResolver(
    sandbox.host,
    key,
    ADMIN_ACCOUNT_ID,
    payload,
    fullExtension(ISSUE),
  );
  if (!answer.ok) throw new Error(`${key}: ${answer.error.code} ${answer.error.message}`);
  return answer.data as T;
}

const actor = { accountId: ADMIN_ACCOUNT_ID, at: new Date('2026-11-20T12:00:00Z') };

beforeAll(async () => {
  sandbox = await startAppSandbox();
});

/** A configuration saved before the incidentServices setting existed reads with its default. */
const NO_INCIDENT_SERVICES = { byComponent: [], otherwise: null };
/** …and before the postmortem convention existed, with its default (src/domain/postmortem). */
const DEFAULT_POSTMORTEM = {
  issueType: 'Task',
  label: 'postmortem',
  actionLinkType: 'Relates',
  actionSlaDays: 56,
};
afterAll(() => sandbox.close());

describe('every stored version reads back through the app', () => {
  it('project-config v1: the settings page shows it migrated to v2 (the "Ballast category" rename), with no problems', async () => {
    // A version-1 document may hold the old JQL alias `workType` in its incident JQL.
    const stored = {
      ...fixture('project-config.v1.json'),
      incidentJql: 'issuetype = Incident OR workType = reliability',
    };
    await inApp(() => new ForgeDocumentStore().put('project-config', 'SHOP', stored, 0, actor));
    const view = await call<{ config: unknown; problems: unknown[]; version: number }>(
      'settings/get',
    );
    expect(view.problems).toEqual([]);
    expect(view.config).toEqual({
      ...fixture('project-config.v2.json'),
      incidentJql: 'issuetype = Incident OR ballastCategory = reliability',
      incidentServices: NO_INCIDENT_SERVICES,
      postmortem: DEFAULT_POSTMORTEM,
      // Added after schema 2 with a default (issue #23), as the postmortem convention was.
      retroActionLabel: 'retro-action',
    });
    expect(view.version).toBe(1);
  });

  it('project-config v2: the settings page shows it as stored, with no problems', async () => {
    const stored = fixture('project-config.v2.json');
    await inApp(async () => {
      const documents = new ForgeDocumentStore();
      const current = await documents.get('project-config', 'SHOP');
      await documents.put('project-config', 'SHOP', stored, current?.version ?? 0, actor);
    });
    const view = await call<{ config: unknown; problems: unknown[]; version: number }>(
      'settings/get',
    );
    expect(view.problems).toEqual([]);
    expect(view.config).toEqual({
      ...stored,
      incidentServices: NO_INCIDENT_SERVICES,
      postmortem: DEFAULT_POSTMORTEM,
      // Added after schema 2 with a default (issue #23), as the postmortem convention was.
      retroActionLabel: 'retro-action',
    });
  });

  it('project-slos v1, SLI days v1 and their sums v1: the SLO list shows them, and the roll-up reads the stored minutes', async () => {
    const stored = fixture<{ schemaVersion: number; bundle: { slos: { name: string }[] } }>(
      'project-slos.v1.json',
    );
    const day = fixture<{ intervals: [number, number, number, number][] }>('sli-day.v1.json');
    await inApp(async () => {
      const documents = new ForgeDocumentStore();
      await documents.put('project-slos', 'SHOP', stored, 0, actor);
      await documents.put(
        'slo-directory',
        'site',
        Object.fromEntries(stored.bundle.slos.map((s) => [s.name, 'SHOP'])),
        0,
        actor,
      );
      const date = new Date(day.intervals[0]![0]).toISOString().slice(0, 10);
      await new ForgeKeyValueStore().set(`sli-day:checkout-availability:${date}`, day);
      await new ForgeKeyValueStore().set(
        `sli-daysum:checkout-availability:${date}`,
        fixture('sli-daysum.v1.json'),
      );
    });
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const list = await call<{
      slos: { name: string; status: { totalEvents: number; goodEvents: number } | null }[];
    }>('slo/list');
    expect(list.slos.map((s) => s.name).sort()).toEqual(
      stored.bundle.slos.map((s) => s.name).sort(),
    );
    const status = list.slos.find((s) => s.name === 'checkout-availability')!.status!;
    expect(status.totalEvents).toBe(day.intervals.reduce((sum, iv) => sum + iv[3], 0));
    expect(status.goodEvents).toBe(day.intervals.reduce((sum, iv) => sum + iv[2], 0));
  });

  it('project-slos v1 with what the tools write (threshold SLI, labels, DataSource, alert table): listed, exported as imported', async () => {
    const stored = fixture<{ schemaVersion: number; bundle: { slos: { name: string }[] } }>(
      'project-slos-openslo-tools.v1.json',
    );
    await inApp(async () => {
      const documents = new ForgeDocumentStore();
      const current = await documents.get('project-slos', 'SHOP');
      await documents.put('project-slos', 'SHOP', stored, current?.version ?? 0, actor);
    });
    const list = await call<{
      slos: { name: string; definition: { alertTable?: string } | null }[];
    }>('slo/list');
    expect(list.slos.map((s) => [s.name, s.definition?.alertTable ?? null])).toEqual([
      ['api-availability', 'sloth'],
      ['checkout-availability', 'sloth'],
      ['orders-availability', 'workbook'],
      // A threshold SLI has a form too now (the settings form edits latency SLOs).
      ['search-latency', 'sloth'],
    ]);
    const { yaml } = await call<{ yaml: string }>('slo/export');
    for (const text of [
      'kind: DataSource',
      'thresholdMetric:',
      'ballast/alert-table: workbook',
      'team:\n',
    ])
      expect(yaml).toContain(text);
  });

  it('slo-status v1: the roll-up carries a stored status forward', async () => {
    const stored = fixture<{ v: number }>('slo-status.v1.json');
    await inApp(() => new ForgeKeyValueStore().set('slo-status:checkout-availability', stored));
    await sandbox.host.runScheduled('ballast-slo-refresh');
    const list = await call<{ slos: { name: string; state: string }[] }>('slo/list');
    expect(list.slos.find((s) => s.name === 'checkout-availability')?.state).toEqual(
      expect.any(String),
    );
  });

  it('the ballast issue property v1: the panel shows the stored type and ticks, with no problems', async () => {
    const stored = fixture<{ workType: string; dod: { items: Record<string, { done: boolean }> } }>(
      'ballast-property.v1.json',
    );
    sandbox.jira.state.issues.find((i) => i.key === ISSUE)!.properties.ballast =
      structuredClone(stored);
    const view = await call<{
      workType: { type: string; source: string };
      dod: { items: { id: string; state: string }[] };
      problems: string[];
    }>('issue/get', { issueKey: ISSUE });
    expect(view.problems).toEqual([]);
    expect(view.workType).toMatchObject({ type: stored.workType, source: 'manual' });
    for (const [id, tick] of Object.entries(stored.dod.items))
      expect(view.dod.items.find((i) => i.id === id)?.state, id).toBe(tick.done ? 'done' : 'open');
  });

  it('deployments and incidents, legacy and v1, are read; a future version is left out', async () => {
    const deployments = ['deployment.legacy.json', 'deployment.v1.json'].map((f) =>
      fixture<{ id: string; finishedAt: string }>(f),
    );
    const incidents = ['incident.legacy.json', 'incident.v1.json'].map((f) =>
      fixture<{ id: string }>(f),
    );
    const future = { ...deployments[1]!, id: 'deploy-future', schemaVersion: 2 };
    const read = await inApp(async () => {
      const kv = new ForgeKeyValueStore();
      for (const d of [...deployments, future])
        await kv.set(`deploy:${new Date(d.finishedAt).toISOString()}:${d.id}`, d);
      for (const i of [...incidents, { ...incidents[1]!, id: 'incident-future', schemaVersion: 2 }])
        await kv.set(`incident:${i.id}`, i);
      return {
        deployments: await listDeployments(kv, {
          from: new Date('2026-11-01T00:00:00Z'),
          to: new Date('2026-12-01T00:00:00Z'),
        }),
        incidents: await listPushedIncidents(kv),
      };
    });
    expect(read.deployments.map((d) => d.id)).toEqual(deployments.map((d) => d.id));
    expect(read.incidents.map((i) => i.id).sort()).toEqual(incidents.map((i) => i.id).sort());
  });

  it('the push secret, legacy and v1, signs pushes; a future version refuses them (401), never 500', async () => {
    for (const file of ['push-secret.legacy.json', 'push-secret.v1.json']) {
      const stored = fixture<{ current: { secret: string } }>(file);
      await inApp(() => new ForgeKeyValueStore().setSecret('push-signing-secret', stored));
      const incident = JSON.stringify({
        id: `secret-check-${file}`,
        service: 'checkout',
        title: 'Checkout slow',
        startedAt: '2026-11-20T09:00:00Z',
      });
      const answer = await callSigned(
        sandbox.host,
        'ballast-incident-push',
        incident,
        stored.current.secret,
      );
      expect(answer.statusCode, `${file}: ${answer.body}`).toBe(200);
      // The same incident again is a duplicate even though the stored record now has a version.
      const again = await callSigned(
        sandbox.host,
        'ballast-incident-push',
        incident,
        stored.current.secret,
      );
      expect(JSON.parse(again.body ?? '{}')).toMatchObject({ ok: true, duplicate: true });
    }
    const future = {
      ...fixture<{ current: { secret: string } }>('push-secret.v1.json'),
      schemaVersion: 2,
    };
    await inApp(() => new ForgeKeyValueStore().setSecret('push-signing-secret', future));
    const refused = await callSigned(
      sandbox.host,
      'ballast-incident-push',
      '{}',
      future.current.secret,
    );
    expect(refused.statusCode).toBe(401);
    // Rotating replaces it with a readable one.
    const rotated = await call<{ secret: string }>('push/rotateSecret');
    expect(rotated.secret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('the bulk refresh progress, legacy and v1, resumes; a future version starts a new pass', () => {
    const legacy = fixture<RefreshProgress>('issue-refresh-progress.legacy.json');
    const v1 = fixture<RefreshProgress>('issue-refresh-progress.v1.json');
    expect(readProgress(legacy)).toEqual(legacy);
    expect(readProgress(legacy)?.offset).toBe(120);
    expect(readProgress(v1)).toEqual(v1);
    expect(readProgress({ ...v1, schemaVersion: 2 } as unknown as RefreshProgress)).toBeUndefined();
    expect(readProgress({ nonsense: true } as unknown as RefreshProgress)).toBeUndefined();
  });
});
