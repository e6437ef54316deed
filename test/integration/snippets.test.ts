// Contributed snippets expand in a real editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { closeAllEditors, designApi, openUntitledMarkdown, guardFixturesOnDisk } from './designHelpers';

async function insertByName(name: string): Promise<string> {
  const editor = await openUntitledMarkdown('');
  await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name });
  const text = editor.document.getText();
  await vscode.commands.executeCommand('leaveSnippet');
  return text;
}

suite('snippets', () => {
  guardFixturesOnDisk();
  suiteSetup(designApi);
  teardown(closeAllEditors);

  test('the trade-offs snippet expands to an option A/B comparison', async () => {
    const text = await insertByName('Trade-offs section');
    assert.match(text, /^## Trade-offs\n/);
    assert.match(text, /#### Option A: SQL \(PostgreSQL\)/);
    assert.match(text, /#### Option B: /);
    assert.match(text, /When to use:/);
    assert.doesNotMatch(text, /\$\{|\$\d/, 'placeholders were expanded');
  });

  test('the estimation snippet expands to an estimate block the core evaluates cleanly', async () => {
    const text = await insertByName('Estimation section');
    assert.match(text, /```estimate\nDAU = 10M users\n/);
    const analysis = analyze(`---\nsysdesign: default\n---\n# X\n\n${text}`);
    assert.deepEqual(analysis.estimates.findings, []);
    assert.ok(analysis.estimates.lines.length >= 6);
  });

  test('a framework template snippet expands to a full document for that framework', async () => {
    const text = await insertByName('Design document: Five-step interview guide');
    const analysis = analyze(text);
    assert.equal(analysis.choice.framework.id, 'five-step');
    assert.deepEqual(analysis.phases.filter((phase) => phase.status === 'missing'), []);
  });
});
