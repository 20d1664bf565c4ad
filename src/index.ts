// The handlers named in manifest.yml, and nothing else (see manifest.yml `function:` entries).
import { buildResolver } from './entry/resolvers';

export const resolver = buildResolver();
export { dodValidator } from './entry/validators/dod-validator';
export { gateValidator } from './entry/validators/gate-validator';
export { onIssueChanged } from './entry/triggers/issue-changed';
export {
  onSprintClosedEvent,
  onSprintStartedEvent,
} from './entry/triggers/sprint-lifecycle';
export { metricsConsumer } from './entry/consumers/metrics-consumer';
export { refreshMetricsHourly } from './entry/scheduled/metrics-refresh';
export { refreshSuggestionModelsHourly } from './entry/scheduled/suggestion-model';
export { onSliPush } from './entry/webtriggers/sli-push';
export { onDeploymentPush } from './entry/webtriggers/deployment-push';
export { onIncidentPush } from './entry/webtriggers/incident-push';
export { onGateCheck } from './entry/webtriggers/gate-check';
export { onSloRefresh } from './entry/scheduled/slo-refresh';
export { onPostmortemCheck } from './entry/scheduled/postmortems';
export { onIssueRefresh } from './entry/scheduled/issue-refresh';
export { workTypeFieldValue } from './entry/fields/work-type-value';
export { onPersonalDataReport } from './entry/scheduled/personal-data';
