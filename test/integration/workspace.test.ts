// Workspace-wide features: team frameworks from .sysdesign/frameworks (read via workspace.fs, watched)
// and "Check Workspace" filling the Problems panel for files that are not open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, designApi, designDiagnostics, waitForDesignDiagnostics, guardFixturesOnDisk } from './designHelpers';
import { fixtureUri } from './helpers';
import { log } from './output';

// A folder of this run's own (set through systemDesign.frameworksFolder), so runs sharing the fixture
// workspace cannot see each other's files.
const runId = Math.random().toString(36).slice(2, 8);
const folderName = `.sysdesign-it-${runId}`;
const folder = fixtureUri(folderName);
const teamFile = fixtureUri(`${folderName}/teams/it-team.json`);
const brokenFile = fixtureUri(`${folderName}/teams/it-broken.json`);

const team = {
  id: 'it-team',
  title: 'Integration team',
  description: 'A two-phase team framework written by the integration test.',
  phases: [
    { id: 'goals', title: 'Goals', kind: 'requirements', headings: ['goals'], required: true, needs: [] },
    { id: 'risks', title: 'Risks', kind: 'trade-offs', headings: ['risks'], required: true, needs: [] },
  ],
};
const brokenText = '{\n  "id": "it-broken",\n  "title": "Broken",\n  "description": "Bad kind.",\n  "phases": [\n    { "id": "x", "title": "X", "kind": "not-a-kind", "headings": ["x"], "required": true, "needs": [] }\n  ]\n}\n';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * Waits for the watcher to bring a framework-file change into Problems. The server's file watcher can
 * miss events (seen in a fresh CI clone); then the next request for frameworks, as "New Design
 * Document" makes, must find the change by the folder's listing.
 */
async function noticed(uri: vscode.Uri, what: string, accept: (ds: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  try {
    return await waitForDesignDiagnostics(uri, what, accept);
  } catch {
    log(`    the watcher missed it (${what}); the next request for frameworks must find it`);
    await vscode.commands.executeCommand('systemDesign.newDocument', 'it-team');
    await closeAllEditors();
    return waitForDesignDiagnostics(uri, `${what}, after a request`, accept);
  }
}

suite('workspace features', () => {
  guardFixturesOnDisk();
  suiteSetup(async () => {
    await designApi();
    await vscode.workspace.getConfiguration('systemDesign').update('frameworksFolder', `${folderName}/teams`, vscode.ConfigurationTarget.Global);
  });

  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('systemDesign').update('frameworksFolder', undefined, vscode.ConfigurationTarget.Global);
  });

  teardown(async () => {
    await closeAllEditors();
    try {
      await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    } catch {
      // Already gone.
    }
  });

  test('team frameworks load from the frameworks folder setting; a bad file is flagged at its field', async function () {
    this.timeout(90_000);
    // Load the folder's frameworks once before the files exist, so the watcher has to notice them.
    assert.equal(await vscode.commands.executeCommand('systemDesign.newDocument', 'it-team'), undefined);
    await vscode.workspace.fs.writeFile(brokenFile, encode(brokenText));
    await vscode.workspace.fs.writeFile(teamFile, encode(JSON.stringify(team, null, 2)));

    const flagged = await noticed(brokenFile, 'the broken framework flagged', (ds) => ds.length > 0);
    assert.equal(flagged[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(flagged[0].range.start.line, 5, 'underlines the phase line holding the bad kind');
    assert.match(flagged[0].message, /kind/i);

    const document = await vscode.commands.executeCommand<vscode.TextDocument>('systemDesign.newDocument', 'it-team');
    assert.ok(document, 'the team framework is offered after the watcher re-read the folder');
    assert.match(document.getText(), /sysdesign: it-team\n[\s\S]*## Goals[\s\S]*## Risks/);
    const api = await designApi();
    const analysis = await api.analyze(document);
    assert.equal(analysis?.choice.framework.id, 'it-team');
    assert.equal(analysis?.choice.framework.origin, 'workspace');

    // Deleting the bad file clears its diagnostics.
    await vscode.workspace.fs.delete(brokenFile);
    await noticed(brokenFile, 'diagnostics gone with the file', (ds) => ds.length === 0);
  });

  test('"Check Workspace" reports on design documents that are not open', async () => {
    await closeAllEditors();
    const payments = fixtureUri('payments.design.md');
    await waitForDesignDiagnostics(payments, 'no diagnostics while closed', (ds) => ds.length === 0);
    const result = await vscode.commands.executeCommand<{ documents: number; errors: number; warnings: number; cancelled: boolean }>('systemDesign.checkWorkspace');
    assert.equal(result.cancelled, false);
    assert.ok(result.documents >= 2, `both .design.md fixtures (found ${result.documents})`);
    assert.ok(result.errors >= 1, 'the missing trade-offs error of no-tradeoffs.design.md');
    assert.ok(designDiagnostics(payments).some((d) => codeOf(d) === 'SD009'), 'the missing availability target of payments.design.md');
    assert.ok(designDiagnostics(fixtureUri('no-tradeoffs.design.md')).some((d) => codeOf(d) === 'SD001' && /trade-offs/i.test(d.message)));
  });

  test('"Check Workspace" pauses a closed design document over maxDocumentSizeMB with one SD190 notice, and skips a large non-design file', async () => {
    await closeAllEditors();
    const big = fixtureUri(`it-big-${runId}.design.md`);
    const bigNotes = fixtureUri(`it-big-notes-${runId}.md`);
    // About 0.16 MB each, over the 0.1 MB limit set below; the .design.md fixtures stay far under it.
    const filler = 'The write path appends each event to the log and acknowledges once a quorum has it.\n'.repeat(2000);
    await vscode.workspace.fs.writeFile(big, encode(`---\nsysdesign: default\n---\n# Big design\n\n## Requirements\n\n${filler}`));
    await vscode.workspace.fs.writeFile(bigNotes, encode(`# Notes\n\n${filler}`));
    await vscode.workspace.getConfiguration('systemDesign').update('maxDocumentSizeMB', 0.1, vscode.ConfigurationTarget.Global);
    try {
      const result = await vscode.commands.executeCommand<{ documents: number; paused: number; cancelled: boolean }>('systemDesign.checkWorkspace');
      assert.equal(result.cancelled, false);
      assert.equal(result.paused, 1, 'only the large design document is paused');
      assert.ok(result.documents >= 2, `the small .design.md fixtures are still analysed (found ${result.documents})`);
      const notice = designDiagnostics(big);
      assert.deepEqual(notice.map(codeOf), ['SD190'], 'one paused notice instead of findings');
      assert.equal(notice[0].severity, vscode.DiagnosticSeverity.Information);
      assert.equal(
        notice[0].message,
        'System Design analysis paused: this document is 0.2 MB, larger than systemDesign.maxDocumentSizeMB (0.1 MB). Raise the setting to analyse it.',
      );
      assert.deepEqual(designDiagnostics(bigNotes), [], 'a large file that is not a design document gets nothing');
      assert.ok(designDiagnostics(fixtureUri('payments.design.md')).some((d) => codeOf(d) === 'SD009'), 'small documents keep their findings');
    } finally {
      await vscode.workspace.getConfiguration('systemDesign').update('maxDocumentSizeMB', undefined, vscode.ConfigurationTarget.Global);
      for (const uri of [big, bigNotes]) await vscode.workspace.fs.delete(uri, { useTrash: false });
    }
  });
});
