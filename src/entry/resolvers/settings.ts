/** Resolvers of the project settings page: `settings/get`, `settings/save`. */
import { z } from 'zod';
import { AppError } from '../../app/errors';
import { getSettings, saveSettings, type SettingsDeps } from '../../app/project/settings';
import type { SettingsView } from '../../contract/settings';
import type { Clock } from '../../ports/clock';
import { readContext, readPayload } from './context';

const saveSchema = z.object({ config: z.unknown(), version: z.number().int().min(0) });

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
  };
}
