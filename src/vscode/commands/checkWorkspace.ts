// "Check Workspace": analyses every design document in the workspace, open or not, into the Problems panel.
import * as vscode from 'vscode';
import { DEFAULT_DESIGN_GLOBS } from '../../core/recognize';
import type { DiagnosticsPublisher } from '../diagnostics';
import type { DesignServices } from '../services';
import { readSettings } from '../settings';

const EXCLUDE = '{**/node_modules/**,**/.git/**}';
/** Markdown files scanned for `sysdesign:` front matter; a bound for very large repositories. */
const MAX_MARKDOWN_FILES = 5000;

export interface WorkspaceCheckResult {
  documents: number;
  errors: number;
  warnings: number;
  others: number;
  cancelled: boolean;
}

/** URIs whose diagnostics came from the last workspace check (cleared on the next one). */
const checked = new Set<string>();

async function candidates(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { files } = readSettings(folder.uri, DEFAULT_DESIGN_GLOBS);
    for (const pattern of [...files, '**/*.{md,markdown}']) {
      if (token.isCancellationRequested) return [];
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), EXCLUDE, MAX_MARKDOWN_FILES, token);
      for (const uri of uris) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

export async function checkWorkspace(services: DesignServices, diagnostics: DiagnosticsPublisher): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { documents: 0, errors: 0, warnings: 0, others: 0, cancelled: false };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'System Design: checking design documents', cancellable: true },
    async (progress, token) => {
      const uris = await candidates(token);
      const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
      const seen = new Set<string>();
      const step = uris.length > 0 ? 100 / uris.length : 100;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: step });
        const document = open.get(uri.toString());
        let text: string;
        try {
          text = document ? document.getText() : new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        } catch {
          continue; // Unreadable (deleted meanwhile, permissions): nothing to report on.
        }
        const analysis = document ? await services.analysis.analyze(document) : await services.analysis.analyzeText(uri, text);
        if (!analysis) continue;
        seen.add(uri.toString());
        diagnostics.publish(uri, analysis);
        result.documents++;
        for (const finding of analysis.findings) {
          if (finding.severity === 'error') result.errors++;
          else if (finding.severity === 'warning') result.warnings++;
          else result.others++;
        }
      }
      result.cancelled = token.isCancellationRequested;
      if (!result.cancelled) {
        // Files from an earlier check that are no longer design documents (or were deleted).
        for (const key of checked) {
          if (!seen.has(key) && !open.has(key)) diagnostics.collection.delete(vscode.Uri.parse(key));
        }
        checked.clear();
      }
      for (const key of seen) if (!open.has(key)) checked.add(key);
    },
  );
  const summary = `${result.documents} design document${result.documents === 1 ? '' : 's'}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}`;
  const message = result.cancelled ? `System Design: check cancelled after ${summary}.` : `System Design: checked ${summary}.`;
  void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
