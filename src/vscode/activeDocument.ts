// Follows the active editor: its design-document analysis drives the checklist, status bar and context keys.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import type { AnalysisEvent } from './analysisService';

export const CONTEXT_IS_DESIGN_DOC = 'systemDesign.isDesignDoc';
export const CONTEXT_IS_MARKDOWN = 'systemDesign.activeIsMarkdown';

export interface ActiveDesign {
  document: vscode.TextDocument;
  analysis: Analysis;
}

export interface ActiveDocumentSource {
  onDidAnalyze: vscode.Event<AnalysisEvent>;
  /** Analysis of a document, computed if needed; undefined when it is not a design document. */
  analyze(document: vscode.TextDocument): Promise<Analysis | undefined>;
}

export class ActiveDocument implements vscode.Disposable {
  private current: ActiveDesign | undefined;
  private readonly emitter = new vscode.EventEmitter<ActiveDesign | undefined>();
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private lastContext: [boolean, boolean] | undefined;
  private request = 0;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly source: () => ActiveDocumentSource | undefined, onDidAnalyze: vscode.Event<AnalysisEvent>) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      onDidAnalyze((event) => {
        const active = vscode.window.activeTextEditor?.document ?? this.current?.document;
        if (event.document === active) this.set(event.document, event.analysis);
      }),
    );
    void this.refresh();
  }

  get value(): ActiveDesign | undefined {
    return this.current;
  }

  /** Re-reads the active editor (on switch, and at start). */
  async refresh(): Promise<void> {
    const request = ++this.request;
    const document = vscode.window.activeTextEditor?.document;
    // A preview or other non-text editor took focus: keep showing the document it most likely belongs to.
    if (!document && this.current && !this.current.document.isClosed) return;
    if (!document || document.languageId !== 'markdown') {
      this.set(document, undefined);
      return;
    }
    const analysis = await this.source()?.analyze(document);
    if (request === this.request) this.set(document, analysis);
  }

  private set(document: vscode.TextDocument | undefined, analysis: Analysis | undefined): void {
    this.current = document && analysis ? { document, analysis } : undefined;
    const context: [boolean, boolean] = [!!this.current, document?.languageId === 'markdown'];
    if (!this.lastContext || this.lastContext[0] !== context[0] || this.lastContext[1] !== context[1]) {
      this.lastContext = context;
      void vscode.commands.executeCommand('setContext', CONTEXT_IS_DESIGN_DOC, context[0]);
      void vscode.commands.executeCommand('setContext', CONTEXT_IS_MARKDOWN, context[1]);
    }
    this.emitter.fire(this.current);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
