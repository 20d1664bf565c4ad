/**
 * Export and delete of a project's Ballast data on the sandbox (issue #24 item 4): Ada (project
 * admin and Jira admin) imports SLOs, pushes an outage that freezes SHOP, records a freeze override;
 * another project's data sits beside it. Marco (a member) may not see, export or delete anything.
 * Ada's export holds the settings, the SLOs, the audit log and the overrides; deleting needs the
 * project key typed again, and afterwards nothing in Forge storage belongs to SHOP — every key and
 * document is scanned — nor is there a `ballast` property on its issues, while the other project's data is untouched. An install event after the
 * data was stored makes the settings say the data comes from a previous installation.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../../sandbox/jira';
import { ForgeDocumentStore } from '../../src/adapters/forge/kvs/document-store';
import { ForgeKeyValueStore } from '../../src/adapters/forge/kvs/key-value-store';
import type { Envelope } from '../../src/contract/envelope';
import type {
  DeleteProjectDataView,
  ProjectDataView,
  ProjectExport,
  ProjectsUsingBallastView,
} from '../../src/contract/project-data';
import { startAppSandbox, type AppSandbox } from '../support/app-sandbox';
import { freezeCheckout } from '../support/checkout-outage';
import { dataOf, plannerCaller } from './planner-support';

let sandbox: AppSandbox;
let closeListener: () => Promise<void>;
const actor = { accountId: ADMIN_ACCOUNT_ID, at: new Date() };

async function call<T>(
  key: string,
  accountId: string,
  payload: unknown = {},
): Promise<Envelope<T>> {
  return (await sandbox.host.invokeResolver({
    moduleKey: 'ballast-project-settings',
    functionKey: key,
    payload,
    accountId,
    extension: { project: { key: 'SHOP' } },
  })) as Envelope<T>;
}
const asAda = async <T>(key: string, payload: unknown = {}) =>
  dataOf(await call<T>(key, ADMIN_ACCOUNT_ID, payload));

/** Every Forge storage key and document key that names SHOP or one of its SLOs. */
function shopTraces(sloNames: readonly string[]): string[] {
  const { kv, entities } = sandbox.host.kvs.store.state;
  const documents = Object.entries(entities['ballast-document'] ?? {});
  const names = (text: string) => /SHOP/.test(text) || sloNames.some((slo) => text.includes(slo));
  return [
    ...Object.entries(kv)
      .filter(([key, value]) => names(key) || names(JSON.stringify(value)))
      .map(([key]) => key),
    ...documents
      .filter(([key, record]) => names(key) || names(JSON.stringify(record)))
      .map(([key]) => `document ${key}`),
  ].sort();
}

/**
 * What may still name SHOP after its data is deleted: site-wide records that are not one
 * project's (src/app/project/project-records.ts) — deployments and incidents pushed for the site.
 */
const SITE_WIDE = /^(deploy:|deploy-id:|incident:|sli-batch:)/;

beforeAll(async () => {
  sandbox = await startAppSandbox();
  const listener = await sandbox.host.listen();
  closeListener = () => listener.close();
  await freezeCheckout(sandbox, listener.url);
  dataOf(
    await plannerCaller(sandbox.host)(
      'gate/recordOverride',
      { reason: 'Launch agreed with the CTO', hours: 4 },
      ADMIN_ACCOUNT_ID,
    ),
  );
  // Another project's configuration and SLI data: delete must leave them.
  await sandbox.host.runtime.runInvocation({ moduleKey: 'project-data-test' }, async () => {
    const config: unknown = JSON.parse(
      readFileSync('test/fixtures/stored/project-config.v2.json', 'utf8'),
    );
    await new ForgeDocumentStore().put('project-config', 'OPS', config, 0, actor);
    await new ForgeKeyValueStore().set('sli-day:ops-availability:2026-11-19', {
      v: 1,
      intervals: [],
    });
  });
});

afterAll(async () => {
  await closeListener();
  await sandbox.close();
});

describe("a project's Ballast data", () => {
  it('is neither shown, exported nor deleted for a member, and the project list is for Jira admins', async () => {
    for (const key of ['projectData/get', 'projectData/export', 'projectData/projects']) {
      const answer = await call(key, MEMBER_ACCOUNT_ID);
      expect(answer.ok ? 'ok' : answer.error.code, key).toBe('FORBIDDEN');
    }
    const deleted = await call('projectData/delete', MEMBER_ACCOUNT_ID, { confirm: 'SHOP' });
    expect(deleted.ok ? 'ok' : deleted.error.code).toBe('FORBIDDEN');
    const view = await asAda<ProjectDataView>('projectData/get');
    expect(view.documents).toBeGreaterThan(0);
  });

  it('is listed among the projects using Ballast, for a Jira admin', async () => {
    const { projects } = await asAda<ProjectsUsingBallastView>('projectData/projects');
    expect(projects.map((p) => p.projectKey)).toEqual(['OPS', 'SHOP']);
  });

  it('exports as one file: settings, SLOs as OpenSLO, the audit log and the overrides', async () => {
    const view = await asAda<ProjectDataView>('projectData/get');
    const file = await asAda<ProjectExport>('projectData/export');
    expect(file.format).toBe('ballast-project-export');
    expect(file.slosOpenSlo).toContain('name: checkout-availability');
    // The SLO import is in the audit log (the freeze override lives in its own document).
    expect(
      file.auditLog.map((e) => ('change' in e ? e.change.kind : (e.kind ?? 'override'))),
    ).toContain('slo-import');
    expect(
      (file.freezeOverrides as { entries: { reason: string }[] }).entries.map((e) => e.reason),
    ).toEqual(['Launch agreed with the CTO']);
    // Every document and every record is in the file, or counted as bulk data left out.
    expect(file.documents).toHaveLength(view.documents);
    const leftOut = file.notIncluded.reduce((sum, n) => sum + n.count, 0);
    expect(file.records.length + leftOut).toBe(view.records);
    expect(file.records.map((r) => r.key)).toContain('slo-status:checkout-availability');
    // The exported SLOs import again as they are (the OpenSLO file is the SLO editor's own format).
    expect(JSON.stringify(file)).not.toContain('ops-availability');
  });

  it('says when the stored data predates this installation', async () => {
    expect((await asAda<ProjectDataView>('projectData/get')).previousInstallation).toBeNull();
    const event = JSON.parse(
      readFileSync('test/fixtures/forge/events/app-installed.json', 'utf8'),
    ) as Record<string, unknown>;
    await sandbox.host.runProductEvent('avi:forge:installed:app', event);
    const view = await asAda<ProjectDataView>('projectData/get');
    expect(view.previousInstallation?.dataFrom).toBe(view.firstStoredAt);
    expect(view.previousInstallation!.installedAt > view.firstStoredAt!).toBe(true);
  });

  it('is not deleted without the project key typed again', async () => {
    const before = await asAda<ProjectDataView>('projectData/get');
    const refused = await call('projectData/delete', ADMIN_ACCOUNT_ID, { confirm: 'SHOPX' });
    expect(refused.ok ? null : [refused.error.code, refused.error.field]).toEqual([
      'BAD_REQUEST',
      'confirm',
    ]);
    const after = await asAda<ProjectDataView>('projectData/get');
    expect([after.documents, after.records]).toEqual([before.documents, before.records]);
  });

  it('is deleted completely: nothing in Forge storage names SHOP but site-wide pushes', async () => {
    const before = await asAda<ProjectDataView>('projectData/get');
    const file = await asAda<ProjectExport>('projectData/export');
    const slos = [...file.slosOpenSlo!.matchAll(/^ {2}name: (\S+)$/gm)].map((m) => m[1]!);
    expect(slos.length).toBeGreaterThan(0);
    expect(shopTraces(slos).filter((k) => !SITE_WIDE.test(k)).length).toBeGreaterThan(0);

    const withProperty = () =>
      sandbox.jira.state.issues
        .filter((i) => i.key.startsWith('SHOP-') && i.properties.ballast !== undefined)
        .map((i) => i.key);
    const properties = withProperty().length;
    expect(properties).toBeGreaterThan(0);
    const result = await asAda<DeleteProjectDataView>('projectData/delete', { confirm: 'shop' });
    expect(result).toEqual({
      deletedDocuments: before.documents,
      deletedRecords: before.records,
      deletedIssueProperties: properties,
      complete: true,
    });
    // The category and DoD ticks Ballast kept on the issues are gone too, once the triggers settle.
    await sandbox.host.idle();
    expect(withProperty()).toEqual([]);
    expect(shopTraces(slos).filter((k) => !SITE_WIDE.test(k))).toEqual([]);
    const { projects } = await asAda<ProjectsUsingBallastView>('projectData/projects');
    expect(projects.map((p) => p.projectKey)).toEqual(['OPS']);
    const kv = sandbox.host.kvs.store.state.kv;
    expect(Object.keys(kv)).toContain('sli-day:ops-availability:2026-11-19');
    const settings = await asAda<ProjectDataView>('projectData/get');
    expect([settings.documents, settings.records]).toEqual([0, 0]);
  });
});
