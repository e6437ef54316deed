// One preview webview for one document: renders, patches live, syncs scroll, turns diagram errors into problems.
import * as vscode from 'vscode';
import { CONFIG_CODES } from '../../core/codeIds';
import { linkedCode } from '../convert';
import { renderDocument, type RenderedDocument } from '../../core/render/renderDocument';
import { katexMath } from '../../core/render/katexMath';
import { diagramErrorLine, validateWebviewMessage, type DiagramError, type HostMessage, type WebviewMessage } from '../../core/render/protocol';
import { buildPreviewShell, makeNonce } from '../../core/render/shell';
import type { ExportTheme } from '../../core/render/exportHtml';
import type { Analysis } from '../../core/types';
import { pausedFor, pausedPreviewMarkdown } from '../documentSize';
import { openPreviewLink } from './links';
import { previewLog } from './messageLog';
import { imageResolver, localRoots, mediaRoot, webviewBundleRoot } from './resources';
import { saveDiagram } from './saveDiagram';


export interface PreviewStats {
  ready: boolean;
  version: number;
  /** From the webview's last `rendered` report for the current version. */
  renderedVersion: number;
  svgCount: number;
  errorCount: number;
  renders: number;
  /** The phase bar last sent (for tests that compare it with the other surfaces). */
  phaseBar?: string;
}

export interface PanelContext {
  extensionUri: vscode.Uri;
  diagnostics: vscode.DiagnosticCollection;
  analyze(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /** Every analysis the extension runs (debounced while typing): the preview renders after each of its document's. */
  onDidAnalyze: vscode.Event<{ document: vscode.TextDocument }>;
  /** The maxDocumentSizeMB setting for a document, read by the host (which warns about a bad value once). */
  sizeLimitMB(uri: vscode.Uri): number;
  /** Whether the analyses report broken diagrams (SD150) themselves; then the preview's errors stay in its page. */
  analysisChecksDiagrams(): boolean;
}

type ExportReply = { theme: ExportTheme; diagrams: { hash: string; svg: string }[]; omitted: number };

export class PreviewPanel implements vscode.Disposable {
  /** Whether the last render's analysis reports broken diagrams itself (then the preview adds no Problems). */
  private analysisReportsDiagrams = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<PreviewStats>();
  readonly onDidRender = this.rendered.event;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;
  private stats: PreviewStats = { ready: false, version: 0, renderedVersion: 0, svgCount: 0, errorCount: 0, renders: 0 };
  private lineCount = 1;
  private lastDoc: RenderedDocument | undefined;
  private ignoreEditorScrollUntil = 0;
  private nextRequestId = 1;
  private readonly pendingExports = new Map<number, (reply: ExportReply) => void>();
  private isDisposed = false;
  private isLocked = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly documentUri: vscode.Uri,
    private readonly ctx: PanelContext,
  ) {
    const roots = localRoots(ctx.extensionUri, documentUri);
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    panel.iconPath = vscode.Uri.joinPath(mediaRoot(ctx.extensionUri), 'preview-icon.svg');
    const webview = panel.webview;
    webview.html = buildPreviewShell({
      cspSource: webview.cspSource,
      // Web Crypto: the same on the desktop (Node) and the web extension host.
      nonce: makeNonce((n) => crypto.getRandomValues(new Uint8Array(n))),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewBundleRoot(ctx.extensionUri), 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(ctx.extensionUri), 'preview.css')).toString(),
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
      // One analysis per change for every surface: the preview keeps no debounce of its own. Edits, settings
      // (a raised size limit) and frameworks all end in a new analysis of the document, and so in a render.
      ctx.onDidAnalyze((event) => {
        if (event.document.uri.toString() === this.documentUri.toString()) void this.update();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => this.onEditorScroll(event)),
    );
  }

  /** Ties a listener to this document's time in the panel (it ends on dispose or detach). */
  subscribe(disposable: vscode.Disposable): void {
    this.subscriptions.push(disposable);
  }

  get state(): PreviewStats {
    return { ...this.stats, phaseBar: this.lastDoc?.phaseBar ?? '' };
  }

  /** Pinned to its document (the manager's lock); shown in the tab's title. */
  get locked(): boolean {
    return this.isLocked;
  }

  set locked(value: boolean) {
    this.isLocked = value;
    this.panel.title = this.title;
  }

  private get title(): string {
    return previewTitle(this.documentUri, this.isLocked);
  }

  reveal(column?: vscode.ViewColumn, preserveFocus = true): void {
    this.panel.reveal(column, preserveFocus);
  }

  async update(): Promise<void> {
    if (this.isDisposed || !this.stats.ready) return;
    const version = ++this.stats.version;
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(this.documentUri);
    } catch (error) {
      previewLog(`cannot open ${this.documentUri.toString()}: ${String(error)}`);
      return;
    }
    let analysis: Analysis | undefined;
    try {
      analysis = await this.ctx.analyze(document);
    } catch (error) {
      previewLog(`analysis failed, rendering without overlays: ${String(error)}`);
    }
    // A newer update started while this one waited for the analysis: it wins.
    if (version !== this.stats.version || this.isDisposed) return;
    const fullText = document.getText();
    // Too large to render without freezing the host: show why instead (the same limit pauses the analysis).
    const paused = pausedFor(fullText.length, this.ctx.sizeLimitMB(this.documentUri));
    const text = paused ? pausedPreviewMarkdown(paused) : fullText;
    if (paused) analysis = undefined;
    const roots = localRoots(this.ctx.extensionUri, this.documentUri);
    const doc = renderDocument(text, { analysis, resolveImage: imageResolver(this.panel.webview, this.documentUri, roots), math: katexMath });
    // A design document's analysis reports its broken diagrams itself (where the worker parses them).
    this.analysisReportsDiagrams = analysis !== undefined && this.ctx.analysisChecksDiagrams();
    this.lineCount = doc.lineCount;
    this.lastDoc = doc;
    this.panel.title = this.title;
    this.post({
      type: 'update',
      version,
      blocks: doc.blocks,
      phaseBar: doc.phaseBar,
      title: doc.title,
      lineCount: doc.lineCount,
      resource: this.documentUri.toString(),
    });
  }

  /** Asks the webview for its rendered SVGs (after pending diagrams finish). */
  collectExport(timeoutMs = 20_000): Promise<ExportReply> {
    const requestId = this.nextRequestId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingExports.delete(requestId);
        reject(new Error('the preview did not answer the export request'));
      }, timeoutMs);
      this.pendingExports.set(requestId, (reply) => {
        clearTimeout(timer);
        resolve(reply);
      });
      this.post({ type: 'collectExport', requestId });
    });
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private onEditorScroll(event: vscode.TextEditorVisibleRangesChangeEvent): void {
    if (event.textEditor.document.uri.toString() !== this.documentUri.toString()) return;
    if (Date.now() < this.ignoreEditorScrollUntil || !this.stats.ready) return;
    const top = event.visibleRanges[0]?.start.line;
    if (top !== undefined) this.post({ type: 'scrollTo', line: top });
  }

  private onMessage(raw: unknown): void {
    const result = validateWebviewMessage(raw, { lineCount: this.lineCount });
    if (!result.ok) {
      previewLog(`ignored webview message: ${result.reason}`);
      return;
    }
    void this.handle(result.message).catch((error: unknown) => previewLog(`handling ${result.message.type} failed: ${String(error)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.stats.ready = true;
        await this.update();
        return;
      case 'scroll': {
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.documentUri.toString());
        if (!editor) return;
        this.ignoreEditorScrollUntil = Date.now() + 300;
        editor.revealRange(new vscode.Range(message.line, 0, message.line, 0), vscode.TextEditorRevealType.AtTop);
        return;
      }
      case 'reveal': {
        const document = await vscode.workspace.openTextDocument(this.documentUri);
        const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
        const position = new vscode.Position(message.line, 0);
        const editor = await vscode.window.showTextDocument(document, {
          viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
          selection: new vscode.Range(position, position),
        });
        editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
        return;
      }
      case 'openLink':
        await openPreviewLink(message.href, this.documentUri);
        return;
      case 'saveDiagram': {
        const saved = await saveDiagram(message.format, message.data, this.documentUri);
        if (saved) previewLog(`saved diagram to ${saved.toString()}`);
        return;
      }
      case 'diagramErrors':
        if (message.version !== this.stats.version) return; // a stale pass
        // One Problems entry per broken diagram: the analysis's own (it follows rule settings and
        // suppressions) for a design document, else the preview's (any Markdown file it shows).
        if (this.analysisReportsDiagrams) this.ctx.diagnostics.delete(this.documentUri);
        else this.ctx.diagnostics.set(this.documentUri, diagramDiagnostics(message.errors, message.omitted, this.lineCount));
        return;
      case 'rendered':
        if (message.version !== this.stats.version) return;
        this.stats = { ...this.stats, renderedVersion: message.version, svgCount: message.svgCount, errorCount: message.errorCount, renders: message.renders };
        this.rendered.fire(this.state);
        return;
      case 'exportData': {
        const resolve = this.pendingExports.get(message.requestId);
        this.pendingExports.delete(message.requestId);
        resolve?.({ theme: message.theme, diagrams: message.diagrams, omitted: message.omitted });
        return;
      }
    }
  }

  /** The last rendered document (for the export, which re-renders with its own image handling). */
  get lastRendered(): RenderedDocument | undefined {
    return this.lastDoc;
  }

  dispose(): void {
    if (this.release()) this.panel.dispose();
  }

  /** Stops showing this document and hands the webview panel back, to show another one. */
  detach(): vscode.WebviewPanel {
    this.release();
    return this.panel;
  }

  private release(): boolean {
    if (this.isDisposed) return false;
    this.isDisposed = true;
    this.ctx.diagnostics.delete(this.documentUri);
    this.disposed.fire();
    for (const s of this.subscriptions) s.dispose();
    this.rendered.dispose();
    this.disposed.dispose();
    return true;
  }
}

/** Problems for the diagrams Mermaid could not draw; past the message cap, one entry counts the rest. */
function diagramDiagnostics(errors: DiagramError[], omitted: number, lineCount: number): vscode.Diagnostic[] {
  const code = linkedCode(CONFIG_CODES.diagramSyntax.code);
  const out = errors.map((error) => {
    const line = diagramErrorLine(error, lineCount);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), error.message, vscode.DiagnosticSeverity.Error);
    diagnostic.source = 'mermaid';
    diagnostic.code = code;
    return diagnostic;
  });
  if (omitted > 0) {
    const line = errors.length > 0 ? diagramErrorLine(errors[errors.length - 1], lineCount) : 0;
    const more = new vscode.Diagnostic(
      new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
      `${omitted} more diagram${omitted === 1 ? '' : 's'} could not be drawn; only the first ${errors.length} are listed.`,
      vscode.DiagnosticSeverity.Error,
    );
    more.source = 'mermaid';
    more.code = code;
    out.push(more);
  }
  return out;
}

/** The preview tab's title: the document's file name, marked when the preview is locked to it. */
export function previewTitle(uri: vscode.Uri, locked = false): string {
  return `${locked ? '[Locked] ' : ''}Preview ${uri.path.split('/').pop() ?? ''}`;
}
