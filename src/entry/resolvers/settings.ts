/**
 * Resolvers of the project settings page: `settings/get`, `settings/save`, `settings/testRules`,
 * `settings/auditLog` (the override log with people's names).
 */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import { auditLogWithNames } from '../../app/people/audit-log-with-names';
import { getSettings, saveSettings, type SettingsDeps } from '../../app/project/settings';
import { testRules } from '../../app/project/test-rules';
import type { AuditLogView } from '../../contract/resolvers';
import type { SettingsView, TestRulesView } from '../../contract/settings';
import type { Clock } from '../../ports/clock';
import { readContext, readPayload } from './context';

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

function projectOf(context: { projectKey?: string }): string {
  if (!context.projectKey) {
    throw new AppError(
      'BAD_REQUEST',
      'Open Ballast settings from a project: no project in this context.',
    );
  }
  return context.projectKey;
}

export function settingsResolvers(deps: { settingsDeps: () => SettingsDeps; clock: Clock }) {
  return {
    'settings/get': (_payload: unknown, rawContext: unknown): Promise<SettingsView> =>
      getSettings(deps.settingsDeps(), projectOf(readContext(rawContext))),
    'settings/save': (payload: unknown, rawContext: unknown): Promise<SettingsView> => {
      const context = readContext(rawContext);
      const input = readPayload(saveSchema, payload);
      return saveSettings(deps.settingsDeps(), {
        projectKey: projectOf(context),
        config: input.config,
        version: input.version,
        actor: { accountId: context.accountId, at: deps.clock.now() },
      });
    },
    'settings/testRules': (payload: unknown, rawContext: unknown): Promise<TestRulesView> => {
      const context = readContext(rawContext);
      const input = readPayload(testRulesSchema, payload);
      return testRules(deps.settingsDeps(), {
        projectKey: projectOf(context),
        issueKey: input.issueKey,
        ...(input.rules === undefined ? {} : { rules: input.rules }),
      });
    },
    // Any project member may read the log (checked in listOverrides).
    'settings/auditLog': (payload: unknown, rawContext: unknown): Promise<AuditLogView> => {
      const input = readPayload(auditSchema, payload);
      return auditLogWithNames(deps.settingsDeps(), {
        projectKey: projectOf(readContext(rawContext)),
        cursor: input.cursor ?? 0,
      });
    },
  };
}
