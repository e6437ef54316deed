// Quick fixes for System Design findings, plus "Fix all" as a quick fix and as source.fixAll.systemDesign.
import * as vscode from 'vscode';
import { readFrontMatter } from '../core/frontMatter';
import { splitLines } from '../core/parse';
import { fixFor, withFixes } from '../core/fixes';
import type { Analysis, Fix } from '../core/types';
import { DIAGNOSTIC_SOURCE, diagnosticCode, toRange, toTextEdit } from './convert';
import { planFixAll } from '../core/fixAllEdits';
import { suppressInDocumentEdit } from '../core/suppressEdit';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('systemDesign');
export const FIX_ALL_TITLE = 'Fix all System Design problems';

export function workspaceEditFor(uri: vscode.Uri, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, fix.edits.map(toTextEdit));
  return edit;
}

/** The non-overlapping fixes of every finding, as one undoable edit. */
export function fixAllEdit(uri: vscode.Uri, analysis: Analysis): { edit: vscode.WorkspaceEdit; count: number } {
  const plan = planFixAll(withFixes(analysis));
  const edit = new vscode.WorkspaceEdit();
  edit.set(uri, plan.edits.map(toTextEdit));
  return { edit, count: plan.applied.length };
}

type Analyze = (document: vscode.TextDocument) => Promise<Analysis | undefined>;

export class DesignCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly analyze: Analyze) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.CodeAction[]> {
    const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(context.only);
    const wantsFixAll = !!context.only && (FIX_ALL_KIND.contains(context.only) || context.only.contains(FIX_ALL_KIND));
    if (!wantsQuickFix && !wantsFixAll) return [];
    const analysis = await this.analyze(document);
    if (!analysis || token.isCancellationRequested) return [];

    if (wantsFixAll && !wantsQuickFix) {
      const { edit, count } = fixAllEdit(document.uri, analysis);
      if (count === 0) return [];
      const action = new vscode.CodeAction(FIX_ALL_TITLE, FIX_ALL_KIND);
      action.edit = edit;
      return [action];
    }

    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    const actions: vscode.CodeAction[] = [];
    let fixable = 0;
    for (const finding of analysis.findings) {
      const fix = fixFor(analysis, finding);
      if (!fix) continue;
      fixable++;
      const findingRange = toRange(finding.range);
      if (!findingRange.intersection(range) && !findingRange.contains(range)) continue;
      const diagnostics = ours.filter((d) => diagnosticCode(d) === finding.code && d.message === finding.message && d.range.isEqual(findingRange));
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = workspaceEditFor(document.uri, fix);
      action.diagnostics = diagnostics;
      // Each finding has one fix, so it is the one "Auto Fix" should pick; fix-all never is.
      action.isPreferred = true;
      actions.push(action);
    }
    // Offered after the fixes: ignoring a rule is a choice, never the default.
    const ignored = new Set<string>();
    let frontMatter: ReturnType<typeof readFrontMatter> | undefined;
    for (const diagnostic of ours) {
      const code = diagnosticCode(diagnostic);
      if (!code || ignored.has(code) || !diagnostic.range.intersection(range)) continue;
      ignored.add(code);
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const action = new vscode.CodeAction(`Ignore ${code} in this document`, vscode.CodeActionKind.QuickFix);
      // Only the front matter decides where the comment goes: read it, rather than parse the whole document here.
      frontMatter ??= readFrontMatter(splitLines(document.getText()));
      action.edit = workspaceEditFor(document.uri, { title: action.title, edits: [suppressInDocumentEdit({ frontMatter }, code, eol)] });
      action.diagnostics = ours.filter((d) => diagnosticCode(d) === code);
      actions.push(action);
    }
    if (actions.length > 0 && fixable > 1) {
      const { edit, count } = fixAllEdit(document.uri, analysis);
      if (count > 1) {
        const action = new vscode.CodeAction(FIX_ALL_TITLE, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [];
        actions.push(action);
      }
    }
    return actions;
  }
}
