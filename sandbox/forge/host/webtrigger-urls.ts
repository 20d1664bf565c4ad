/**
 * `webTrigger.getUrl / queryUrls / deleteUrl` from @forge/api go to the platform's GraphQL API
 * (`__requestAtlassianAsApp('/graphql')`, node_modules/@forge/api/out/webTrigger.js). The sandbox
 * answers those three operations with its own URLs, `<base>/x1/<moduleKey>`.
 */
import { z } from 'zod';
import { WEB_TRIGGER_PREFIX } from './webtrigger';

const graphqlBody = z.object({
  query: z.string(),
  variables: z
    .looseObject({ input: z.looseObject({ triggerKey: z.string() }).optional() })
    .optional(),
});

const json = (body: unknown, status = 200): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export function answerWebTriggerGraphql(
  baseUrl: () => string,
  webTriggerKeys: () => string[],
  init: RequestInit | undefined,
): Response {
  const parsed = graphqlBody.safeParse(
    JSON.parse(typeof init?.body === 'string' ? init.body : '{}'),
  );
  if (!parsed.success) return json({ errors: [{ message: 'Malformed GraphQL request.' }] }, 400);
  const { query, variables } = parsed.data;
  const urlOf = (key: string) => `${baseUrl()}${WEB_TRIGGER_PREFIX}${encodeURIComponent(key)}`;
  if (query.includes('createWebTriggerUrl')) {
    const key = variables?.input?.triggerKey;
    if (key === undefined || !webTriggerKeys().includes(key))
      return json({
        data: { createWebTriggerUrl: null },
        errors: [{ message: `No web trigger ${key ?? ''}.` }],
      });
    return json({ data: { createWebTriggerUrl: { url: urlOf(key) } } });
  }
  if (query.includes('webTriggerUrlsByAppContext'))
    return json({
      data: {
        webTriggerUrlsByAppContext: webTriggerKeys().map((key) => ({
          triggerKey: key,
          url: urlOf(key),
        })),
      },
    });
  if (query.includes('deleteWebTriggerUrl'))
    // The sandbox's URLs are derived from the module key; there is nothing to revoke.
    return json({ data: { deleteWebTriggerUrl: { success: true, message: null } } });
  return json(
    { errors: [{ message: 'The sandbox answers only the web trigger URL operations.' }] },
    400,
  );
}
