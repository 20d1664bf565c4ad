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

/** A part of the spec's example answer of POST /rest/api/3/jql/parse, for clones without ../shared. */
const JQL_PARSE_EXAMPLE = {
  queries: [
    {
      query: 'summary ~ test AND labels in (urgent, blocker)',
      structure: {
        where: {
          operator: 'and',
          clauses: [
            {
              field: { name: 'summary', encodedName: 'summary' },
              operator: '~',
              operand: { value: 'test', encodedValue: 'test' },
            },
            {
              field: { name: 'labels', encodedName: 'labels' },
              operator: 'in',
              operand: {
                encodedOperand: '(urgent, blocker)',
                values: [{ value: 'urgent' }, { value: 'blocker' }],
              },
            },
          ],
        },
        orderBy: {
          fields: [{ direction: 'desc', field: { name: 'updated', encodedName: 'updated' } }],
        },
      },
    },
    {
      query: 'invalid query',
      errors: ["Error in the JQL Query: Expecting operator but got 'query'."],
    },
  ],
};

/** The spec's example answer of POST /rest/api/3/jql/parse (a JSON string in the spec), if the spec is here. */
function specJqlParseExample(): unknown {
  if (!existsSync(join(specDir, SPEC_FILES.platform))) return undefined;
  const spec = readSpec('platform') as {
    paths: Record<
      string,
      { post: { responses: Record<string, { content: Record<string, { example: string }> }> } }
    >;
  };
  const example =
    spec.paths['/rest/api/3/jql/parse']?.post.responses['200']?.content['application/json']
      ?.example;
  return example === undefined ? undefined : (JSON.parse(example) as unknown);
}

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

  it("accepts the spec's own example answer of POST /rest/api/3/jql/parse (JqlQueryClause's closed anyOf is read as its branches)", () => {
    const example = specJqlParseExample() ?? JQL_PARSE_EXAMPLE;
    const result = validateResponse('POST', '/rest/api/3/jql/parse', 200, example);
    expect(result.errors).toEqual([]);
  });

  it('still refuses a property no clause kind has in a parsed JQL clause', () => {
    const result = validateResponse('POST', '/rest/api/3/jql/parse', 200, {
      queries: [{ query: 'a = b', structure: { where: { clauses: [], operator: 'xor' } } }],
    });
    expect(result.errors.length).toBeGreaterThan(0);
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

  it('accepts the bulk issue fetch fixture the client reads (test/fixtures/jira/issue-bulkfetch.json)', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/jira/issue-bulkfetch.json', import.meta.url), 'utf8'),
    ) as { payload: unknown };
    const result = validateResponse('POST', '/rest/api/3/issue/bulkfetch', 200, fixture.payload);
    expect(result.errors).toEqual([]);
    expect(result.schemaless).toBeFalsy();
    // The example's top-level `expand` is not in BulkIssueResults (additionalProperties: false).
    const withExpand = { ...(fixture.payload as object), expand: 'schema,names' };
    expect(
      validateResponse('POST', '/rest/api/3/issue/bulkfetch', 200, withExpand).errors.length,
    ).toBeGreaterThan(0);
  });

  it('accepts the changelog fixture the sprint figures replay (test/fixtures/jira/changelog-bulkfetch.json)', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../fixtures/jira/changelog-bulkfetch.json', import.meta.url), 'utf8'),
    ) as { payload: unknown };
    const result = validateResponse(
      'POST',
      '/rest/api/3/changelog/bulkfetch',
      200,
      fixture.payload,
    );
    expect(result.errors).toEqual([]);
    expect(result.schemaless).toBeFalsy();
    // A field the spec does not know is refused (additionalProperties: false on ChangeDetails).
    const wrong = structuredClone(fixture.payload) as {
      issueChangeLogs: { changeHistories: { items: Record<string, unknown>[] }[] }[];
    };
    wrong.issueChangeLogs[0]!.changeHistories[0]!.items[0]!.value = '3';
    expect(
      validateResponse('POST', '/rest/api/3/changelog/bulkfetch', 200, wrong).errors.length,
    ).toBeGreaterThan(0);
  });
});
