// What activation does on every platform: registers cheap contributions only; analysis starts on first need.
// The entries (extension.ts on the desktop, extension.web.ts on the web) say how the analysis worker runs.
import * as vscode from 'vscode';
import type { Analysis } from '../core/types';
import { ActiveDocument } from './activeDocument';
import { DesignCodeActionProvider } from './codeActions';
import { CHECKLIST_VIEW, ChecklistTreeProvider, REVEAL_COMMAND, revealLine } from './checklistTree';
import type { ChecklistEntry } from './checklistModel';
import { analysisOf, isMarkdown, pausedOf } from './analysisService';
import { checkWorkspace } from './commands/checkWorkspace';
import { setCodeDocsRoot } from './convert';
import { fixAll } from './commands/fixAll';
import { insertMissingSection } from './commands/insertMissingSection';
import { newDocument } from './commands/newDocument';
import { selectFramework } from './commands/selectFramework';
import { treatAsDesignDoc } from './commands/treatAsDesignDoc';
import { DiagnosticsPublisher, isInTab } from './diagnostics';
import { DesignServices } from './services';
import { PhaseStatusBar } from './statusBar';
import { registerPreview } from './preview';
import { registerEstimates } from './estimates';
import type { WorkerPlatform } from './workerPort';

/** What `activate` returns: read-only views of the UI state, for the integration tests. */
export interface SystemDesignApi {
  /** The checklist view's current top-level items (framework first, then phases with their checks). */
  getChecklistItems(): ChecklistEntry[];
  /** The status bar text, or undefined while it is hidden. */
  getStatusBarText(): string | undefined;
  /** Fires after the checklist and status bar were updated. */
  onDidUpdate: vscode.Event<void>;
  /** The current analysis of a document (undefined when it is not a design document). */
  analyze(document: vscode.TextDocument): Promise<Analysis | undefined>;
  /**
   * Our quick fixes for a range, given the document's current diagnostics (as the lightbulb gets them).
   * `vscode.executeCodeActionProvider` drops `CodeAction.diagnostics`, so tests check that link here.
   */
  quickFixes(document: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]>;
  /** How long `activate()` itself took, in milliseconds (the benchmark reports it). */
  readonly activationMs: number;
  /** Whether analyses run in a worker (a worker thread, a web worker) rather than on the extension host's thread. */
  analysisOffThread(): boolean;
}

function isChecklistEntry(value: unknown): value is ChecklistEntry {
  return typeof value === 'object' && value !== null && 'kind' in value && 'contextValue' in value;
}

/** `started`: when the entry's activate() began, so activationMs covers the entry too. */
export function activateExtension(context: vscode.ExtensionContext, worker: WorkerPlatform | undefined, started = performance.now()): SystemDesignApi {
  setCodeDocsRoot(context.extensionUri);
  const services = new DesignServices(context.workspaceState, worker);
  const diagnostics = new DiagnosticsPublisher(
    (document) => services.analysis.analyze(document),
    (document) => services.analysis.pausedState(document),
  );
  const active = new ActiveDocument(() => services.analysis, services.onDidAnalyze);
  const tree = new ChecklistTreeProvider(active);
  const statusBar = new PhaseStatusBar(active);
  const updated = new vscode.EventEmitter<void>();
  context.subscriptions.push(services, diagnostics, active, tree, statusBar, updated);

  context.subscriptions.push(
    services.onDidAnalyze((event) => {
      // Edits to a document whose tab was closed (it lingers in memory) must not bring its problems back.
      const shown = event.document.isUntitled || isInTab(event.document.uri);
      diagnostics.publish(event.document.uri, shown ? analysisOf(event.result) : undefined, shown ? pausedOf(event.result) : undefined);
    }),
    active.onDidChange(() => updated.fire()),
  );

  // The service starts with the first Markdown document (now, or when one opens).
  if (vscode.workspace.textDocuments.some(isMarkdown)) {
    // Right after activation rather than inside it: activate() only registers.
    const start = setTimeout(() => void services.analysis, 0);
    context.subscriptions.push({ dispose: () => clearTimeout(start) });
  } else {
    const waiting = vscode.workspace.onDidOpenTextDocument((document) => {
      if (!isMarkdown(document)) return;
      waiting.dispose();
      void services.analysis;
      void active.refresh();
    });
    context.subscriptions.push(waiting);
  }

  registerPreview(context, {
    analyze: (document) => services.analysis.analyze(document),
    onDidAnalyze: services.onDidAnalyze,
    analysisChecksDiagrams: () => services.analysisChecksDiagrams,
  });
  registerEstimates(context, services);
  const codeActions = new DesignCodeActionProvider((document) => services.analysis.analyze(document));
  const treeView = vscode.window.createTreeView(CHECKLIST_VIEW, { treeDataProvider: tree, showCollapseAll: true });
  // The view's description names the document it describes (it may not be the focused editor).
  const describe = () => {
    const document = active.value?.document;
    treeView.description = document ? document.uri.path.split('/').pop() : undefined;
  };
  describe();
  context.subscriptions.push(
    treeView,
    active.onDidChange(describe),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, codeActions, DesignCodeActionProvider.metadata),
    vscode.commands.registerCommand('systemDesign.newDocument', (frameworkId?: unknown) => newDocument(services, frameworkId)),
    vscode.commands.registerCommand('systemDesign.selectFramework', (uri?: unknown, id?: unknown) =>
      // From the checklist's context menu the argument is the tree item: act on the document the tree shows.
      selectFramework(services, isChecklistEntry(uri) ? tree.documentUri : uri, id),
    ),
    vscode.commands.registerCommand('systemDesign.insertMissingSection', (phaseId?: unknown, uri?: unknown) =>
      // From the editor's context menu the first argument is the document's URI.
      phaseId instanceof vscode.Uri ? insertMissingSection(services, undefined, phaseId) : insertMissingSection(services, phaseId, uri),
    ),
    vscode.commands.registerCommand('systemDesign.checklist.insertSection', (entry?: ChecklistEntry) =>
      insertMissingSection(services, entry?.phaseId, tree.documentUri),
    ),
    vscode.commands.registerCommand(REVEAL_COMMAND, (uri: vscode.Uri, line: number) => revealLine(uri, line)),
    vscode.commands.registerCommand('systemDesign.checkWorkspace', () => checkWorkspace(services, diagnostics)),
    vscode.commands.registerCommand('systemDesign.treatAsDesignDoc', (uri?: unknown) => treatAsDesignDoc(services, uri)),
    // The outline row's buttons: confirm marks the file (front matter), dismiss stops checking it.
    vscode.commands.registerCommand('systemDesign.confirmDesignDoc', () => {
      const uri = active.value?.document.uri;
      return uri ? treatAsDesignDoc(services, uri) : false;
    }),
    vscode.commands.registerCommand('systemDesign.dismissDesignDoc', async () => {
      const uri = active.value?.document.uri;
      if (!uri) return false;
      await services.setDismissed(uri, true);
      return true;
    }),
    vscode.commands.registerCommand('systemDesign.fixAll', (uri?: unknown) => fixAll(services, uri)),
  );

  const activationMs = performance.now() - started;
  return {
    activationMs,
    getChecklistItems: () => structuredClone(tree.items) as ChecklistEntry[],
    getStatusBarText: () => statusBar.text,
    onDidUpdate: updated.event,
    analyze: (document) => services.analysis.analyze(document),
    analysisOffThread: () => services.analysisOffThread,
    quickFixes: async (document, range) => {
      const diagnostics = vscode.languages.getDiagnostics(document.uri).filter((d) => d.range.intersection(range));
      const context: vscode.CodeActionContext = { diagnostics, only: vscode.CodeActionKind.QuickFix, triggerKind: vscode.CodeActionTriggerKind.Invoke };
      return codeActions.provideCodeActions(document, range, context, new vscode.CancellationTokenSource().token);
    },
  };
}

