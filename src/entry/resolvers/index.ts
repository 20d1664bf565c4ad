// The named export works under every module loader; the default export of this CommonJS package
// is not a constructor under plain Node ESM.
import { makeResolver } from '@forge/resolver';
import { ForgeDocumentStore } from '../../adapters/forge/kvs/document-store';
import { jiraAsUser } from '../../adapters/forge/jira/forge-transport';
import type { ResolverKey } from '../../contract/resolvers';
import { systemClock } from '../../ports/clock';
import { gateResolvers } from './gate';
import { issueResolvers } from './issue';
import { about } from './meta';
import { plannerResolvers } from './planner';
import { portfolioResolvers } from './portfolio';
import { projectPageResolvers } from './project-page';
import { ForgeKeyValueStore } from '../../adapters/forge/kvs/key-value-store';
import { ForgeRefreshQueue } from '../../adapters/forge/events/refresh-queue';
import { projectDataResolvers } from './project-data';
import { settingsResolvers } from './settings';
import { sloResolvers } from './slo';
import { pushUrls } from '../webtriggers/push-urls';
import { respond } from './respond';
import { refuseChangeWithoutLicence } from './licence-guard';
import { notifyResolvers } from './notify';
import { extraWebhookOrigins, projectPageUrl } from '../../adapters/forge/app-links';
import { ForgeNoticeQueue } from '../../adapters/forge/events/notice-queue';

type Handler = (payload: unknown, context: unknown) => unknown;

// What a person asked to see or change goes to Jira as that person: Jira enforces their permissions.
const asUser = () => ({ jira: jiraAsUser(), store: new ForgeDocumentStore() });

/** All resolver keys of src/contract/resolvers.ts, each wrapped in the response envelope. */
export function buildResolver(): ReturnType<typeof makeResolver> {
  const handlers: Record<ResolverKey, Handler> = {
    'meta/about': () => about(),
    ...issueResolvers({
      issueDeps: asUser,
      kv: () => new ForgeKeyValueStore(),
      clock: systemClock,
    }),
    ...settingsResolvers({ settingsDeps: asUser, clock: systemClock }),
    ...projectDataResolvers({
      dataDeps: () => {
        const kv = new ForgeKeyValueStore();
        return { ...asUser(), kv, secrets: kv };
      },
      clock: systemClock,
    }),
    ...projectPageResolvers({
      serveDeps: () => ({
        jira: jiraAsUser(),
        kv: new ForgeKeyValueStore(),
        store: new ForgeDocumentStore(),
        clock: systemClock,
        queue: new ForgeRefreshQueue(),
      }),
    }),
    ...sloResolvers({
      sloDeps: () => ({ ...asUser(), kv: new ForgeKeyValueStore() }),
      pushDeps: () => ({ jira: jiraAsUser(), secrets: new ForgeKeyValueStore(), urls: pushUrls }),
      clock: systemClock,
    }),
    ...plannerResolvers({
      plannerDeps: () => ({ ...asUser(), kv: new ForgeKeyValueStore(), clock: systemClock }),
    }),
    ...notifyResolvers({
      notifyDeps: () => {
        const kv = new ForgeKeyValueStore();
        return {
          ...asUser(),
          kv,
          secrets: kv,
          queue: new ForgeNoticeQueue(),
          extraWebhookOrigins: extraWebhookOrigins(),
        };
      },
      clock: systemClock,
      pageUrl: projectPageUrl,
    }),
    ...portfolioResolvers({
      portfolioDeps: () => ({ ...asUser(), kv: new ForgeKeyValueStore(), clock: systemClock }),
    }),
    ...gateResolvers({
      gateDeps: () => ({ ...asUser(), kv: new ForgeKeyValueStore(), clock: systemClock }),
    }),
  };
  return makeResolver(
    Object.fromEntries(
      Object.entries(handlers).map(([key, handler]) => [
        key,
        (request: { payload: unknown; context: unknown }) =>
          respond(() => {
            refuseChangeWithoutLicence(key as ResolverKey, request.context);
            return handler(request.payload, request.context);
          }),
      ]),
    ),
  );
}
