/**
 * Resolvers of the project settings page: `settings/get`, `settings/save`, `settings/testRules`,
 * `settings/auditLog` (the override log with people's names).
 */
import { z } from 'zod';
import { auditLogWithNames } from '../../app/people/audit-log-with-names';
import { getSettings, saveSettings, type SettingsDeps } from '../../app/project/settings';
import { testRules } from '../../app/project/test-rules';
import type { AuditLogView } from '../../contract/resolvers';
import type { SettingsView, TestRulesView } from '../../contract/settings';
import type { Clock } from '../../ports/clock';
import { projectContext, readPayload } from './context';

const saveSchema = z.object({ config: z.unknown(), version: z.number().int().min(0) });
const testRulesSchema = z.object({
  issueKey: z
    .string({ error: 'is required' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/, { error: 'must be an issue key like SHOP-42' }),
  rules: z.unknown().optional(),
});

const auditSchema = z.object({ cursor: z.number().int().min(0).optional() });

const projectOf = (raw: unknown) => projectContext(raw, 'Ballast settings from a project');

export function settingsResolvers(deps: { settingsDeps: () => SettingsDeps; clock: Clock }) {
  return {
    'settings/get': (_payload: unknown, rawContext: unknown): Promise<SettingsView> =>
      getSettings(deps.settingsDeps(), projectOf(rawContext).projectKey),
    'settings/save': (payload: unknown, rawContext: unknown): Promise<SettingsView> => {
      const context = projectOf(rawContext);
      const input = readPayload(saveSchema, payload);
      return saveSettings(deps.settingsDeps(), {
        projectKey: context.projectKey,
        config: input.config,
        version: input.version,
        actor: { accountId: context.accountId, at: deps.clock.now() },
      });
    },
    'settings/testRules': (payload: unknown, rawContext: unknown): Promise<TestRulesView> => {
      const context = projectOf(rawContext);
      const input = readPayload(testRulesSchema, payload);
      return testRules(deps.settingsDeps(), {
        projectKey: context.projectKey,
        issueKey: input.issueKey,
        ...(input.rules === undefined ? {} : { rules: input.rules }),
      });
    },
    // Any project member may read the log (checked in listOverrides).
    'settings/auditLog': (payload: unknown, rawContext: unknown): Promise<AuditLogView> => {
      const input = readPayload(auditSchema, payload);
      return auditLogWithNames(deps.settingsDeps(), {
        projectKey: projectOf(rawContext).projectKey,
        cursor: input.cursor ?? 0,
      });
    },
  };
}
