import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildExtract,
  extractPath,
  readSpec,
  SPEC_FILES,
  specDir,
} from '../../scripts/extract-openapi';
import { findOperation, validateComponent, validateResponse } from './openapi';

const specsPresent = Object.values(SPEC_FILES).every((file) => existsSync(join(specDir, file)));

describe('the committed OpenAPI extract', () => {
  it.runIf(specsPresent)(
    'matches what scripts/extract-openapi.ts builds from ../shared/jira-openapi',
    () => {
      const committed: unknown = JSON.parse(readFileSync(extractPath, 'utf8'));
      const fresh = buildExtract(readSpec('platform'), readSpec('software'));
      // Compared as data, so reformatting the file does not make it stale.
      expect(committed, 'stale: run `npx tsx scripts/extract-openapi.ts` and commit').toEqual(
        fresh,
      );
    },
  );

  it.skipIf(specsPresent)(
    `cannot be checked for staleness: ${specDir} is absent (the contract tests use the committed extract)`,
    () => undefined,
  );
});

describe('findOperation', () => {
  it.each([
    ['GET', '/rest/api/3/issue/SHOP-12', '/rest/api/3/issue/{issueIdOrKey}', 'platform'],
    [
      'POST',
      '/rest/api/3/issue/properties/multi',
      '/rest/api/3/issue/properties/multi',
      'platform',
    ],
    [
      'GET',
      '/rest/agile/1.0/board/7/sprint?state=active',
      '/rest/agile/1.0/board/{boardId}/sprint',
      'software',
    ],
    [
      'PUT',
      '/rest/api/3/issue/10001/properties/ballast',
      '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'platform',
    ],
  ])('maps %s %s to the templated path %s of the %s spec', (method, path, template, spec) => {
    const found = findOperation(method, path);
    expect(found?.path).toBe(template);
    expect(found?.spec).toBe(spec);
  });

  it('decodes path parameters', () => {
    expect(findOperation('GET', '/rest/api/3/issue/SHOP-1/properties/a%20b')?.pathParams).toEqual({
      issueIdOrKey: 'SHOP-1',
      propertyKey: 'a b',
    });
  });

  it('finds nothing for the removed GET /rest/api/3/search/approximate-count (POST only)', () => {
    expect(findOperation('GET', '/rest/api/3/search/approximate-count')).toBeUndefined();
  });
});

describe('validateResponse', () => {
  it('accepts a body that fits the schema', () => {
    const result = validateResponse('POST', '/rest/api/3/search/approximate-count', 200, {
      count: 3,
    });
    expect(result).toMatchObject({ ok: true, errors: [], schemaless: false });
  });

  it('names an unexpected property and where it is', () => {
    const result = validateResponse('GET', '/rest/api/3/issue/SHOP-1', 200, {
      id: '1',
      extra: true,
    });
    expect(result.errors).toEqual([
      "GET /rest/api/3/issue/{issueIdOrKey} (platform) 200: (body) must NOT have additional properties 'extra'",
    ]);
  });

  it('names a wrongly typed nested value', () => {
    const result = validateResponse('POST', '/rest/api/3/search/approximate-count', 200, {
      count: 'three',
    });
    expect(result.errors).toEqual([
      'POST /rest/api/3/search/approximate-count (platform) 200: /count must be integer',
    ]);
  });

  it('refuses a status the spec does not document', () => {
    const result = validateResponse('GET', '/rest/api/3/myself', 418, {});
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toContain('does not document status 418');
  });

  it('says when the spec has no schema for the status', () => {
    const result = validateResponse('GET', '/rest/agile/1.0/sprint/1', 200, {});
    expect(result).toMatchObject({ ok: true, schemaless: true });
  });

  it('accepts Jira timestamps with and without a colon in the offset', () => {
    const sprint = {
      id: 1,
      name: 'S1',
      state: 'closed',
      startDate: '2025-01-01T09:00:00.000+0000',
    };
    expect(validateComponent('software', 'SprintBean', sprint)).toEqual([]);
    const changelog = {
      issueChangeLogs: [
        { issueId: '1', changeHistories: [{ id: '1', created: '2025-01-01T09:00:00.000+01:00' }] },
      ],
    };
    expect(
      validateResponse('POST', '/rest/api/3/changelog/bulkfetch', 200, changelog).errors,
    ).toEqual([]);
  });
});
