// The framework QuickPick shared by "New Design Document" and "Select Framework".
import * as vscode from 'vscode';
import type { FrameworkRegistry } from '../../core/frameworks/registry';
import type { LoadedFramework } from '../../core/types';

interface FrameworkItem extends vscode.QuickPickItem {
  framework: LoadedFramework;
}

export async function pickFramework(registry: FrameworkRegistry, placeHolder: string, currentId?: string): Promise<LoadedFramework | undefined> {
  const items: FrameworkItem[] = registry.list().map((framework) => ({
    label: framework.id === currentId ? `$(check) ${framework.title}` : framework.title,
    description: `${framework.id} · ${framework.phases.length} phases${framework.origin === 'workspace' ? ` · ${framework.file ?? 'workspace'}` : ''}`,
    detail: framework.description,
    framework,
  }));
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.framework;
}

/** The document a command acts on: an explicit URI argument, else the active Markdown editor. */
export async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId === 'markdown') return document;
  void vscode.window.showInformationMessage('System Design: open a Markdown document first.');
  return undefined;
}
