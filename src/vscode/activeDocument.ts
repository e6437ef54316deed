// Follows the active editor: its design-document analysis drives the checklist, status bar and context keys.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import type { Analysis } from '../core/types';
import { analysisOf, pausedOf, type AnalysisEvent } from './analysisService';
import type { PausedInfo } from './documentSize';

export const CONTEXT_IS_DESIGN_DOC = 'systemDesign.isDesignDoc';
export const CONTEXT_IS_MARKDOWN = 'systemDesign.activeIsMarkdown';

/** An analysed design document, or one too large to analyse (`paused`, no analysis). */
export type ActiveDesign =
  | { document: vscode.TextDocument; analysis: Analysis; paused?: undefined }
  | { document: vscode.TextDocument; analysis?: undefined; paused: PausedInfo };

export interface ActiveDocumentSource {
  onDidAnalyze: vscode.Event<AnalysisEvent>;
  /** Analysis of a document, computed if needed; undefined when it is not a design document. */
  analyze(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /** Why a design document is not analysed (too large), if it is not. */
  pausedState(document: vscode.TextDocument): PausedInfo | undefined;
}

export class ActiveDocument extends Disposable {
  private current: ActiveDesign | undefined;
  private readonly emitter = new vscode.EventEmitter<ActiveDesign | undefined>();
  private lastContext: [boolean, boolean] | undefined;
  private request = 0;

  readonly onDidChange = this.emitter.event;

  constructor(private readonly source: () => ActiveDocumentSource | undefined, onDidAnalyze: vscode.Event<AnalysisEvent>) {
    super();
    this.register(this.emitter);
    this.register(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      onDidAnalyze((event) => {
        const active = vscode.window.activeTextEditor?.document ?? this.current?.document;
        if (event.document === active) this.set(event.document, analysisOf(event.result), pausedOf(event.result));
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
    const source = this.source();
    const analysis = await source?.analyze(document);
    if (request === this.request) this.set(document, analysis, analysis ? undefined : source?.pausedState(document));
  }

  private set(document: vscode.TextDocument | undefined, analysis: Analysis | undefined, paused?: PausedInfo): void {
    this.current = !document ? undefined : analysis ? { document, analysis } : paused ? { document, paused } : undefined;
    // A paused document offers no design commands (they need an analysis), so it does not count as one here.
    const context: [boolean, boolean] = [!!this.current?.analysis, document?.languageId === 'markdown'];
    if (!this.lastContext || this.lastContext[0] !== context[0] || this.lastContext[1] !== context[1]) {
      this.lastContext = context;
      void vscode.commands.executeCommand('setContext', CONTEXT_IS_DESIGN_DOC, context[0]);
      void vscode.commands.executeCommand('setContext', CONTEXT_IS_MARKDOWN, context[1]);
    }
    this.emitter.fire(this.current);
  }

}
