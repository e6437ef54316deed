// Acts on a link the webview asked to open: external (http/https/mailto) or a file in the workspace.
import * as vscode from 'vscode';
import { classifyLink } from '../../core/render/links';
import { previewLog } from './messageLog';
import { resolveRelative } from './resources';

export async function openPreviewLink(href: string, documentUri: vscode.Uri): Promise<void> {
  const action = classifyLink(href);
  switch (action.kind) {
    case 'external':
      await vscode.env.openExternal(vscode.Uri.parse(action.href, true));
      return;
    case 'workspace': {
      const folder = vscode.workspace.getWorkspaceFolder(documentUri)?.uri ?? vscode.Uri.joinPath(documentUri, '..');
      const target = resolveRelative(documentUri, action.path, [folder]);
      if (!target) {
        previewLog(`link ignored: ${JSON.stringify(href)} leaves the workspace folder`);
        return;
      }
      const line = /^L(\d+)$/.exec(action.fragment)?.[1];
      const selection = line ? new vscode.Range(Number(line) - 1, 0, Number(line) - 1, 0) : undefined;
      await vscode.commands.executeCommand('vscode.open', target, { selection, viewColumn: vscode.ViewColumn.One });
      return;
    }
    case 'anchor':
      return; // the webview scrolls to in-page anchors itself
    case 'blocked':
      previewLog(`link ignored: ${JSON.stringify(href.slice(0, 200))} (${action.reason})`);
  }
}
