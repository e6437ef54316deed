// The settings a document runs with: its folder's .sysdesign/config.jsonc first, then the `systemDesign.*`
// settings, then defaults, resolved by the core (the CLI resolves the same file the same way). Bad setting
// values fall back to defaults with one warning each; the config file's problems are shown on the file.
import * as vscode from 'vscode';
import { resolveDesignConfig, type ConfigLayer, type DesignConfig } from '../core/config/designConfig';
import type { ProjectConfigs } from './projectConfig';

export const SECTION = 'systemDesign';
export { DEFAULT_FRAMEWORKS_FOLDER } from '../core/config/designConfig';
export const SETTINGS_SOURCE = 'VS Code settings';

export type DesignSettings = DesignConfig;

let projectConfigs: ProjectConfigs | undefined;

/** Set at activation: where each folder's config file is kept. */
export function useProjectConfigs(configs: ProjectConfigs | undefined): void {
  projectConfigs = configs;
}

const warned = new Set<string>();

function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  void vscode.window.showWarningMessage(message, 'Open Settings').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', key.split('|')[0]);
  });
}

/** Only values someone set count: a key left at its default leaves the decision to the layers below. */
function settingsLayer(config: vscode.WorkspaceConfiguration): ConfigLayer {
  return {
    source: SETTINGS_SOURCE,
    get: (key) => {
      const seen = config.inspect<unknown>(key);
      return seen?.workspaceFolderValue ?? seen?.workspaceValue ?? seen?.globalValue;
    },
  };
}

/** Settings for a document's workspace folder (settings are resource-scoped). */
export function readSettings(scope: vscode.Uri | undefined): DesignSettings {
  const file = projectConfigs?.layerFor(scope);
  const { config, problems } = resolveDesignConfig(file ? [file, settingsLayer(vscode.workspace.getConfiguration(SECTION, scope))] : [settingsLayer(vscode.workspace.getConfiguration(SECTION, scope))]);
  // The config file's own problems are reported on the file (projectConfig.ts).
  for (const problem of problems) {
    if (problem.source === SETTINGS_SOURCE) warnOnce(`${SECTION}.${problem.key}|${problem.message}`, `System Design: setting ${SECTION}.${problem.message}`);
  }
  return config;
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
