// Shared helpers for integration tests: fixture paths, extension activation, polling waits.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitFor } from './common';

export { waitFor };

export const extensionId = 'system-design-docs.system-design-docs';

/** The repository root (this file is bundled to dist/test/integration/index.js). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const fixtureWorkspace = path.join(repoRoot, 'test', 'fixtures', 'workspace');

export function fixtureUri(relativePath: string): vscode.Uri {
  return vscode.Uri.file(path.join(fixtureWorkspace, relativePath));
}

export async function openFixture(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/** Waits until the diagnostics for `uri` satisfy `accept` (e.g. `(d) => d.length > 0`). */
export function waitForDiagnostics(uri: vscode.Uri, accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 15_000): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(`diagnostics on ${path.basename(uri.fsPath)}`, () => {
    const diagnostics = vscode.languages.getDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  }, timeoutMs);
}

/** The extension under test; fails if VS Code did not load it. */
export function getExtension(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded`);
  return extension;
}

export function waitForActivation(timeoutMs = 15_000): Promise<vscode.Extension<unknown>> {
  const extension = getExtension();
  return waitFor(`${extensionId} to activate`, () => extension.isActive && extension, timeoutMs);
}
