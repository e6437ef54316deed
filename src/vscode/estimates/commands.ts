// The lens commands: fill in a `?` (one undoable edit) and show how a line was computed.
import * as vscode from 'vscode';
import { fillQuery } from '../../core/estimate';
import type { Analysis } from '../../core/types';
import { toTextEdit } from '../convert';

type Analyze = (document: vscode.TextDocument) => Promise<Analysis | undefined>;

function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  return vscode.window.activeTextEditor?.document.uri;
}

/** Replaces the `?` on `line` (0-based; the cursor's line when omitted) with the computed value. */
export async function fillEstimate(analyze: Analyze, uriArg?: unknown, lineArg?: unknown): Promise<boolean> {
  const uri = asUri(uriArg);
  if (!uri) return false;
  const document = await vscode.workspace.openTextDocument(uri);
  const lineNumber = typeof lineArg === 'number' ? lineArg : vscode.window.activeTextEditor?.selection.active.line;
  const analysis = await analyze(document);
  const line = analysis?.estimates.lines.find((candidate) => candidate.line === lineNumber && candidate.query);
  const edit = line && fillQuery(line);
  if (!edit) {
    void vscode.window.showInformationMessage('System Design: no "?" to fill in on this line.');
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, [toTextEdit(edit)]);
  return vscode.workspace.applyEdit(workspaceEdit);
}

/** Puts the cursor at `line:character` and opens the hover there (explanation, and the problem if any). */
export async function showEstimate(uri: unknown, line: unknown, character: unknown): Promise<void> {
  if (!(uri instanceof vscode.Uri) || typeof line !== 'number') return;
  const document = await vscode.workspace.openTextDocument(uri);
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: visible?.viewColumn, preserveFocus: false });
  const target = document.validatePosition(new vscode.Position(line, typeof character === 'number' ? character : 0));
  editor.selection = new vscode.Selection(target, target);
  editor.revealRange(new vscode.Range(target, target), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  await vscode.commands.executeCommand('editor.action.showHover');
}
