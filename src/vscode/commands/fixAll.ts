// "Fix All Problems": applies every non-overlapping automatic fix as one undoable edit.
import * as vscode from 'vscode';
import { fixAllEdit } from '../codeActions';
import { pausedCommandMessage } from '../documentSize';
import type { DesignServices } from '../services';
import { targetDocument } from './pickFramework';

export async function fixAll(services: DesignServices, uri?: unknown): Promise<number> {
  const document = await targetDocument(uri);
  if (!document) return 0;
  const analysis = await services.analysis.analyze(document);
  if (!analysis) {
    const paused = services.analysis.pausedState(document);
    void vscode.window.showInformationMessage(
      paused ? pausedCommandMessage(paused, 'fix its problems') : 'System Design: this is not a design document, so it has no problems to fix.',
    );
    return 0;
  }
  const { edit, count } = fixAllEdit(document.uri, analysis);
  if (count === 0) {
    vscode.window.setStatusBarMessage('System Design: nothing to fix automatically', 3000);
    return 0;
  }
  if (!(await vscode.workspace.applyEdit(edit))) return 0;
  vscode.window.setStatusBarMessage(`System Design: applied ${count} fix${count === 1 ? '' : 'es'}`, 3000);
  return count;
}
