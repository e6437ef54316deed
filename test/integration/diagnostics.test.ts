// Problems entries, quick fixes, fix-all and live rule settings, in the real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, designApi, designDiagnostics, guardFixturesOnDisk, openUntitledMarkdown, waitForChecklist, waitForDesignDiagnostics } from './designHelpers';
import { openFixture } from './helpers';

const FIXTURE = 'no-tradeoffs.design.md';
const isMissingTradeOffs = (d: vscode.Diagnostic) => codeOf(d) === 'SD001' && /trade-offs/i.test(d.message);

suite('diagnostics and quick fixes', () => {
  guardFixturesOnDisk();
  suiteSetup(async () => {
    await designApi();
  });

  teardown(async () => {
    await vscode.workspace.getConfiguration('systemDesign').update('rules', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  test('a design document without trade-offs gets a Problems entry', async () => {
    const editor = await openFixture(FIXTURE);
    const diagnostics = await waitForDesignDiagnostics(editor.document.uri, 'the missing trade-offs error', (ds) => ds.some(isMissingTradeOffs));
    const tradeOffs = diagnostics.find(isMissingTradeOffs)!;
    assert.equal(tradeOffs.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(tradeOffs.source, 'System Design');
    // The workspace's Problems data holds it too, not only our collection.
    assert.ok(vscode.languages.getDiagnostics().some(([uri, ds]) => uri.toString() === editor.document.uri.toString() && ds.some(isMissingTradeOffs)));
  });

  test('every entry links to its code\'s documentation page, shipped with the extension', async () => {
    const editor = await openFixture(FIXTURE);
    const diagnostics = await waitForDesignDiagnostics(editor.document.uri, 'findings', (ds) => ds.some(isMissingTradeOffs));
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'system-design-docs')!;
    for (const d of diagnostics) {
      const code = d.code as { value: string; target: vscode.Uri };
      assert.equal(typeof code, 'object', `${codeOf(d)} carries a link`);
      assert.equal(code.target.toString(), vscode.Uri.joinPath(extension.extensionUri, 'docs', 'rules', `${code.value}.md`).toString());
      const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(code.target));
      assert.ok(page.startsWith(`# ${code.value} · `), `the page of ${code.value} is there and is its own`);
    }
  });

  test('the preferred quick fix inserts the section and the warning disappears; undo brings it back', async () => {
    const editor = await openFixture(FIXTURE);
    const { uri } = editor.document;
    const diagnostic = (await waitForDesignDiagnostics(uri, 'the missing trade-offs error', (ds) => ds.some(isMissingTradeOffs))).find(isMissingTradeOffs)!;

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const insert = actions.find((action) => /trade-offs/i.test(action.title) && action.isPreferred);
    assert.ok(insert, `no preferred trade-offs fix among: ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(insert.kind && vscode.CodeActionKind.QuickFix.contains(insert.kind));
    // The command above drops CodeAction.diagnostics; the API asks the same provider with the real diagnostics.
    const direct = await (await designApi()).quickFixes(editor.document, diagnostic.range);
    const attached = direct.find((action) => action.title === insert.title)?.diagnostics ?? [];
    assert.deepEqual(attached.map((d) => d.message), [diagnostic.message], 'the fix names exactly the diagnostic it fixes');
    assert.ok(actions.some((action) => action.title === 'Fix all System Design problems' && !action.isPreferred));

    assert.ok(await vscode.workspace.applyEdit(insert.edit!));
    assert.match(editor.document.getText(), /^#{2,3} .*Trade-?offs/im);
    await waitForDesignDiagnostics(uri, 'the trade-offs error to go away', (ds) => ds.length > 0 && !ds.some(isMissingTradeOffs));

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitForDesignDiagnostics(uri, 'the trade-offs error to come back after undo', (ds) => ds.some(isMissingTradeOffs));
  });

  test('fix-all (source.fixAll.systemDesign and the command) applies every missing-section fix in one edit', async () => {
    const editor = await openFixture(FIXTURE);
    const { uri } = editor.document;
    const before = await waitForDesignDiagnostics(uri, 'several SD001 entries', (ds) => ds.filter((d) => codeOf(d) === 'SD001').length >= 2);
    const full = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, full, 'source.fixAll.systemDesign');
    assert.equal(actions.length, 1);
    assert.equal(actions[0].title, 'Fix all System Design problems');
    assert.ok(actions[0].edit && actions[0].edit.get(uri).length >= 2);

    const applied = await vscode.commands.executeCommand<number>('systemDesign.fixAll', uri);
    assert.ok(applied >= before.filter((d) => codeOf(d) === 'SD001').length, `applied ${applied}`);
    await waitForDesignDiagnostics(uri, 'no SD001 after fix-all', (ds) => !ds.some((d) => codeOf(d) === 'SD001'));
    // One undo step removes all of it.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitForDesignDiagnostics(uri, 'SD001 back after one undo', (ds) => ds.filter((d) => codeOf(d) === 'SD001').length === before.filter((d) => codeOf(d) === 'SD001').length);
  });

  test('inserted parts land beside the part that holds the previous phase, and targets join their list, by command and by Fix All alike', async () => {
    const text = [
      '---', 'sysdesign: default', '---', '# Chat', '',
      '## Requirements', '', '- Functional', '  - Users send messages', '- Non-functional', '  - Low latency', '  - Highly available', '',
      '## High-level design', '', 'A gateway and a chat service.', '',
      '## Deep dive', '', '### Caching', '', 'Recent messages in Redis.', '', '### Scaling', '', 'Shard by conversation.', '', '### Notes on ids', '', 'Snowflake ids.', '',
      '## Wrap-up', '', 'Done.', '',
    ].join('\n');
    for (const how of ['command', 'fix all'] as const) {
      const editor = await openUntitledMarkdown(text);
      const { document } = editor;
      await waitForDesignDiagnostics(document.uri, 'the missing trade-offs and the untargeted requirements', (ds) => ds.some(isMissingTradeOffs) && ds.some((d) => codeOf(d) === 'SD009'));
      if (how === 'command') {
        assert.equal(await vscode.commands.executeCommand('systemDesign.insertMissingSection', 'trade-offs', document.uri), true);
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(9, 0, 9, 0));
        const targets = actions.find((a) => a.title === 'Add missing targets');
        assert.ok(targets?.edit, 'the SD009 quick fix');
        assert.ok(await vscode.workspace.applyEdit(targets.edit));
      } else {
        assert.ok((await vscode.commands.executeCommand<number>('systemDesign.fixAll', document.uri)) >= 2);
      }
      const lines = document.getText().split('\n');
      const at = lines.indexOf('## Trade-offs');
      assert.ok(at > lines.indexOf('Snowflake ids.') && at < lines.indexOf('## Wrap-up'), `${how}: after the whole deep dive, before the wrap-up`);
      const scale = lines.findIndex((l) => l.includes('Scale: TODO'));
      assert.equal(lines[scale - 1], '  - Highly available', `${how}: right after the last target item`);
      assert.match(lines[scale], /^ {2}- Scale: TODO/, `${how}: at the depth of its list`);
      await closeAllEditors();
    }
  });

  test('rule settings apply live: SD001 off removes it, clearing the setting restores it', async () => {
    const editor = await openFixture(FIXTURE);
    const { uri } = editor.document;
    await waitForDesignDiagnostics(uri, 'SD001 present', (ds) => ds.some((d) => codeOf(d) === 'SD001'));
    const config = () => vscode.workspace.getConfiguration('systemDesign');
    await config().update('rules', { SD001: 'off', 'architecture-without-diagram': 'hint' }, vscode.ConfigurationTarget.Global);
    const after = await waitForDesignDiagnostics(uri, 'SD001 gone', (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'SD001'));
    const diagram = after.find((d) => codeOf(d) === 'SD005');
    assert.equal(diagram?.severity, vscode.DiagnosticSeverity.Hint, 'slug keys apply too');
    await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForDesignDiagnostics(uri, 'SD001 back', (ds) => ds.some((d) => codeOf(d) === 'SD001'));
  });

  test('"Ignore SD001 in this document" silences that rule only, with a comment in the file', async () => {
    const editor = await openFixture(FIXTURE);
    const { uri } = editor.document;
    const diagnostic = (await waitForDesignDiagnostics(uri, 'SD001', (ds) => ds.some(isMissingTradeOffs))).find(isMissingTradeOffs)!;
    const others = designDiagnostics(uri).filter((d) => codeOf(d) !== 'SD001').length;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const ignore = actions.find((action) => action.title === 'Ignore SD001 in this document');
    assert.ok(ignore && !ignore.isPreferred);
    assert.ok(await vscode.workspace.applyEdit(ignore.edit!));
    assert.match(editor.document.lineAt(0).text, /^<!-- sysdesign-disable SD001 -->$/);
    const after = await waitForDesignDiagnostics(uri, 'SD001 ignored', (ds) => !ds.some((d) => codeOf(d) === 'SD001'));
    assert.equal(after.length, others);
  });

  test('diagnostics are cleared when the document closes', async () => {
    const editor = await openFixture(FIXTURE);
    const { uri } = editor.document;
    await waitForDesignDiagnostics(uri, 'diagnostics', (ds) => ds.length > 0);
    await closeAllEditors();
    await waitForDesignDiagnostics(uri, 'no diagnostics after close', (ds) => ds.length === 0);
    assert.deepEqual(designDiagnostics(uri), []);
  });
});

suite('framework and file settings apply live', () => {
  guardFixturesOnDisk();

  teardown(async () => {
    const config = vscode.workspace.getConfiguration('systemDesign');
    await config.update('framework', undefined, vscode.ConfigurationTarget.Global);
    await config.update('files', undefined, vscode.ConfigurationTarget.Global);
  });

  test('systemDesign.framework picks the framework for documents that name none', async () => {
    const api = await designApi();
    const editor = await openFixture('payments.design.md');
    await waitForChecklist(api, 'a checklist', (items) => items.length > 0);
    await vscode.workspace.getConfiguration('systemDesign').update('framework', 'eight-step', vscode.ConfigurationTarget.Global);
    const items = await waitForChecklist(api, 'the eight-step checklist', (items) => /8-step/.test(items[0]?.label ?? '') && items);
    assert.match(items[0].description, /settings/);
    assert.equal((await api.analyze(editor.document))?.choice.source, 'setting');
  });

  test('systemDesign.files decides which files are design documents; recognizeByOutline whether an outline alone does', async () => {
    const api = await designApi();
    const editor = await openFixture('payments.design.md');
    await waitForDesignDiagnostics(editor.document.uri, 'diagnostics', (ds) => ds.length > 0);
    const config = () => vscode.workspace.getConfiguration('systemDesign');
    try {
      await config().update('files', ['docs/**/*.md'], vscode.ConfigurationTarget.Global);
      // No longer matched, the file is still a design document by its outline: the editor asks, it does not assert.
      await waitForDesignDiagnostics(editor.document.uri, 'hints only once the file no longer matches', (ds) => ds.length > 0 && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Hint));
      await waitForChecklist(api, 'the outline row', (items) => items[0]?.kind === 'outline');
      await config().update('recognizeByOutline', false, vscode.ConfigurationTarget.Global);
      await waitForDesignDiagnostics(editor.document.uri, 'no diagnostics without outline recognition', (ds) => ds.length === 0);
      await waitForChecklist(api, 'an empty checklist', (items) => items.length === 0);
    } finally {
      await config().update('files', undefined, vscode.ConfigurationTarget.Global);
      await config().update('recognizeByOutline', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitForDesignDiagnostics(editor.document.uri, 'diagnostics back', (ds) => ds.some((d) => d.severity !== vscode.DiagnosticSeverity.Hint));
  });
});
