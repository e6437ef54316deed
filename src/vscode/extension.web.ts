// Web entry (package.json "browser", vscode.dev and github.dev): analyses run in a web worker started
// from the extension's own dist/web/analysisWorker.js.
import * as vscode from 'vscode';
import { activateExtension, type SystemDesignApi } from './activate';
import { webWorker } from './webWorkerPort';

export function activate(context: vscode.ExtensionContext): SystemDesignApi {
  const started = performance.now();
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'analysisWorker.js');
  return activateExtension(context, webWorker(script), started);
}

export function deactivate(): void {}
