import { describe, expect, it } from 'vitest';
import { memoryStore } from '../testing/memory-document-store';
import {
  migrateProjectConfigV1,
  migrateStoredProjectConfig,
  renameCategoryAlias,
} from './project-config-migration';
import { PROJECT_CONFIG_SCHEMA_VERSION } from './project-config';
import { loadProjectConfig, PROJECT_CONFIG_KIND } from './project-config-repository';

describe('renameCategoryAlias: the old JQL alias workType becomes ballastCategory', () => {
  it.each([
    ['workType = toil', 'ballastCategory = toil'],
    [
      'issuetype = Incident OR workType = reliability',
      'issuetype = Incident OR ballastCategory = reliability',
    ],
    [
      'project = SHOP AND worktype in (debt, toil)',
      'project = SHOP AND ballastCategory in (debt, toil)',
    ],
    ['(workType=debt)', '(ballastCategory=debt)'],
    ['ORDER BY workType', 'ORDER BY ballastCategory'],
  ])('rewrites the field name in %j', (jql, expected) => {
    expect(renameCategoryAlias(jql)).toBe(expected);
  });

  it.each([
    ['a quoted value', 'summary ~ "workType = toil"'],
    ['a single-quoted value with an escaped quote', "summary ~ 'it\\'s workType'"],
    ['the property path form, which stays valid', 'issue.property[ballast].workType = toil'],
    ['another word that merely contains it', 'myworkTypes = 1 AND workTypeX = 2'],
    ['JQL without it', 'issuetype = Incident'],
  ])('leaves %s as it is', (_what, jql) => {
    expect(renameCategoryAlias(jql)).toBe(jql);
  });
});

const templateWithTypeCheck = (text: string) => ({
  id: 'unclassified',
  workType: 'unclassified',
  items: [
    { id: 'work-type-set', text, required: false, kind: 'auto', check: { type: 'hasWorkType' } },
    { id: 'docs', text: 'Work type set', required: false, kind: 'manual' },
  ],
});

describe('migrateProjectConfigV1', () => {
  it('renames the alias in the incident JQL, the default DoD text, and stamps schema 2', () => {
    const v1 = {
      schemaVersion: 1,
      incidentJql: 'workType = reliability',
      dodTemplates: [templateWithTypeCheck('Work type set')],
    };
    expect(migrateProjectConfigV1(v1)).toEqual({
      schemaVersion: 2,
      incidentJql: 'ballastCategory = reliability',
      dodTemplates: [
        {
          ...templateWithTypeCheck('Category set'),
          // A manual item an admin happened to call "Work type set" is theirs: left as written.
          items: [
            templateWithTypeCheck('Category set').items[0],
            { id: 'docs', text: 'Work type set', required: false, kind: 'manual' },
          ],
        },
      ],
    });
  });

  it('keeps a DoD text the admin changed', () => {
    const v1 = { schemaVersion: 1, dodTemplates: [templateWithTypeCheck('Type chosen')] };
    expect(migrateProjectConfigV1(v1).dodTemplates).toEqual([templateWithTypeCheck('Type chosen')]);
  });

  it('is what the current schema number says', () => {
    expect(PROJECT_CONFIG_SCHEMA_VERSION).toBe(2);
  });
});

describe('migrateStoredProjectConfig: which documents are migrated', () => {
  it.each([
    ['schema 1', { schemaVersion: 1, incidentJql: 'workType = toil' }, 'ballastCategory = toil'],
    ['no version (read as 1)', { incidentJql: 'workType = toil' }, 'ballastCategory = toil'],
    // Written after the rename: `workType` there is not Ballast's old alias, so it is not touched.
    ['schema 2', { schemaVersion: 2, incidentJql: 'workType = toil' }, 'workType = toil'],
  ])('%s', (_what, stored, expectedJql) => {
    expect((migrateStoredProjectConfig(stored) as { incidentJql: string }).incidentJql).toBe(
      expectedJql,
    );
  });

  it('leaves a value that is not a document as it is (validation reports it)', () => {
    expect(migrateStoredProjectConfig('broken')).toBe('broken');
  });
});

describe('loadProjectConfig reads a version-1 document migrated, writing nothing', () => {
  it('returns the new names and keeps the stored document as it was', async () => {
    const { store } = memoryStore();
    const stored = {
      schemaVersion: 1,
      incidentJql: 'issuetype = Incident OR workType = reliability',
    };
    await store.put(PROJECT_CONFIG_KIND, 'SHOP', stored, 0, {
      accountId: 'acc-admin',
      at: new Date('2026-11-20T12:00:00Z'),
    });
    const loaded = await loadProjectConfig(store, 'SHOP');
    expect(loaded.problems).toEqual([]);
    expect(loaded.config.schemaVersion).toBe(2);
    expect(loaded.config.incidentJql).toBe('issuetype = Incident OR ballastCategory = reliability');
    expect((await store.get(PROJECT_CONFIG_KIND, 'SHOP'))?.value).toEqual(stored);
  });
});
