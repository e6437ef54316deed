// Hover on an evaluated estimate line: how it was read, the steps, conventions and each claim's verdict.
import * as vscode from 'vscode';
import type { DesignServices } from '../services';
import { cachedAnalysis } from './cachedAnalysis';
import { hoverMarkdown } from '../../core/estimate/lensText';

export class EstimateHoverProvider implements vscode.HoverProvider {
  constructor(private readonly services: DesignServices) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    // An analysis made with estimates off carries no estimate lines: nothing to hover.
    const analysis = await cachedAnalysis(this.services, document, token);
    if (!analysis || token.isCancellationRequested) return undefined;
    const line = analysis.estimates.lines.find((candidate) => candidate.line === position.line);
    if (!line) return undefined;
    const text = document.lineAt(position.line);
    if (position.character < text.firstNonWhitespaceCharacterIndex) return undefined;
    // Document text is untrusted: no command links, no HTML.
    const markdown = new vscode.MarkdownString(hoverMarkdown(line));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, text.range);
  }
}
