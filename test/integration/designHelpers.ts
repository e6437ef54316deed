// Event-driven waits on the System Design extension (diagnostics, checklist) and its test API.
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SystemDesignApi } from '../../src/vscode/extension';
import { fixtureWorkspace, getExtension } from './helpers';
import { codeOf } from './common';

/** Activates the extension (idempotent) and returns its API object. */
export async function designApi(): Promise<SystemDesignApi> {
  return (await getExtension().activate()) as SystemDesignApi;
}

/** Resolves on the first `event` after which `probe` yields a value (checked immediately too). */
export function waitForEvent<T>(
  what: string,
  event: vscode.Event<unknown>,
  probe: () => T | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = probe();
    if (first !== undefined && first !== false) return resolve(first);
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = probe();
      if (value === undefined || value === false) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function designDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'System Design');
}

export { codeOf };

/** Waits (on onDidChangeDiagnostics) until our diagnostics for `uri` satisfy `accept`. */
export function waitForDesignDiagnostics(uri: vscode.Uri, what: string, accept: (diagnostics: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitForEvent(what, vscode.languages.onDidChangeDiagnostics, () => {
    const diagnostics = designDiagnostics(uri);
    return accept(diagnostics) ? diagnostics : undefined;
  });
}

/** Waits (on the API's update event) until the checklist satisfies `accept`. */
export function waitForChecklist<T>(api: SystemDesignApi, what: string, accept: (items: ReturnType<SystemDesignApi['getChecklistItems']>) => T | undefined | false): Promise<T> {
  return waitForEvent(what, api.onDidUpdate, () => accept(api.getChecklistItems()));
}

/** Reverts and closes every editor, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  // Closing a dirty editor would ask to save; reverting first never does.
  for (let i = 0; i < 30 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

export async function openUntitledMarkdown(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(document);
}

const FIXTURE_FILES = ['payments.design.md', 'no-tradeoffs.design.md', 'estimates.design.md', 'notations.design.md'];

/**
 * Turns auto-save off, and registers a `teardown` that fails the test which changed a fixture on disk
 * (tests edit open documents but must never save them), putting the original text back.
 */
export function guardFixturesOnDisk(): void {
  const read = () => FIXTURE_FILES.map((file) => readFileSync(path.join(fixtureWorkspace, file), 'utf8'));
  let before: string[] = [];
  // VS Code for the Web defaults to files.autoSave "afterDelay" (1 s): edits to fixtures would be saved.
  suiteSetup(async () => {
    const files = vscode.workspace.getConfiguration('files');
    if (files.get('autoSave') !== 'off') await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  });
  setup(() => {
    before = read();
  });
  teardown(async () => {
    await closeAllEditors();
    const after = read();
    const changed = FIXTURE_FILES.filter((_, i) => after[i] !== before[i]);
    changed.forEach((file) => writeFileSync(path.join(fixtureWorkspace, file), before[FIXTURE_FILES.indexOf(file)]));
    assert.deepEqual(changed, [], 'a fixture was saved to disk during this test');
  });
}
