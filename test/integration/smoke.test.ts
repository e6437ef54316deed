// Proves the harness itself: a real VS Code loads the development build and activates it on a design doc.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionId, getExtension, openFixture, repoRoot, waitForActivation } from './helpers';
import { log } from './output';

suite('smoke: extension in a real VS Code', () => {
  test('runs inside VS Code with the extension under development loaded', () => {
    log(`    VS Code ${vscode.version} (${vscode.env.appName}, ui: ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
    assert.match(vscode.version, /^\d+\.\d+\.\d+/);
    const extension = getExtension();
    assert.equal(extension.id, extensionId);
    assert.equal(path.resolve(extension.extensionUri.fsPath), repoRoot, 'the loaded extension is the repository build');
  });

  test('activates when a .design.md document opens', async () => {
    const editor = await openFixture('payments.design.md');
    assert.equal(path.basename(editor.document.uri.fsPath), 'payments.design.md');
    assert.ok(editor.document.getText().includes('#'), 'fixture document has content');
    const extension = await waitForActivation();
    assert.equal(extension.isActive, true);
    // The benchmark reports this figure (bench/environment.ts reads the file).
    const activationMs = (extension.exports as { activationMs?: unknown }).activationMs;
    assert.equal(typeof activationMs, 'number');
    log(`    activate() took ${(activationMs as number).toFixed(2)} ms`);
    const file = path.join(repoRoot, '.vscode-test', 'activate-time.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ ms: activationMs, vscode: vscode.version, measured: new Date().toISOString() }));
  });
});
