import { ADMIN_ACCOUNT_ID, MEMBER_ACCOUNT_ID } from '../sandbox/jira';
import { withAppHost } from './app-host';
import { shapePlannerState } from './planner-state';
const ANCHOR = new Date('2026-11-20T12:00:00Z');
await withAppHost(async ({ jira, host }) => {
  shapePlannerState(jira, { projectKey: 'SHOP', sprintId: 50, overflowSprintId: 49, sprintItems: 500, backlogItems: 5000 });
  const a = await host.invokeResolver({ moduleKey: 'ballast-planner-sprint', functionKey: 'planner/evaluate', payload: { sprintId: 50, withProposal: false }, accountId: MEMBER_ACCOUNT_ID,
    extension: { type: 'jira:sprintAction', project: { key: 'SHOP' }, board: { id: 1 }, sprint: { id: 50 } } });
  console.error('ok', (a as any).ok);
}, { anchor: ANCHOR, size: 'large' });
for (const size of ['large', 'huge'] as const) {
await withAppHost(async ({ host }) => {
  const resolve = async (functionKey: string, accountId: string, payload: unknown = {}) => (await host.invokeResolver({ moduleKey: 'ballast-project-page', functionKey, accountId, payload, extension: { type: 'jira:projectPage', project: { key: 'SHOP' } } })) as any;
  const settings = await resolve('settings/get', ADMIN_ACCOUNT_ID);
  await resolve('settings/save', ADMIN_ACCOUNT_ID, { config: { ...settings.data.config, board: { boardId: 1, estimationFieldId: null } }, version: settings.data.version });
  const outcomes = await host.deliverEvent('ballast-metrics-refresh', { projectKey: 'SHOP' });
  console.error(size, outcomes.every((o: any) => o.ok));
}, { anchor: ANCHOR, size });
}
process.exit(0);
