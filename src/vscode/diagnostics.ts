// Publishes each design document's findings to the Problems panel; clears them when its last tab closes.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { Analysis } from '../core/types';
import { DIAGNOSTIC_SOURCE, linkedCode, toDiagnostic } from './convert';
import { PAUSED_CODE, type PausedInfo } from './documentSize';

type Analyze = (document: vscode.TextDocument) => Promise<Analysis | undefined>;
type Paused = (document: vscode.TextDocument) => PausedInfo | undefined;

/** The one entry a too-large design document gets instead of its findings. */
export function pausedDiagnostic(paused: PausedInfo): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), paused.message, vscode.DiagnosticSeverity.Information);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = linkedCode(PAUSED_CODE);
  return diagnostic;
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return input.uri;
  if (input instanceof vscode.TabInputTextDiff) return input.modified;
  return undefined;
}

function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      const uri = tabUri(tab);
      if (uri) uris.add(uri.toString());
    }
  }
  return uris;
}

export function isInTab(uri: vscode.Uri): boolean {
  return openTabUris().has(uri.toString());
}

export class DiagnosticsPublisher extends Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('systemDesign');

  /**
   * A closed tab does not close its TextDocument right away (VS Code keeps it a while), so the tabs
   * decide: no tab left, no problems; a tab back, analyse again.
   */
  constructor(analyze: Analyze, paused: Paused = () => undefined) {
    super();
    this.register(this.collection);
    this.register(vscode.window.tabGroups.onDidChangeTabs((event) => {
      const open = openTabUris();
      for (const tab of event.closed) {
        const uri = tabUri(tab);
        if (uri && !open.has(uri.toString())) this.collection.delete(uri);
      }
      for (const tab of event.opened) {
        const uri = tabUri(tab);
        const document = uri && vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
        if (document?.languageId === 'markdown') void analyze(document).then((analysis) => this.publish(document.uri, analysis, paused(document)));
      }
    }));
  }

  publish(uri: vscode.Uri, analysis: Analysis | undefined, paused?: PausedInfo): void {
    if (analysis) this.collection.set(uri, analysis.findings.map(toDiagnostic));
    else if (paused) this.collection.set(uri, [pausedDiagnostic(paused)]);
    else this.collection.delete(uri);
  }
}
