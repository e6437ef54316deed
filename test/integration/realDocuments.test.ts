// Real design documents by outside authors (from the corpus), opened as a user would find them: nothing
// marks them, so only their outline brings them in. The editor must ask (hints, a confirm row), not assert.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { parseDocument } from '../../src/core/parse';
import { recognizeDesignDocument } from '../../src/core/recognize';
import { recognitionPath } from '../../src/vscode/analysisService';
import { closeAllEditors, codeOf, designApi, designDiagnostics, guardFixturesOnDisk, waitForChecklist, waitForDesignDiagnostics } from './designHelpers';
import { openFixture, repoRoot, waitFor } from './helpers';

const corpusFile = (genre: string, name: string) => path.join(repoRoot, 'test', 'corpus', 'docs', genre, `${name}.md`);

async function openCorpus(genre: string, name: string): Promise<{ editor: vscode.TextEditor; onDisk: string; file: string }> {
  const file = corpusFile(genre, name);
  const onDisk = readFileSync(file, 'utf8');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  // The premise of the suite: nothing but the outline marks the file (not front matter, not a path glob).
  const recognition = recognizeDesignDocument(parseDocument(document.getText()), recognitionPath(document.uri));
  assert.equal(recognition.by, 'outline', `${name}: ${recognition.reason}`);
  return { editor: await vscode.window.showTextDocument(document), onDisk, file };
}

suite('real documents taken by their outline', () => {
  guardFixturesOnDisk();
  teardown(closeAllEditors);

  test('an interview write-up: outline row first, the core checklist after it, every finding a hint', async () => {
    const api = await designApi();
    const { editor, onDisk, file } = await openCorpus('interview', 'x-wqs--cruelsystem--donation-app');
    const expected = analyze(editor.document.getText(), { path: recognitionPath(editor.document.uri) });
    const items = await waitForChecklist(api, 'the donation-app checklist', (items) => items[0]?.kind === 'outline' && items);
    assert.match(items[0].tooltip, /reads as a system design write\\?-up/);
    assert.equal(items[1].label, expected.choice.framework.title);
    const phases = items.filter((item) => item.kind === 'phase');
    assert.deepEqual(
      phases.map((item) => [item.label, item.contextValue]),
      expected.phases.map((p) => [p.phase.title, p.status === 'missing' ? 'phase.missing' : `phase.${p.status}`]),
    );
    assert.ok(expected.findings.length > 0, 'the write-up has findings to show');
    const diagnostics = await waitForDesignDiagnostics(editor.document.uri, 'the write-up findings', (ds) => ds.length === expected.findings.length);
    assert.deepEqual(diagnostics.map(codeOf).sort(), expected.findings.map((f) => f.code).sort());
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Hint), 'unconfirmed: hints only');
    assert.equal(readFileSync(file, 'utf8'), onDisk, 'nothing is written to the file');
  });

  test('confirm adds front matter (one undoable edit) and the findings take their own severities', async () => {
    const api = await designApi();
    const { editor } = await openCorpus('interview', 'x-wqs--cruelsystem--donation-app');
    await waitForChecklist(api, 'the outline row', (items) => items[0]?.kind === 'outline');
    assert.equal(await vscode.commands.executeCommand('systemDesign.confirmDesignDoc'), true);
    assert.match(editor.document.getText(), /^---\nsysdesign: [a-z0-9-]+\n---\n/);
    await waitForChecklist(api, 'the checklist without the outline row', (items) => items.length > 0 && items[0].kind === 'framework');
    const expected = analyze(editor.document.getText(), { path: recognitionPath(editor.document.uri) });
    const severe = expected.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').length;
    assert.ok(severe > 0);
    await waitForDesignDiagnostics(editor.document.uri, 'asserted findings', (ds) => ds.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).length === severe);

    await vscode.commands.executeCommand('undo');
    assert.doesNotMatch(editor.document.getText(), /^---\nsysdesign/);
    await waitForChecklist(api, 'the outline row again after undo', (items) => items[0]?.kind === 'outline');
  });

  test('dismiss stops checking the file: no checklist, no diagnostics, and it stays dismissed when reopened', async () => {
    const api = await designApi();
    const { editor } = await openCorpus('proposal', 'prometheus--proposals--0055-stale-series-compaction');
    const items = await waitForChecklist(api, 'the proposal checklist', (items) => items[0]?.kind === 'outline' && items);
    assert.equal(items[1].label, analyze(editor.document.getText()).choice.framework.title);
    assert.match(items[1].label, /Design doc/);
    assert.equal(await vscode.commands.executeCommand('systemDesign.dismissDesignDoc'), true);
    await waitForChecklist(api, 'an empty checklist', (items) => items.length === 0);
    assert.deepEqual(designDiagnostics(editor.document.uri), []);
    assert.equal(editor.document.isDirty, false, 'dismissing does not touch the file');

    await closeAllEditors();
    await openFixture('payments.design.md');
    await waitForChecklist(api, 'another document', (items) => items.length > 0);
    await openCorpus('proposal', 'prometheus--proposals--0055-stale-series-compaction');
    await waitFor('the reopened file to stay unchecked', async () => (await api.analyze(vscode.window.activeTextEditor!.document)) === undefined && true);
    assert.equal(api.getChecklistItems().length, 0);
  });
});

suite('estimates in the notations authors use', () => {
  guardFixturesOnDisk();
  teardown(closeAllEditors);

  async function lensTitles(uri: vscode.Uri): Promise<Map<number, string>> {
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
    return new Map(lenses.map((lens) => [lens.range.start.line, lens.command?.title ?? '']));
  }
  const lineOf = (document: vscode.TextDocument, text: string) => document.getText().split('\n').findIndex((line) => line.includes(text));

  test('inline code, LaTeX and table cells get lenses in the author\'s units; wrong ones are flagged with the right value', async () => {
    const { document } = await openFixture('notations.design.md');
    const titles = await waitFor('the notation lenses', async () => {
      const found = await lensTitles(document.uri);
      return found.size >= 5 && found;
    }, 20_000);
    assert.match(titles.get(lineOf(document, '2M photos/day × 500 KB'))!, /^= 1 TB\/day ✓/);
    assert.match(titles.get(lineOf(document, '50M users × 2 KB'))!, /^= 100 GB ✗ claimed 1 TB/);
    assert.match(titles.get(lineOf(document, '\\approx 23K'))!, /^= 23\.1K views\/s ✓/);
    assert.match(titles.get(lineOf(document, '\\approx 2.3K'))!, /^= 23\.1 photos\/s ✗/);
    assert.match(titles.get(lineOf(document, 'Storage per year'))!, /^= 365 TB ✓/);
  });

  test('the quick fix for a wrong claim in math changes its number only, so the LaTeX stays whole', async () => {
    const { document } = await openFixture('notations.design.md');
    const line = lineOf(document, '\\approx 2.3K');
    const diagnostics = await waitForDesignDiagnostics(document.uri, 'the LaTeX wrong claim', (ds) => ds.some((d) => codeOf(d) === 'SE002' && d.range.start.line === line));
    const wrong = diagnostics.find((d) => codeOf(d) === 'SE002' && d.range.start.line === line)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((action) => /^Replace 2\.3K with /.test(action.title));
    assert.ok(replace?.edit, `no number fix among: ${actions.map((a) => a.title).join(', ')}`);
    const before = document.lineAt(line).text;
    assert.ok(await vscode.workspace.applyEdit(replace.edit));
    assert.equal(document.lineAt(line).text, before.replace('\\approx 2.3K', '\\approx 23'));
    await waitForDesignDiagnostics(document.uri, 'the wrong claim to go', (ds) => !ds.some((d) => codeOf(d) === 'SE002' && d.range.start.line === line));
  });
});
