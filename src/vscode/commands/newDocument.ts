// "New Design Document": pick a framework, open an untitled Markdown document filled with its template.
import * as vscode from 'vscode';
import type { DesignServices } from '../services';
import { frameworkSnippetLines } from '../templates';
import { pickFramework } from './pickFramework';

/** `frameworkId` skips the pick (used by tests and keybindings). Returns the new document. */
export async function newDocument(services: DesignServices, frameworkId?: unknown): Promise<vscode.TextDocument | undefined> {
  // Untitled documents take the first folder's team frameworks; this URI only selects that folder.
  const registry = await services.frameworks.registryFor(vscode.Uri.from({ scheme: 'untitled', path: 'design.md' }));
  const framework =
    typeof frameworkId === 'string' ? registry.get(frameworkId) : await pickFramework(registry, 'Framework for the new design document');
  if (!framework) {
    if (typeof frameworkId === 'string') void vscode.window.showWarningMessage(`System Design: no framework with id "${frameworkId}".`);
    return undefined;
  }
  // Untitled: nothing is written to disk until the user saves.
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
  const editor = await vscode.window.showTextDocument(document);
  await editor.insertSnippet(new vscode.SnippetString(frameworkSnippetLines(framework).join('\n')), new vscode.Position(0, 0));
  return document;
}
