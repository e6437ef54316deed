// "Check Workspace": analyses every design document in the workspace, open or not, into the Problems panel.
import * as vscode from 'vscode';
import type { Analysis } from '../../core/types';
import type { DiagnosticsPublisher } from '../diagnostics';
import { MAX_SIZE_SETTING, RECOGNITION_HEAD_CHARS, type PausedInfo } from '../documentSize';
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
  /** Design documents over `maxDocumentSizeMB`: one SD190 notice each, not analysed. */
  paused: number;
  cancelled: boolean;
}

/** URIs whose diagnostics came from the last workspace check (cleared on the next one). */
const checked = new Set<string>();

async function candidates(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { files } = readSettings(folder.uri);
    for (const pattern of [...files, '**/*.{md,markdown}']) {
      if (token.isCancellationRequested) return [];
      const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, pattern), EXCLUDE, MAX_MARKDOWN_FILES, token);
      for (const uri of uris) found.set(uri.toString(), uri);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}

type Checked = { analysis: Analysis; paused?: undefined } | { analysis?: undefined; paused: PausedInfo };

/** One file, open or not, through the same size limit as live analysis; undefined when it is not a design document (or unreadable). */
async function checkOne(services: DesignServices, uri: vscode.Uri, document: vscode.TextDocument | undefined): Promise<Checked | undefined> {
  if (document) {
    const analysis = await services.analysis.analyze(document);
    const paused = analysis ? undefined : services.analysis.pausedState(document);
    return analysis ? { analysis } : paused ? { paused } : undefined;
  }
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return undefined; // Unreadable (deleted meanwhile, permissions): nothing to report on.
  }
  // Bytes on disk stand in for the text's length (equal for ASCII, never fewer), so a file over the
  // limit is not decoded beyond the head that recognition reads.
  const head = () => new TextDecoder('utf-8').decode(bytes.subarray(0, RECOGNITION_HEAD_CHARS));
  const verdict = services.analysis.checkSize(uri, bytes.length, head);
  if (verdict.kind === 'skip') return undefined;
  if (verdict.kind === 'paused') return { paused: verdict.paused };
  const analysis = await services.analysis.analyzeText(uri, new TextDecoder('utf-8').decode(bytes));
  return analysis ? { analysis } : undefined;
}

export async function checkWorkspace(services: DesignServices, diagnostics: DiagnosticsPublisher): Promise<WorkspaceCheckResult> {
  const result: WorkspaceCheckResult = { documents: 0, errors: 0, warnings: 0, others: 0, paused: 0, cancelled: false };
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
        const outcome = await checkOne(services, uri, open.get(uri.toString()));
        if (!outcome) continue;
        seen.add(uri.toString());
        diagnostics.publish(uri, outcome.analysis, outcome.paused);
        const { analysis } = outcome;
        if (!analysis) {
          result.paused++;
          continue;
        }
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
  const pausedNote = result.paused > 0 ? `; ${result.paused} paused, larger than ${MAX_SIZE_SETTING}` : '';
  const summary = `${result.documents} design document${result.documents === 1 ? '' : 's'}: ${result.errors} error${result.errors === 1 ? '' : 's'}, ${result.warnings} warning${result.warnings === 1 ? '' : 's'}${pausedNote}`;
  const message = result.cancelled ? `System Design: check cancelled after ${summary}.` : `System Design: checked ${summary}.`;
  void vscode.window.showInformationMessage(message, 'Show Problems').then((choice) => {
    if (choice) void vscode.commands.executeCommand('workbench.actions.view.problems');
  });
  return result;
}
