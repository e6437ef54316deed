// The design preview in the real extension host: the panel opens, its webview draws the diagrams,
// a broken diagram becomes a Problems entry at its line, and edits patch the preview live.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, openUntitledMarkdown } from './designHelpers';
import { openFixture, waitFor } from './helpers';
import type { PreviewStats } from '../../src/vscode/preview/previewPanel';

const FIXTURE = 'preview-diagrams.md';
const STATE_COMMAND = 'systemDesign._previewState';

function previewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter(
    (tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('systemDesign.preview'),
  );
}

function waitForState(uri: vscode.Uri, what: string, accept: (s: PreviewStats) => boolean): Promise<PreviewStats> {
  return waitFor(what, async () => {
    const state = await vscode.commands.executeCommand<PreviewStats | undefined>(STATE_COMMAND, uri);
    return state && state.renderedVersion === state.version && accept(state) ? state : undefined;
  }, 60_000);
}

suite('design preview', () => {
  teardown(async () => {
    await closeAllEditors();
  });

  test('opens a webview panel beside the editor whose diagrams the webview reports as drawn', async () => {
    const editor = await openFixture(FIXTURE);
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    const state = await waitForState(editor.document.uri, 'the preview to render', (s) => s.svgCount + s.errorCount === 3);
    assert.equal(state.svgCount, 2);
    assert.equal(state.errorCount, 1);
    assert.equal(previewTabs().length, 1);
    assert.notEqual(previewTabs()[0].group.viewColumn, vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputText))?.viewColumn, 'beside the editor');

    // One preview per document: asking again reuses the panel.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    assert.equal(previewTabs().length, 1);
  });

  test('one preview follows the active Markdown editor; locked, it stays, and the next preview gets its own tab', async () => {
    const first = await openFixture(FIXTURE);
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    await waitForState(first.document.uri, 'the first document\'s preview', (s) => s.svgCount + s.errorCount === 3);

    // Another Markdown document becomes active: the same tab now shows it.
    const second = await openFixture('payments.design.md');
    await waitForState(second.document.uri, 'the preview to follow the editor', (s) => s.ready);
    assert.equal(previewTabs().length, 1, 'previews do not pile up');
    assert.equal(await vscode.commands.executeCommand(STATE_COMMAND, first.document.uri), undefined, 'the first document has no preview now');
    await waitFor('the tab to name the second document', () => /payments\.design\.md/.test(previewTabs()[0]?.label ?? ''));

    // Locked to its document, it stays when the editor moves on; the next preview opens beside it.
    await vscode.commands.executeCommand('systemDesign.togglePreviewLock');
    await waitFor('the tab to say it is locked', () => /^\[Locked\]/.test(previewTabs()[0]?.label ?? ''));
    const third = await openFixture('estimates.design.md');
    await new Promise((done) => setTimeout(done, 500));
    assert.equal(await vscode.commands.executeCommand(STATE_COMMAND, third.document.uri), undefined, 'the locked preview did not follow');
    assert.ok(await vscode.commands.executeCommand(STATE_COMMAND, second.document.uri), 'the locked preview still shows its document');
    await vscode.window.showTextDocument(third.document);
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    await waitForState(third.document.uri, 'the third document\'s own preview', (s) => s.ready);
    assert.equal(previewTabs().length, 2);
  });

  test('a broken diagram becomes a Problems entry on its source line, and fixing it clears the entry', async () => {
    const editor = await openFixture(FIXTURE);
    const uri = editor.document.uri;
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    const isDiagramError = (d: vscode.Diagnostic) => d.source === 'mermaid';
    const diagnostics = await waitFor('a diagram diagnostic', () => {
      const found = vscode.languages.getDiagnostics(uri).filter(isDiagramError);
      return found.length > 0 ? found : undefined;
    }, 60_000);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal((diagnostics[0].code as { value: string }).value, 'SD150', 'the diagram error has its code and page');
    assert.match(diagnostics[0].message, /Parse error/);
    const lines = editor.document.getText().split('\n');
    const fence = lines.findIndex((line, i) => line.startsWith('```mermaid') && lines[i + 1] === 'flowchart TD');
    // Mermaid says "line 4" of the diagram: the fence line plus four is the broken node.
    assert.equal(diagnostics[0].range.start.line, fence + 4);
    assert.match(lines[diagnostics[0].range.start.line], /broken/);

    // A live edit (not saved) fixes the diagram: the debounced update patches the preview.
    const brokenLine = diagnostics[0].range.start.line;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(brokenLine, 0, brokenLine, lines[brokenLine].length), '  c');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const fixed = await waitForState(uri, 'the fixed diagram to render', (s) => s.errorCount === 0);
    assert.equal(fixed.svgCount, 3);
    await waitFor('the diagram diagnostic to clear', () => vscode.languages.getDiagnostics(uri).filter(isDiagramError).length === 0, 30_000);
  });

  test('in a design document a broken diagram is a Problems entry before any preview opens, and the preview adds no second one', async () => {
    const text = [
      '---', 'type: system-design', '---', '# Upload service', '', '## High-level design', '',
      '```mermaid', 'flowchart LR', '  client --> api', '  api --> store[(Blob store}', '```', '',
    ].join('\n');
    const editor = await openUntitledMarkdown(text);
    const uri = editor.document.uri;
    const sd150 = () => vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === 'SD150');
    // Mermaid's parser runs in the analysis worker: no preview is open.
    const found = await waitFor('the diagram problem without a preview', () => {
      const d = sd150();
      return d.length > 0 ? d : undefined;
    }, 60_000);
    assert.equal(found.length, 1);
    assert.equal(found[0].source, 'System Design');
    assert.equal(found[0].severity, vscode.DiagnosticSeverity.Error);
    // Mermaid's own line number is left out: the entry sits on the line.
    assert.match(found[0].message, /^Mermaid cannot parse this diagram: Expecting .*got/);
    assert.doesNotMatch(found[0].message, /on line \d/);
    assert.equal(found[0].range.start.line, text.split('\n').indexOf('  api --> store[(Blob store}'));

    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    await waitForState(uri, 'the preview with its diagram error', (s) => s.ready && s.errorCount === 1);
    assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mermaid').length, 0, 'one entry per broken diagram');

    const line = found[0].range.start.line;
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(line, 0, line, text.split('\n')[line].length), '  api --> store[(Blob store)]')));
    await waitForState(uri, 'the fixed diagram', (s) => s.errorCount === 0 && s.svgCount === 1);
    await waitFor('the problem to clear', () => sd150().length === 0, 30_000);
  });

  test('Export to HTML writes one self-contained file with the preview\'s diagrams as inline SVG', async () => {
    const editor = await openFixture(FIXTURE);
    const dir = mkdtempSync(path.join(tmpdir(), 'sd-export-'));
    try {
      const target = vscode.Uri.file(path.join(dir, 'out.html'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('systemDesign.exportHtml', editor.document.uri, target);
      assert.equal(written?.toString(), target.toString());
      const html = readFileSync(target.fsPath, 'utf8');
      assert.equal((html.match(/<div class="sd-diagram-svg"><svg/g) ?? []).length, 2, 'the two drawable diagrams, inline');
      assert.doesNotMatch(html, /<script/i);
      assert.doesNotMatch(html, /<link |src="http/i, 'nothing fetched');
      assert.match(html, /script-src 'none'|script-src &#39;none&#39;/);
      assert.match(html, /<pre class="sd-diagram-source">[^<]*broken/, 'the broken diagram stays as its source');
      // The raw HTML GitHub renders, without the author's comments, and math drawn as MathML by KaTeX.
      assert.doesNotMatch(html, /Guidance for the author/);
      assert.match(html, /<details>\s*<summary>Sizing notes<\/summary>/);
      assert.equal((html.match(/<math /g) ?? []).length, 2, 'the inline formula in the details and the display one');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
