/** Every Jira route the emulator serves; the contract test checks each against the OpenAPI specs. */
import { Router } from '../http/router';
import { agileBoardRoutes } from './agile-board';
import { agileEstimationRoutes } from './agile-estimation';
import { agileSprintRoutes } from './agile-sprint';
import { bulkFetchRoutes } from './bulk-fetch';
import { changelogRoutes } from './changelog';
import { commentRoutes } from './comments';
import type { JiraContext } from './context';
import { fieldRoutes } from './fields';
import { issueRoutes } from './issue';
import { jqlParseRoutes } from './jql-parse';
import { metaRoutes } from './meta';
import { notifyRoutes, type QueuedEmail } from './notify';
import { propertyRoutes } from './properties';
import { searchRoutes } from './search';
import { transitionRoutes } from './transitions';
import { userRoutes } from './users';

/** `mail`: where "Send notification for issue" queues its emails (routes/notify.ts). */
export function jiraRouter(mail: QueuedEmail[] = []): Router<JiraContext> {
  return new Router<JiraContext>().add(
    ...searchRoutes,
    ...jqlParseRoutes,
    ...bulkFetchRoutes,
    ...issueRoutes,
    ...transitionRoutes,
    ...propertyRoutes,
    ...commentRoutes,
    ...notifyRoutes(mail),
    ...changelogRoutes,
    ...fieldRoutes,
    ...metaRoutes,
    ...userRoutes,
    ...agileBoardRoutes,
    ...agileSprintRoutes,
    ...agileEstimationRoutes,
  );
}
