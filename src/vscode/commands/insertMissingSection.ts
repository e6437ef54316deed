// "Insert Missing Section": adds a phase's heading and skeleton where the framework's order puts it.
import * as vscode from 'vscode';
import { missingSectionEdit } from '../../core/rules/util/insertSection';
import type { PhaseResult } from '../../core/types';
import { ruleContext } from '../../core/fixes';
import { toTextEdit } from '../convert';
import { pausedCommandMessage } from '../documentSize';
import { revealLine } from '../checklistTree';
import type { DesignServices } from '../services';
import { targetDocument } from './pickFramework';

interface PhaseItem extends vscode.QuickPickItem {
  phaseId: string;
}

function phaseItem(result: PhaseResult): PhaseItem {
  const { phase } = result;
  const facts = [phase.required ? 'required' : 'optional', phase.minutes !== undefined ? `${phase.minutes} min` : ''].filter(Boolean);
  return { label: phase.title, description: facts.join(' · '), detail: phase.description, phaseId: phase.id };
}

/** Arguments: optional phase id, optional document URI. Without a phase id, asks which one. */
export async function insertMissingSection(services: DesignServices, phaseId?: unknown, uri?: unknown): Promise<boolean> {
  const document = await targetDocument(uri);
  if (!document) return false;
  const analysis = await services.analysis.analyze(document);
  if (!analysis) {
    const paused = services.analysis.pausedState(document);
    const message = paused
      ? pausedCommandMessage(paused, 'insert sections')
      : 'System Design: this is not a design document. Use "Treat This File as a Design Document" first.';
    void vscode.window.showInformationMessage(message);
    return false;
  }
  const missing = analysis.phases.filter((result) => result.status === 'missing');
  let id = typeof phaseId === 'string' ? phaseId : undefined;
  if (!id) {
    if (missing.length === 0) {
      void vscode.window.showInformationMessage(`System Design: every phase of ${analysis.choice.framework.title} is already in the document.`);
      return false;
    }
    const picked = await vscode.window.showQuickPick(missing.map(phaseItem), { placeHolder: 'Section to insert', matchOnDetail: true });
    if (!picked) return false;
    id = picked.phaseId;
  }
  if (!missing.some((result) => result.phase.id === id)) {
    void vscode.window.showInformationMessage(`System Design: the phase "${id}" is not missing from this document.`);
    return false;
  }
  const textEdit = missingSectionEdit(ruleContext(analysis), id);
  if (!textEdit) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [toTextEdit(textEdit)]);
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  // Put the cursor on the new heading.
  const before = textEdit.newText.split(/\r\n|\r|\n/);
  const headingOffset = before.findIndex((line) => /^#{1,6}\s/.test(line));
  await revealLine(document.uri, textEdit.range.start.line + Math.max(0, headingOffset));
  return true;
}
