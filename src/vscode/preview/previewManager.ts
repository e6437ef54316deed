// Keeps one preview per document: opens or reuses panels, restores them after reload, runs the export.
import * as vscode from 'vscode';
import { setCodeDocsRoot } from '../convert';
import { Disposable } from '../disposable';
import { LIMITS } from '../../core/render/protocol';
import { buildExportForPanel, chooseExportTarget } from './exportHtml';
import { previewLog } from './messageLog';
import { PreviewPanel, previewTitle, type PanelContext, type PreviewStats } from './previewPanel';
import { PREVIEW_VIEW_TYPE } from './viewType';
import { localRoots } from './resources';

/** Context key: the active preview is locked to its document. */
export const PREVIEW_LOCKED_CONTEXT = 'systemDesign.previewLocked';

export class PreviewManager extends Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('systemDesign.preview');

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly source: Pick<PanelContext, 'analyze' | 'onDidAnalyze' | 'sizeLimitMB' | 'analysisChecksDiagrams'>,
  ) {
    super();
    // This module is bundled apart from extension.js, with its own copy of the link root.
    setCodeDocsRoot(extensionUri);
    // Panels go first (they clear their diagnostics), then the collection.
    this.register(this.diagnostics, { dispose: () => [...this.panels.values()].forEach((panel) => panel.dispose()) });
    // Like VS Code's own Markdown preview: an unlocked preview shows whichever Markdown document is active.
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)));
  }

  private follow(editor: vscode.TextEditor | undefined): void {
    const document = editor?.document;
    if (!document || document.languageId !== 'markdown' || this.panels.has(document.uri.toString())) return;
    const follower = this.follower();
    if (follower) this.retarget(follower, document.uri);
  }

  /** The unlocked preview that follows the editor (the visible one first), if any. */
  private follower(): PreviewPanel | undefined {
    const unlocked = [...this.panels.values()].filter((p) => !p.locked);
    return unlocked.find((p) => p.panel.visible) ?? unlocked[0];
  }

  private retarget(panel: PreviewPanel, uri: vscode.Uri): PreviewPanel {
    // The new panel object sets the webview's options (its resource roots) and page for the new document.
    const webviewPanel = panel.detach();
    return this.adopt(webviewPanel, uri);
  }

  /** Pins the active (or only) preview to its document, or lets it follow the editor again. */
  toggleLock(): void {
    const panel = this.activePanel() ?? (this.panels.size === 1 ? [...this.panels.values()][0] : undefined);
    if (!panel) {
      void vscode.window.showInformationMessage('Open a System Design preview to lock it to its document.');
      return;
    }
    const locked = !panel.locked;
    panel.locked = locked;
    void vscode.commands.executeCommand('setContext', PREVIEW_LOCKED_CONTEXT, locked);
    // Unlocked again while another document is active: show that one.
    if (!locked) this.follow(vscode.window.activeTextEditor);
  }

  /** Whether a document's preview is locked (for tests and the title). */
  isLocked(uri: vscode.Uri): boolean {
    return this.panels.get(uri.toString())?.locked ?? false;
  }

  /** Opens (or reveals) the preview of a Markdown document beside its editor. */
  async openToSide(target?: vscode.Uri): Promise<PreviewPanel | undefined> {
    const uri = target ?? this.activeMarkdownUri();
    if (!uri) {
      void vscode.window.showInformationMessage('Open a Markdown design document to preview it.');
      return undefined;
    }
    const existing = this.panels.get(uri.toString());
    if (existing) {
      existing.reveal(undefined, true);
      return existing;
    }
    // Another document's preview that follows the editor shows this one instead: previews do not pile up.
    const follower = this.follower();
    if (follower) {
      const panel = this.retarget(follower, uri);
      panel.reveal(undefined, true);
      return panel;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      previewTitle(uri),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, enableFindWidget: true, localResourceRoots: localRoots(this.extensionUri, uri) },
    );
    return this.adopt(panel, uri);
  }

  /** Serializer path: VS Code reloaded and hands back a panel with the webview's saved state. */
  async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const resource = typeof state === 'object' && state !== null ? (state as { resource?: unknown }).resource : undefined;
    let uri: vscode.Uri | undefined;
    try {
      uri = typeof resource === 'string' ? vscode.Uri.parse(resource, true) : undefined;
    } catch {
      uri = undefined;
    }
    if (!uri || this.panels.has(uri.toString())) {
      previewLog('could not restore a preview: no document in its saved state');
      panel.dispose();
      return;
    }
    this.adopt(panel, uri);
  }

  /** `destination` skips the save dialog (automation and tests). */
  async exportHtml(target?: vscode.Uri, destinationArg?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const uri = target ?? this.activeMarkdownUri() ?? this.activePanel()?.documentUri;
    if (!uri) {
      void vscode.window.showInformationMessage('Open a Markdown design document to export it.');
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const panel = this.panels.get(uri.toString()) ?? (await this.openToSide(uri));
    if (!panel) return undefined;
    const destination = destinationArg ?? (await chooseExportTarget(uri));
    if (!destination) return undefined;
    const { html, omitted } = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Exporting design document to HTML…' },
      async () => {
        await this.waitUntilRendered(panel);
        return buildExportForPanel(panel, document, await this.source.analyze(document).catch(() => undefined), this.extensionUri);
      },
    );
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(html));
    previewLog(`exported ${uri.toString()} to ${destination.toString()}`);
    const name = destination.path.split('/').pop();
    if (omitted > 0) void vscode.window.showWarningMessage(`Exported to ${name}; ${omitted} diagram${omitted === 1 ? ' is' : 's are'} kept as source: one export carries at most ${LIMITS.diagrams} drawn diagrams (${LIMITS.exportBytes / 1024 / 1024} MB).`);
    else void vscode.window.showInformationMessage(`Exported to ${name}.`);
    return destination;
  }

  /** Test and export support: the webview's last report for a document's preview. */
  stateOf(uri: vscode.Uri): PreviewStats | undefined {
    return this.panels.get(uri.toString())?.state;
  }

  private waitUntilRendered(panel: PreviewPanel, timeoutMs = 30_000): Promise<void> {
    const done = () => panel.state.ready && panel.state.renderedVersion === panel.state.version && panel.state.version > 0;
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listener.dispose();
        reject(new Error('the preview did not finish rendering'));
      }, timeoutMs);
      const listener = panel.onDidRender(() => {
        if (!done()) return;
        clearTimeout(timer);
        listener.dispose();
        resolve();
      });
    });
  }

  private adopt(webviewPanel: vscode.WebviewPanel, uri: vscode.Uri): PreviewPanel {
    const panel = new PreviewPanel(webviewPanel, uri, { ...this.source, extensionUri: this.extensionUri, diagnostics: this.diagnostics });
    this.panels.set(uri.toString(), panel);
    panel.subscribe(webviewPanel.onDidChangeViewState((event) => {
      if (event.webviewPanel.active) void vscode.commands.executeCommand('setContext', PREVIEW_LOCKED_CONTEXT, panel.locked);
    }));
    panel.onDidDispose(() => this.panels.delete(uri.toString()));
    return panel;
  }

  private activeMarkdownUri(): vscode.Uri | undefined {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'markdown' ? document.uri : undefined;
  }

  private activePanel(): PreviewPanel | undefined {
    return [...this.panels.values()].find((p) => p.panel.active);
  }
}

