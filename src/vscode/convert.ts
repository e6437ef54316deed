// Conversions between the core's plain shapes and VS Code's classes.
import * as vscode from 'vscode';
import { codeDocsPath } from '../core/codeDocs';
import type { Finding, Range, Severity, TextEdit } from '../core/types';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default:
      return vscode.DiagnosticSeverity.Hint;
  }
}

export const DIAGNOSTIC_SOURCE = 'System Design';

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = linkedCode(finding.code);
  return diagnostic;
}

let packageRoot: vscode.Uri | undefined;

/** Set once at activation: the code pages ship in the extension (docs/rules). */
export function setCodeDocsRoot(extensionUri: vscode.Uri): void {
  packageRoot = extensionUri;
}

/** A diagnostic code that links to its page in Problems and hovers (codeDescription). */
export function linkedCode(code: string): vscode.Diagnostic['code'] {
  return packageRoot ? { value: code, target: vscode.Uri.joinPath(packageRoot, codeDocsPath(code)) } : code;
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

export function toTextEdit(edit: TextEdit): vscode.TextEdit {
  return new vscode.TextEdit(toRange(edit.range), edit.newText);
}
