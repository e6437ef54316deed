// One code lens above every evaluated estimate line, read from the analysis service's cached result.
import * as vscode from 'vscode';
import type { EstimateLine } from '../../core/types';
import type { DesignServices } from '../services';
import { cachedAnalysis } from './cachedAnalysis';
import { lensTitle, wrongClaim } from '../../core/estimate/lensText';

export const FILL_COMMAND = 'systemDesign.fillEstimate';
export const SHOW_COMMAND = 'systemDesign.showEstimate';

export class EstimateCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscription: vscode.Disposable;

  readonly onDidChangeCodeLenses = this.changed.event;

  /** `onDidAnalyze` fires for every new analysis (edits, settings, frameworks): lenses follow it. */
  constructor(private readonly services: DesignServices) {
    this.subscription = services.onDidAnalyze(() => this.changed.fire());
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    const analysis = await cachedAnalysis(this.services, document, token);
    // The settings the analysis ran with (estimates off already leaves it without estimate lines).
    if (!this.services.analysis.settingsFor(document).estimates.codeLens) return [];
    if (!analysis || token.isCancellationRequested) return [];
    return analysis.estimates.lines.filter((line) => line.line < document.lineCount).map((line) => lensFor(document, line));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function lensFor(document: vscode.TextDocument, line: EstimateLine): vscode.CodeLens {
  const range = document.lineAt(line.line).range;
  const title = lensTitle(line);
  if (line.query) {
    return new vscode.CodeLens(range, {
      title,
      tooltip: `Replace the ? with ${line.display}`,
      command: FILL_COMMAND,
      arguments: [document.uri, line.line],
    });
  }
  // A wrong claim: go to the claim itself, where the hover also carries the Problems entry and its quick fix.
  const target = wrongClaim(line)?.range.start ?? { line: line.line, character: Math.max(0, document.lineAt(line.line).firstNonWhitespaceCharacterIndex) };
  return new vscode.CodeLens(range, {
    title,
    tooltip: 'Show how this line was computed',
    command: SHOW_COMMAND,
    arguments: [document.uri, target.line, target.character],
  });
}
