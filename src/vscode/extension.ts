// Desktop entry (package.json "main"): analyses run in a Node worker thread beside extension.js.
import type * as vscode from 'vscode';
import { activateExtension, type SystemDesignApi } from './activate';
import { nodeWorker } from './nodeWorkerPort';

export type { SystemDesignApi } from './activate';

export function activate(context: vscode.ExtensionContext): SystemDesignApi {
  const started = performance.now();
  return activateExtension(context, nodeWorker(), started);
}

export function deactivate(): void {}
