// "Select Framework": writes or updates the document's `sysdesign:` front matter as one undoable edit.
import * as vscode from 'vscode';
import { parseDocument } from '../../core/parse';
import { toTextEdit } from '../convert';
import { frameworkFrontMatterEdit } from '../frontMatterEdit';
import type { DesignServices } from '../services';
import { pickFramework, targetDocument } from './pickFramework';

export async function setFramework(document: vscode.TextDocument, id: string): Promise<boolean> {
  const parsed = parseDocument(document.getText());
  const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [toTextEdit(frameworkFrontMatterEdit(parsed.lines, parsed.frontMatter, id, eol))]);
  return vscode.workspace.applyEdit(edit);
}

/** Arguments: optional document URI, optional framework id (skips the pick). */
export async function selectFramework(services: DesignServices, uri?: unknown, frameworkId?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const registry = await services.frameworks.registryFor(document.uri);
  const current = (await services.analysis.analyze(document))?.choice.framework.id;
  const framework =
    typeof frameworkId === 'string' ? registry.get(frameworkId) : await pickFramework(registry, 'Framework this document follows', current);
  if (!framework) return false;
  return setFramework(document, framework.id);
}
