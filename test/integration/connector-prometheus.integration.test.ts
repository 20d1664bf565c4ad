/**
 * The Prometheus connector end to end (issue #9): a real Prometheus on a loopback port holds four to
 * five days of SLI history for three SLOs (an outage, a counter reset, scrape gaps), backfilled by
 * promtool; the app runs on the sandbox with the SLOs imported and a signing secret made by the
 * resolvers; `ballast sli sync` runs as a real process (bin/ballast.mjs). The status the app rolls
 * up must equal the engine's result on the same raw data (test/fixtures/connector/shop-data.ts
 * derives what the connector may know from it) — after a first partial sync, and after a sync
 * killed mid-run and restarted — then a tampered batch is refused and a deployment round-trips.
 *
 * Skips with a message when promtool/prometheus are absent (on CI, process.env.CI, it fails
 * instead), or while the app lacks the web triggers it needs (checked in manifest.yml, so each
 * part runs once its module lands).
 */
import { spawn } from 'node:child_process';
import { testClockChildEnv } from '../support/test-clock';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID } from '../../sandbox/jira';
import type { Envelope } from '../../src/contract/envelope';
import type { RotatedSecretView, SloListView } from '../../src/contract/slo';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  computeSloStatus,
  parseOpenSlo,
  sliSeriesFor,
  type SloSpec,
} from '../../src/domain/slo';
import { shopData } from '../fixtures/connector/shop-data';
import {
  prometheusAvailable,
  startLocalPrometheus,
  type LocalPrometheus,
} from '../fixtures/prometheus/local-prometheus';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { push } from '../support/push-client';

const SPEC_PATH = 'test/fixtures/connector/shop.openslo.yaml';
const YAML = readFileSync(SPEC_PATH, 'utf8');
const manifest = readFileSync('manifest.yml', 'utf8');
const hasTrigger = (key: string): boolean => new RegExp(`key: ${key}\\s*$`, 'm').test(manifest);
const available = prometheusAvailable();
if (!available)
  console.warn(
    'Connector test skipped: promtool/prometheus are not installed (Debian package "prometheus")',
  );
if (!hasTrigger('ballast-sli-push'))
  console.warn('Connector test skipped: manifest.yml has no web trigger ballast-sli-push yet');

const parsed = parseOpenSlo(YAML);
if (!parsed.ok) throw new Error(`${SPEC_PATH} must be valid`);
const SPECS: readonly SloSpec[] = parsed.bundle.slos;

// History from midnight UTC four days ago up to an hour ago, so every window holds it.
const NOW = Date.now();
const START = Math.floor(NOW / DAY_MS) * DAY_MS - 4 * DAY_MS;
const END = Math.floor(NOW / HOUR_MS) * HOUR_MS - HOUR_MS;
const DATA = shopData(START, (END - START) / MINUTE_MS);
const iso = (t: number) => new Date(t).toISOString();

describe.runIf(!available && Boolean(process.env.CI))('the connector test on CI', () => {
  it('needs promtool and prometheus installed', () => {
    throw new Error(
      'The connector test cannot run on CI without promtool/prometheus; .ci/run must install them',
    );
  });
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs bin/ballast.mjs; `killAfterPushes` SIGKILLs it once that many batches were pushed. */
function cli(args: readonly string[], killAfterPushes?: number): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    // On the test clock, as the app under test: its signed pushes must not look stale.
    const child = spawn(process.execPath, ['bin/ballast.mjs', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: testClockChildEnv(),
    });
    const out: CliRun = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => {
      out.stdout += chunk.toString();
      const pushes = out.stdout.split('\n').filter((l) => l.startsWith('pushed ')).length;
      if (killAfterPushes !== undefined && pushes >= killAfterPushes) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => (out.stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...out, code }));
  });
}

describe.skipIf(!available || !hasTrigger('ballast-sli-push'))(
  'ballast sli sync from a real Prometheus into the app',
  () => {
    let prometheus: LocalPrometheus;
    let sandbox: AppSandbox;
    let closeListener: () => Promise<void>;
    let dir: string;
    let secretFile: string;
    let rotated: RotatedSecretView;

    async function call<T>(key: string, payload: unknown = {}): Promise<T> {
      const envelope = (await sandbox.host.invokeResolver({
        moduleKey: 'ballast-issue-panel',
        functionKey: key,
        payload,
        accountId: ADMIN_ACCOUNT_ID,
        extension: { type: 'jira:projectSettingsPage', project: { key: 'SHOP', id: '10000' } },
      })) as Envelope<T>;
      if (!envelope.ok)
        throw new Error(`${key}: ${envelope.error.code}: ${envelope.error.message}`);
      return envelope.data;
    }

    const sync = (...extra: string[]) => [
      'sli',
      'sync',
      '--prometheus',
      prometheus.url,
      '--spec',
      SPEC_PATH,
      '--target',
      rotated.urls.sli!,
      '--secret-file',
      secretFile,
      '--since',
      '4d',
      ...extra,
    ];

    /** Runs the app's fiveMinute job, then checks each SLO's status against the engine. */
    async function expectAppToMatchEngine(until: number): Promise<void> {
      await sandbox.host.runScheduled('ballast-slo-refresh');
      const list = await call<SloListView>('slo/list');
      for (const spec of SPECS) {
        const summary = list.slos.find((s) => s.name === spec.name);
        const status = summary?.status;
        expect(status, `${spec.name} has a status`).toBeTruthy();
        const known = DATA.expected[spec.name]!.filter((iv) => iv.end <= until);
        const engine = computeSloStatus(spec, sliSeriesFor(spec, known), Date.parse(status!.at));
        expect(status, spec.name).toEqual(engine);
        expect(summary!.dataUntil, spec.name).toBe(iso(known.at(-1)!.end));
      }
    }

    beforeAll(async () => {
      prometheus = await startLocalPrometheus(DATA.openMetrics);
      sandbox = await startAppSandbox();
      const listener = await sandbox.host.listen();
      closeListener = () => listener.close();
      const { version } = await call<SloListView>('slo/list');
      await call<SloListView>('slo/import', { yaml: YAML, version });
      rotated = await call<RotatedSecretView>('push/rotateSecret');
      dir = mkdtempSync(join(tmpdir(), 'ballast-connector-'));
      secretFile = join(dir, 'secret');
      writeFileSync(secretFile, `${rotated.secret}\n`, { mode: 0o600 });
    }, 120_000);

    afterAll(async () => {
      prometheus?.stop();
      await closeListener?.();
      await sandbox?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('pushes two days once, and the app’s status of each SLO equals the engine on the same data', async () => {
      const until = START + 2 * DAY_MS;
      const run = await cli(sync('--once', '--until', iso(until)));
      // stderr holds the progress lines only: no retry, no warning.
      expect(run.stderr.split('\n').filter((l) => l && !l.startsWith('sli sync ['))).toEqual([]);
      expect(run.code).toBe(0);
      // Two UTC days of three SLOs; the outage day loses the 90 gauge minutes, nothing else yet.
      expect(run.stdout.split('\n').at(-2)).toBe(
        `synced slos=3 batches=6 points=${3 * 2 * 1440 - 90} accepted=${3 * 2 * 1440 - 90} duplicates=0 missing-minutes=90 gaps=90 resets=0 inconsistent=0`,
      );
      await expectAppToMatchEngine(until);
    }, 120_000);

    it('loses nothing and counts nothing twice when a sync is killed mid-run and restarted', async () => {
      const killed = await cli(sync('--once', '--until', iso(END), '--rate', '2'), 3);
      expect(killed.code).toBeNull(); // killed by the signal, before its summary
      expect(killed.stdout).not.toContain('synced ');
      const restarted = await cli(sync('--once', '--until', iso(END)));
      expect(restarted.code).toBe(0);
      const pushed = (r: CliRun) => r.stdout.split('\n').filter((l) => l.startsWith('pushed '));
      // The restart resumed where the app's data ended: no batch of the killed run again.
      const ids = (r: CliRun) => pushed(r).map((l) => l.split(' id=')[1]);
      expect(ids(restarted).filter((id) => ids(killed).includes(id))).toEqual([]);
      expect(restarted.stdout).toContain('resets=1');
      await expectAppToMatchEngine(END);
      // A third run finds nothing left to push.
      const again = await cli(sync('--once', '--until', iso(END)));
      expect(again.stdout).toMatch(/^synced slos=3 batches=0 points=0 /m);
    }, 180_000);

    it('has a tampered batch refused with 401, storing nothing', async () => {
      const before = (await call<SloListView>('slo/list')).slos.map((s) => s.dataUntil);
      const batch = {
        batchId: 'tampered-1',
        points: [
          {
            slo: 'shop-search-latency',
            start: iso(END),
            end: iso(END + MINUTE_MS),
            good: 10,
            total: 10,
          },
        ],
      };
      const answer = await push(rotated.urls.sli!, rotated.secret, batch, {
        tamper: (raw) => raw.replace('"good":10', '"good":1'),
      });
      expect(answer).toMatchObject({
        status: 401,
        body: { ok: false, error: { code: 'UNAUTHORIZED' } },
      });
      await sandbox.host.runScheduled('ballast-slo-refresh');
      expect((await call<SloListView>('slo/list')).slos.map((s) => s.dataUntil)).toEqual(before);
    });

    it.skipIf(!hasTrigger('ballast-deployment-push'))(
      'records a deployment once; the same id again is a duplicate',
      async () => {
        const args = [
          'deploy',
          'record',
          '--target',
          rotated.urls.deployments!,
          '--secret-file',
          secretFile,
          '--service',
          'shop-checkout',
          '--environment',
          'production',
          '--status',
          'success',
          '--issues',
          'SHOP-1',
          '--id',
          'connector-test-deploy-1',
        ];
        const first = await cli(args);
        expect([first.code, first.stdout]).toEqual([
          0,
          'recorded deployment id=connector-test-deploy-1 accepted=1 duplicate=false\n',
        ]);
        const second = await cli(args);
        expect([second.code, second.stdout]).toEqual([
          0,
          'recorded deployment id=connector-test-deploy-1 accepted=0 duplicate=true\n',
        ]);
      },
      60_000,
    );
    it.skipIf(!hasTrigger('ballast-incident-push'))(
      'records an incident once, a repeat as a duplicate, and its resolution as an update',
      async () => {
        const args = [
          'incident',
          'record',
          '--target',
          rotated.urls.incidents!,
          '--secret-file',
          secretFile,
          '--id',
          'PD-CONNECTOR-1',
          '--service',
          'shop-checkout',
          '--title',
          'Card payments failing',
          '--started-at',
          iso(START + DAY_MS + 600 * MINUTE_MS),
        ];
        const line = (accepted: number, duplicate: boolean) =>
          `recorded incident id=PD-CONNECTOR-1 accepted=${accepted} duplicate=${duplicate}\n`;
        expect((await cli(args)).stdout).toBe(line(1, false));
        expect((await cli(args)).stdout).toBe(line(0, true));
        const resolved = await cli([
          ...args,
          '--resolved-at',
          iso(START + DAY_MS + 645 * MINUTE_MS),
        ]);
        expect([resolved.code, resolved.stdout]).toEqual([0, line(1, false)]);
      },
      60_000,
    );
  },
);
