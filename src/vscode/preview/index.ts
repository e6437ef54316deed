// Preview registration: commands and the panel serializer only; the manager, and the module that holds
// it (dist/previewModule.js), are loaded on first use.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/types';
import { loadedPreviewModule, previewModule } from '../loadPreviewModule';
import type { PreviewManager } from './previewManager';
import type { PreviewStats } from './previewPanel';
import { readSettings } from '../settings';
import { PREVIEW_VIEW_TYPE } from './viewType';

export interface PreviewDeps {
  /** The extension's (cached) analysis; the preview renders without overlays when it is missing or fails. */
  analyze(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /** Fires after each analysis: the preview renders then, with no debounce of its own. */
  onDidAnalyze: vscode.Event<{ document: vscode.TextDocument }>;
  /** Whether the analyses report broken diagrams (SD150) themselves; the preview then adds no Problems of its own. */
  analysisChecksDiagrams(): boolean;
}

/** Internal command for integration tests: the preview state of a document (not in package.json). */
export const PREVIEW_STATE_COMMAND = 'systemDesign._previewState';

function uriArg(value: unknown): vscode.Uri | undefined {
  return value instanceof vscode.Uri ? value : undefined;
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps): void {
  let manager: PreviewManager | undefined;
  const sizeLimitMB = (uri: vscode.Uri) => readSettings(uri).maxDocumentSizeMB;
  // In a promise, so a module that fails to load is reported like any other failure.
  const get = async (): Promise<PreviewManager> =>
    (manager ??= new (previewModule().PreviewManager)(context.extensionUri, { analyze: deps.analyze, onDidAnalyze: deps.onDidAnalyze, analysisChecksDiagrams: deps.analysisChecksDiagrams, sizeLimitMB }));
  const report = (what: string) => (error: unknown) => {
    loadedPreviewModule()?.previewLog(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    void vscode.window.showErrorMessage(`System Design: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('systemDesign.openPreviewToSide', (uri?: unknown) =>
      get().then((m) => m.openToSide(uriArg(uri))).then(() => undefined, report('opening the preview')),
    ),
    vscode.commands.registerCommand('systemDesign.togglePreviewLock', () => get().then((m) => m.toggleLock()).catch(report('locking the preview'))),
    vscode.commands.registerCommand('systemDesign.exportHtml', (uri?: unknown, destination?: unknown) =>
      get().then((m) => m.exportHtml(uriArg(uri), uriArg(destination))).catch(report('export to HTML')),
    ),
    vscode.commands.registerCommand(PREVIEW_STATE_COMMAND, (uri?: unknown): PreviewStats | undefined => {
      const target = uriArg(uri);
      return target && manager ? manager.stateOf(target) : undefined;
    }),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: (panel, state) => get().then((m) => m.restore(panel, state)),
    }),
    { dispose: () => manager?.dispose() },
    { dispose: () => loadedPreviewModule()?.disposePreviewLog() },
  );
}
