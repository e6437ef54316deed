// Publishes each design document's findings to the Problems panel; clears them when it closes.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { toDiagnostic } from './convert';

export class DiagnosticsPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('systemDesign');

  publish(uri: vscode.Uri, analysis: Analysis | undefined): void {
    if (analysis) this.collection.set(uri, analysis.findings.map(toDiagnostic));
    else this.collection.delete(uri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
