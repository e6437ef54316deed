// Typed readers for the `systemDesign.*` settings: bad values fall back to defaults with one warning each.
import * as vscode from 'vscode';
import { readNumberAtLeast, readRelativeFolder, readRuleSettings, readStringArray, readTrimmedString } from './settingValues';
import { DEFAULT_MAX_DOCUMENT_SIZE_MB, MIN_MAX_DOCUMENT_SIZE_MB } from './documentSize';
import type { RuleSetting } from '../core/types';
import { readEstimateSettings, type EstimateEditorSettings } from './estimates/estimateSettings';

export const SECTION = 'systemDesign';
export const DEFAULT_FRAMEWORKS_FOLDER = '.sysdesign/frameworks';

export interface DesignSettings {
  files: string[];
  /** `undefined` for `auto`. */
  framework: string | undefined;
  rules: Record<string, RuleSetting>;
  frameworksFolder: string;
  /** `systemDesign.estimates.*`. */
  estimates: EstimateEditorSettings;
  /** Larger open documents are not analysed or previewed (they would freeze the extension host). */
  maxDocumentSizeMB: number;
  /** Markdown that nothing marks is analysed when its outline clearly is a design document. */
  recognizeByOutline: boolean;
}

const warned = new Set<string>();

function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  void vscode.window.showWarningMessage(message, 'Open Settings').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', key.split('|')[0]);
  });
}

/** Settings for a document's workspace folder (settings are resource-scoped). */
export function readSettings(scope: vscode.Uri | undefined, defaultGlobs: readonly string[]): DesignSettings {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const report = (setting: string) => (problem: string) =>
    warnOnce(`${SECTION}.${setting}|${problem}`, `System Design: setting "${SECTION}.${setting}" ${problem}`);

  const files = readStringArray(config.get<unknown>('files'), [...defaultGlobs], report('files'));
  const framework = readTrimmedString(config.get<unknown>('framework'), 'auto', report('framework'));
  const folder = readRelativeFolder(config.get<unknown>('frameworksFolder'), DEFAULT_FRAMEWORKS_FOLDER, report('frameworksFolder'));
  const rules = readRuleSettings(config.get<unknown>('rules'), report('rules'));
  const maxDocumentSizeMB = readNumberAtLeast(config.get<unknown>('maxDocumentSizeMB'), DEFAULT_MAX_DOCUMENT_SIZE_MB, MIN_MAX_DOCUMENT_SIZE_MB, report('maxDocumentSizeMB'));
  const estimates = readEstimateSettings((key) => config.get<unknown>(`estimates.${key}`), (key, problem) => report(`estimates.${key}`)(problem));
  return {
    files,
    framework: framework === 'auto' ? undefined : framework,
    rules,
    frameworksFolder: folder,
    estimates,
    maxDocumentSizeMB,
    recognizeByOutline: config.get<unknown>('recognizeByOutline') !== false,
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(SECTION);
}
