/**
 * The parts of Jira's REST responses Ballast reads, as zod schemas (checked against the OpenAPI specs
 * in ../shared/jira-openapi by the contract tests). Objects are loose: Jira adds fields freely, and we
 * read only what we use.
 */
import { z } from 'zod';

const named = z.looseObject({ name: z.string() });

export const issueTypeSchema = z.looseObject({
  name: z.string(),
  subtask: z.boolean().optional(),
});

export const statusSchema = z.looseObject({
  id: z.string().optional(),
  name: z.string(),
  statusCategory: z.looseObject({ key: z.string() }).optional(),
});

const linkedIssue = z.looseObject({ key: z.string() });

export const issueLinkSchema = z.looseObject({
  type: z.looseObject({
    name: z.string(),
    inward: z.string().optional(),
    outward: z.string().optional(),
  }),
  inwardIssue: linkedIssue.optional(),
  outwardIssue: linkedIssue.optional(),
});

/** Fields are optional because Ballast asks only for those it needs in each call. */
export const issueFieldsSchema = z.looseObject({
  summary: z.string().optional(),
  issuetype: issueTypeSchema.optional(),
  /** `simplified` is true for team-managed projects, which have no workflow validators. */
  project: z.looseObject({ key: z.string(), simplified: z.boolean().optional() }).optional(),
  labels: z.array(z.string()).optional(),
  components: z.array(named).optional(),
  priority: named.nullable().optional(),
  status: statusSchema.optional(),
  /** UserDetails (platform.v3.json); null when unassigned. `displayName` may be hidden by privacy. */
  assignee: z
    .looseObject({ accountId: z.string().optional(), displayName: z.string().optional() })
    .nullable()
    .optional(),
  created: z.string().optional(),
  resolutiondate: z.string().nullable().optional(),
  /** The due date, a calendar day ("2026-03-10"; IssueBean fields, the `duedate` system field). */
  duedate: z.string().nullable().optional(),
  timeoriginalestimate: z.number().nullable().optional(),
  parent: z
    .looseObject({
      key: z.string(),
      fields: z.looseObject({ issuetype: issueTypeSchema.optional() }).optional(),
    })
    .optional(),
  subtasks: z
    .array(
      z.looseObject({
        key: z.string(),
        fields: z.looseObject({ status: statusSchema.optional() }).optional(),
      }),
    )
    .optional(),
  issuelinks: z.array(issueLinkSchema).optional(),
});

export const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: issueFieldsSchema.default({}),
  properties: z.record(z.string(), z.unknown()).optional(),
});
export type JiraIssue = z.infer<typeof issueSchema>;

/** POST /rest/api/3/search/jql — SearchAndReconcileResults: pages by nextPageToken. */
export const searchPageSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

/** POST /rest/api/3/search/jql with only ids asked for: `{ id }` per issue, 5,000 a page at most. */
export const idPageSchema = z.looseObject({
  issues: z.array(z.looseObject({ id: z.string() })).default([]),
  nextPageToken: z.string().nullable().optional(),
  isLast: z.boolean().optional(),
});

/**
 * POST /rest/api/3/issue/bulkfetch — BulkIssueResults (platform.v3.json): the issues Jira could
 * return, in ascending id order, and `issueErrors` for those it could not "due to a retriable error
 * or payload constraint" (issues missing or hidden from the caller are in neither list).
 */
export const bulkIssuesSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  issueErrors: z
    .array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() }))
    .default([]),
});

export const sprintSchema = z.looseObject({
  id: z.number(),
  name: z.string(),
  state: z.enum(['future', 'active', 'closed']),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  completeDate: z.string().optional(),
  originBoardId: z.number().optional(),
  goal: z.string().optional(),
});
export type JiraSprint = z.infer<typeof sprintSchema>;

/** Agile list pages: startAt/maxResults/isLast. */
export const sprintPageSchema = z.looseObject({
  values: z.array(sprintSchema),
  isLast: z.boolean().optional(),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
});

/** Agile issue lists (sprint issues, backlog): startAt/maxResults/total. */
export const agileIssuePageSchema = z.looseObject({
  issues: z.array(issueSchema).default([]),
  startAt: z.number().optional(),
  maxResults: z.number().optional(),
  total: z.number().optional(),
});

/** GET /rest/agile/1.0/board/{boardId}/configuration — the estimation field is discovered here. */
export const boardConfigurationSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  estimation: z
    .looseObject({
      type: z.string(),
      field: z.looseObject({ fieldId: z.string(), displayName: z.string().optional() }).optional(),
    })
    .optional(),
  ranking: z.looseObject({ rankCustomFieldId: z.number() }).optional(),
});
export type BoardConfiguration = z.infer<typeof boardConfigurationSchema>;

export const entityPropertySchema = z.looseObject({ key: z.string(), value: z.unknown() });

export const transitionsSchema = z.looseObject({
  transitions: z.array(
    z.looseObject({
      id: z.string(),
      name: z.string(),
      to: statusSchema.optional(),
    }),
  ),
});

export type Transition = z.infer<typeof transitionsSchema>['transitions'][number];

/** GET /rest/api/3/mypermissions — permissions keyed by their key, each with havePermission. */
export const myPermissionsSchema = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })),
});

export const commentSchema = z.looseObject({ id: z.string() });

/**
 * A change item without `toString` (Jira leaves out empty values, e.g. an issue moved out of every
 * sprint) would otherwise be read through the prototype: zod sees Object.prototype.toString, a
 * function, and refuses the whole page. An absent value is null.
 */
function ownToString(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.hasOwn(value, 'toString') ? value : { ...value, toString: null };
}

/** POST /rest/api/3/changelog/bulkfetch — BulkChangelogResponseBean. */
export const changelogPageSchema = z.looseObject({
  issueChangeLogs: z
    .array(
      z.looseObject({
        issueId: z.string(),
        changeHistories: z
          .array(
            z.looseObject({
              id: z.string().optional(),
              created: z.union([z.string(), z.number()]).optional(),
              items: z
                .array(
                  z.preprocess(
                    ownToString,
                    z.looseObject({
                      field: z.string().optional(),
                      fieldId: z.string().optional(),
                      from: z.string().nullable().optional(),
                      fromString: z.string().nullable().optional(),
                      to: z.string().nullable().optional(),
                      toString: z.string().nullable().optional(),
                    }),
                  ),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
  nextPageToken: z.string().nullable().optional(),
});
export type ChangelogPage = z.infer<typeof changelogPageSchema>;

/** GET /rest/api/3/field — FieldDetails[]; Forge fields name their module in `schema.custom`. */
export const fieldListSchema = z.array(
  z.looseObject({
    id: z.string(),
    key: z.string().optional(),
    name: z.string(),
    schema: z.looseObject({ custom: z.string().optional() }).optional(),
  }),
);

export type JiraField = z.infer<typeof fieldListSchema>[number];

/** GET /rest/agile/1.0/board/{boardId} — the board and the project it belongs to. */
export const boardSchema = z.looseObject({
  id: z.number(),
  name: z.string().optional(),
  location: z
    .looseObject({ projectKey: z.string().optional(), projectId: z.number().optional() })
    .optional(),
});

export type JiraBoard = z.infer<typeof boardSchema>;

/** GET /rest/api/3/project/{projectIdOrKey} — Project.issueTypes, "the issue types available in the project". */
export const projectIssueTypesSchema = z.looseObject({
  issueTypes: z.array(issueTypeSchema).default([]),
});

/**
 * GET /rest/api/3/project/search — PageBeanProject (platform.v3.json): `values` are Project beans
 * (`id` and `key` strings, `projectTypeKey` e.g. "software"), `isLast` says whether more pages follow.
 */
export const projectSearchPageSchema = z.looseObject({
  isLast: z.boolean().optional(),
  values: z
    .array(
      z.looseObject({
        id: z.string(),
        key: z.string(),
        name: z.string(),
        projectTypeKey: z.string().optional(),
      }),
    )
    .default([]),
});

export type JiraProjectSummary = z.infer<typeof projectSearchPageSchema>['values'][number];

/** GET /rest/api/3/issueLinkType — IssueLinkTypes: every link type of the site. */
export const issueLinkTypesSchema = z.looseObject({
  issueLinkTypes: z.array(
    z.looseObject({
      name: z.string(),
      inward: z.string().optional(),
      outward: z.string().optional(),
    }),
  ),
});
export type JiraIssueLinkType = z.infer<typeof issueLinkTypesSchema>['issueLinkTypes'][number];

/** POST /rest/api/3/issue — CreatedIssue. */
export const createdIssueSchema = z.looseObject({ id: z.string(), key: z.string() });

/**
 * POST /rest/api/3/jql/parse — ParsedJqlQueries (platform.v3.json). A clause of the `where` tree is
 * a CompoundClause (`operator` and/or/not with `clauses`) or a field clause (FieldValueClause,
 * FieldWasClause, FieldChangedClause: `field`, `operator`, maybe `operand`); only what Ballast
 * checks is typed, the rest passes through.
 */
export interface JqlClauseTree {
  readonly clauses?: readonly JqlClauseTree[];
  readonly operator?: string;
  readonly field?: { readonly name: string };
  readonly operand?: unknown;
}
export const jqlClauseSchema: z.ZodType<JqlClauseTree> = z.lazy(() =>
  z.looseObject({
    clauses: z.array(jqlClauseSchema).optional(),
    operator: z.string().optional(),
    field: z.looseObject({ name: z.string() }).optional(),
    operand: z.unknown().optional(),
  }),
);
export const parsedJqlQueriesSchema = z.looseObject({
  queries: z.array(
    z.looseObject({
      query: z.string(),
      structure: z
        .looseObject({
          where: jqlClauseSchema.optional(),
          orderBy: z
            .looseObject({
              fields: z.array(
                z.looseObject({
                  field: z.looseObject({ name: z.string() }),
                  direction: z.string().optional(),
                }),
              ),
            })
            .optional(),
        })
        .optional(),
      errors: z.array(z.string()).optional(),
      warnings: z.array(z.string()).optional(),
    }),
  ),
});
export type ParsedJql = z.infer<typeof parsedJqlQueriesSchema>['queries'][number];
