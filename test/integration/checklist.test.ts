// The checklist view, status bar and document commands, checked against the core's own analysis.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../../src/vscode/convert';
import { analyze } from '../../src/core/analyze';
import { closeAllEditors, designApi, openUntitledMarkdown, waitForChecklist, guardFixturesOnDisk } from './designHelpers';
import { openFixture, waitFor } from './helpers';
import { log } from './output';

suite('checklist view and status bar', () => {
  guardFixturesOnDisk();
  teardown(closeAllEditors);

  test('the tree lists the framework then each phase with the status the core computes', async () => {
    const api = await designApi();
    const editor = await openFixture('payments.design.md');
    const expected = analyze(editor.document.getText(), { path: 'payments.design.md' });
    const items = await waitForChecklist(api, 'the payments checklist', (items) => items[0]?.label === expected.choice.framework.title && items);

    assert.equal(items[0].kind, 'framework');
    // Other features (the capacity summary) may add their own rows after the phases.
    const phases = items.filter((item) => item.kind === 'phase');
    assert.deepEqual(phases.map((item) => item.label), expected.phases.map((phase) => phase.phase.title));
    for (const [index, phase] of expected.phases.entries()) {
      const item = phases[index];
      assert.ok(item.description.startsWith(phase.status), `${item.label}: ${item.description}`);
      assert.equal(item.contextValue, phase.status === 'missing' ? 'phase.missing' : `phase.${phase.status}`);
      assert.equal(item.line, phase.line);
      if (phase.status !== 'missing') assert.deepEqual(item.children.map((child) => child.label), phase.checks.map((check) => check.title));
    }

    const present = expected.phases.filter((phase) => phase.status === 'present').length;
    assert.equal(api.getStatusBarText(), `$(checklist) ${present}/${expected.phases.length} phases`);
  });

  test('typing a missing section updates the tree and status bar (debounced, no save)', async () => {
    const api = await designApi();
    const editor = await openFixture('payments.design.md');
    const missing = await waitForChecklist(api, 'a missing phase', (items) => items.find((item) => item.contextValue === 'phase.missing'));
    const before = api.getStatusBarText();
    const title = missing.label;
    const typed = Date.now();
    await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount, 0), `\n## ${title}\n\nWritten while the test types.\n`));
    const updated = await waitForChecklist(api, `${title} present`, (items) => {
      const item = items.find((entry) => entry.phaseId === missing.phaseId);
      return item && item.contextValue !== 'phase.missing' && item;
    });
    log(`    edit to checklist update: ${Date.now() - typed} ms (includes the 300 ms typing debounce)`);
    const headingLine = editor.document.getText().split('\n').indexOf(`## ${title}`);
    assert.ok(headingLine > 0);
    assert.equal(updated.line, headingLine);
    assert.notEqual(api.getStatusBarText(), before);
  });

  test('clicking a phase reveals its heading line', async () => {
    const api = await designApi();
    await openFixture('payments.design.md');
    const phase = await waitForChecklist(api, 'a present phase', (items) => items.find((item) => item.contextValue === 'phase.present' && (item.line ?? 0) > 10));
    // Move the cursor away first, so the reveal has something to do.
    vscode.window.activeTextEditor!.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('systemDesign.checklist.reveal', vscode.window.activeTextEditor!.document.uri, phase.line);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.selection.active.line, phase.line);
    assert.ok(editor.visibleRanges.some((range) => range.contains(new vscode.Position(phase.line!, 0))));
  });

  test('"Insert Section" on a missing phase adds it where the framework expects it', async () => {
    const api = await designApi();
    const editor = await openFixture('payments.design.md');
    const missing = await waitForChecklist(api, 'a missing phase', (items) => items.find((item) => item.contextValue === 'phase.missing'));
    assert.equal(await vscode.commands.executeCommand('systemDesign.checklist.insertSection', missing), true);
    await waitForChecklist(api, 'inserted phase present', (items) => items.find((item) => item.phaseId === missing.phaseId && item.contextValue !== 'phase.missing'));
    assert.ok(editor.document.isDirty);
    const after = analyze(editor.document.getText(), { path: 'payments.design.md' });
    assert.notEqual(after.phases.find((phase) => phase.phase.id === missing.phaseId)?.status, 'missing');
    assert.equal(vscode.window.activeTextEditor?.selection.active.line, after.phases.find((phase) => phase.phase.id === missing.phaseId)?.line);
  });

  test('a non-design Markdown file shows no checklist; "Treat as design document" adds front matter (undoable)', async () => {
    const api = await designApi();
    const editor = await openUntitledMarkdown('# Team notes\n\n## Requirements\n\n- Users can post.\n\n## High-level design\n\nA web tier and a database.\n');
    await waitForChecklist(api, 'empty checklist for a plain note', (items) => items.length === 0);
    assert.equal(api.getStatusBarText(), undefined);

    assert.equal(await vscode.commands.executeCommand('systemDesign.treatAsDesignDoc'), true);
    assert.match(editor.document.getText(), /^---\nsysdesign: [a-z0-9-]+\n---\n\n# Team notes/);
    const items = await waitForChecklist(api, 'a checklist after treating as design doc', (items) => items.length > 0 && items);
    assert.match(items[0].description, /front matter/);
    assert.match(api.getStatusBarText() ?? '', /^\$\(checklist\) \d+\/\d+ phases$/);

    await vscode.commands.executeCommand('undo');
    assert.ok(editor.document.getText().startsWith('# Team notes'));
    await waitForChecklist(api, 'empty checklist after undo', (items) => items.length === 0);
  });

  test('"New Design Document" opens an untitled document from the framework template', async () => {
    const api = await designApi();
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('systemDesign.newDocument', 'five-step');
    assert.ok(document);
    assert.equal(document.isUntitled, true, 'nothing is written to disk until the user saves');
    assert.equal(document.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    assert.match(document.getText(), /^---\nsysdesign: five-step\n---\n/);
    const analysis = analyze(document.getText());
    assert.equal(analysis.choice.framework.id, 'five-step');
    assert.deepEqual(analysis.phases.filter((phase) => phase.status === 'missing'), []);
    const items = await waitForChecklist(api, 'the five-step checklist', (items) => items[0]?.label === analysis.choice.framework.title && items);
    assert.equal(items.filter((item) => item.kind === 'phase').length, analysis.phases.length);
    // A fresh template is a to-do list: its empty sections are hints in Problems, no warning and no error.
    const problems = await waitFor('the fresh template\'s problems', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
      return found.length > 0 && found;
    }, 20_000);
    assert.deepEqual(problems.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).map((d) => d.message), []);
    // Rows fit the default sidebar width: status, checks and time in a few words, the rest in the tooltip.
    for (const item of items.filter((entry) => entry.kind === 'phase')) assert.ok(item.description.length <= 32, `${item.label}: "${item.description}"`);
  });

  test('"Select Framework" rewrites the sysdesign front matter as one undoable edit', async () => {
    const api = await designApi();
    const editor = await openUntitledMarkdown('---\nsysdesign: five-step\ntitle: Chat\n---\n\n# Chat\n');
    await waitForChecklist(api, 'five-step', (items) => items[0]?.label.startsWith('Five-step'));
    assert.equal(await vscode.commands.executeCommand('systemDesign.selectFramework', editor.document.uri, 'eight-step'), true);
    assert.equal(editor.document.getText(), '---\nsysdesign: eight-step\ntitle: Chat\n---\n\n# Chat\n');
    await waitForChecklist(api, 'eight-step', (items) => /8-step/.test(items[0]?.label ?? ''));
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /sysdesign: five-step/);
  });
});

const phaseCount = (items: Array<{ kind: string }>) => items.filter((item) => item.kind === 'phase').length;

suite('checklist follows the active editor', () => {
  guardFixturesOnDisk();

  test('switching documents switches the checklist; a non-Markdown editor empties it and hides the status bar', async () => {
    const api = await designApi();
    const first = await openFixture('payments.design.md');
    const payments = analyze(first.document.getText(), { path: 'payments.design.md' });
    await waitForChecklist(api, 'payments', (items) => items[0]?.label === payments.choice.framework.title && phaseCount(items) === payments.phases.length);

    const other = await openFixture('no-tradeoffs.design.md');
    const expected = analyze(other.document.getText(), { path: 'no-tradeoffs.design.md' });
    await waitForChecklist(api, 'no-tradeoffs', (items) =>
      phaseCount(items) === expected.phases.length && items.find((item) => item.phaseId === 'trade-offs')?.contextValue === 'phase.missing');

    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: 'not markdown' });
    await vscode.window.showTextDocument(plain);
    await waitForChecklist(api, 'an empty checklist', (items) => items.length === 0);
    assert.equal(api.getStatusBarText(), undefined);
  });
});

suite('commands through their QuickPicks', () => {
  guardFixturesOnDisk();

  /** Runs a command that shows a QuickPick and accepts its first (focused) item. */
  async function runAcceptingFirst<T>(command: string): Promise<T> {
    let settled = false;
    const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => {
      settled = true;
    });
    // No event tells when the QuickPick is shown; accepting before it exists does nothing.
    for (let i = 0; i < 100 && !settled; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await Promise.race([result, new Promise((resolve) => setTimeout(resolve, 100))]);
    }
    return result;
  }

  test('"Insert Missing Section" with no argument offers the missing phases and inserts the chosen one', async () => {
    const api = await designApi();
    const editor = await openFixture('no-tradeoffs.design.md');
    const before = analyze(editor.document.getText(), { path: 'no-tradeoffs.design.md' });
    const firstMissing = before.phases.find((phase) => phase.status === 'missing')!;
    assert.equal(await runAcceptingFirst<boolean>('systemDesign.insertMissingSection'), true);
    const after = analyze(editor.document.getText(), { path: 'no-tradeoffs.design.md' });
    assert.notEqual(after.phases.find((phase) => phase.phase.id === firstMissing.phase.id)?.status, 'missing');
    assert.equal(after.phases.filter((phase) => phase.status === 'missing').length, before.phases.filter((phase) => phase.status === 'missing').length - 1);
    await waitForChecklist(api, 'inserted phase in the tree', (items) => items.find((item) => item.phaseId === firstMissing.phase.id && item.contextValue !== 'phase.missing'));
  });

  test('"New Design Document" with no argument opens the first framework of the pick', async () => {
    const document = await runAcceptingFirst<vscode.TextDocument>('systemDesign.newDocument');
    assert.ok(document?.isUntitled);
    assert.match(document.getText(), /^---\nsysdesign: default\n---/);
  });
});
