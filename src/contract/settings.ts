/** The project settings page: the configuration document, its version (for conflicts) and who may edit. */
import type { ProjectConfig } from '../app/project/project-config';

export interface SettingsView {
  readonly projectKey: string;
  readonly config: ProjectConfig;
  /** Send back with a save; a save against an older version is refused as a conflict. */
  readonly version: number;
  readonly canEdit: boolean;
  /** Problems found in the stored configuration (the valid parts are in use). */
  readonly problems: readonly string[];
}

export interface SaveSettingsRequest {
  /** The whole edited configuration; absent parts take the defaults. */
  readonly config: unknown;
  readonly version: number;
}
