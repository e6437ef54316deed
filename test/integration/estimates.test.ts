// Estimate code lenses, hovers, the wrong-claim quick fix, the fill command, the Capacity node and live
// estimate settings, in the real host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, designApi, designDiagnostics, guardFixturesOnDisk, waitForChecklist, waitForDesignDiagnostics } from './designHelpers';
import { openFixture, waitFor } from './helpers';

const FIXTURE = 'estimates.design.md';

function lineIndex(document: vscode.TextDocument, prefix: string): number {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith(prefix)) return i;
  throw new Error(`no line starting with ${prefix}`);
}

async function lenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
}

/** Polls the code lens command until the lens on `line` has a title that `accept` takes. */
function waitForLens(uri: vscode.Uri, line: number, what: string, accept: (title: string) => boolean): Promise<vscode.CodeLens> {
  return waitFor(what, async () => {
    const found = (await lenses(uri)).find((lens) => lens.range.start.line === line && lens.command && accept(lens.command.title));
    return found ?? undefined;
  }, 20_000);
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n---\n');
}

async function setEstimateSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('systemDesign').update(`estimates.${key}`, value, vscode.ConfigurationTarget.Global);
}

suite('estimates in the editor', () => {
  guardFixturesOnDisk();
  suiteSetup(async () => {
    await designApi();
  });

  teardown(async () => {
    for (const key of ['peakFactor', 'rpsPerServer', 'enabled', 'codeLens']) await setEstimateSetting(key, undefined);
    await closeAllEditors();
  });

  test('a lens over every evaluated line: ✓ for the right claim, ✗ for the planted wrong one, fill in ? for a query', async () => {
    const { document } = await openFixture(FIXTURE);
    const average = lineIndex(document, 'Average write rate');
    await waitForLens(document.uri, average, 'the lens on the average rate', (t) => t.length > 0);
    const byLine = new Map((await lenses(document.uri)).map((lens) => [lens.range.start.line, lens.command?.title]));
    assert.equal(byLine.get(average), '= 579 writes/s ✓ 600 (+3.7%)');
    assert.equal(byLine.get(lineIndex(document, 'Storage per year')), '= 18.3 TB ✗ claimed 2 TB');
    assert.equal(byLine.get(lineIndex(document, 'Peak write rate')), '= 1.16K users/s  fill in ?');
    assert.equal(byLine.get(lineIndex(document, 'DAU')), '= 10M users');
    assert.equal(byLine.get(lineIndex(document, 'Notifications')), '= 11.6K messages/s ✓ 12K (+3.7%)');
    // Nothing on headings or prose without arithmetic.
    assert.equal(byLine.get(lineIndex(document, '## Estimation')), undefined);
    assert.equal(byLine.get(lineIndex(document, 'Clients hold')), undefined);
  });

  test('the hover shows how the line was read: steps, conventions and the verdict', async () => {
    const { document } = await openFixture(FIXTURE);
    const average = lineIndex(document, 'Average write rate');
    await waitForLens(document.uri, average, 'analysis', (t) => t.length > 0);
    const text = await hoverText(document.uri, new vscode.Position(average, 5));
    assert.match(text, /\*\*Steps\*\*/);
    assert.match(text, /50M users ÷ 86\\?\.4K = 579 users\/s/);
    assert.match(text, /\*\*Conventions\*\*[\s\S]*86,400 = seconds per day/);
    assert.match(text, /✓ correct — claimed 600 writes\/s/);
    const wrong = await hoverText(document.uri, new vscode.Position(lineIndex(document, 'Storage per year'), 2));
    assert.match(wrong, /✗ wrong — claimed 2 TB, computed 18\\?\.3 TB/);
    assert.equal(await hoverText(document.uri, new vscode.Position(lineIndex(document, 'Clients hold'), 3)).then((t) => /\*\*Steps\*\*/.test(t)), false);
  });

  test('the preferred quick fix replaces the wrong claim, the diagnostic disappears and the lens turns ✓', async () => {
    const editor = await openFixture(FIXTURE);
    const { document } = editor;
    const storage = lineIndex(document, 'Storage per year');
    const diagnostics = await waitForDesignDiagnostics(document.uri, 'the SE002 wrong-claim error', (ds) => ds.some((d) => codeOf(d) === 'SE002'));
    const wrong = diagnostics.find((d) => codeOf(d) === 'SE002')!;
    assert.equal(wrong.range.start.line, storage);
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
    const replace = actions.find((action) => action.title === 'Replace with ≈ 18 TB');
    assert.ok(replace, `no "Replace with ≈ 18 TB" among: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(replace.isPreferred, true);
    const direct = await (await designApi()).quickFixes(document, wrong.range);
    assert.deepEqual(direct.find((a) => a.title === replace.title)?.diagnostics?.map((d) => d.message), [wrong.message]);

    assert.ok(await vscode.workspace.applyEdit(replace.edit!));
    assert.equal(document.lineAt(storage).text, 'Storage per year = Storage per day × 365 ≈ 18 TB');
    await waitForDesignDiagnostics(document.uri, 'SE002 to go away', (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'SE002'));
    await waitForLens(document.uri, storage, 'the fixed claim to show ✓', (t) => t.startsWith('= 18.3 TB ✓ 18'));
  });

  test('clicking the lens on a ? line fills in the value as one undoable edit', async () => {
    const editor = await openFixture(FIXTURE);
    const { document } = editor;
    const peak = lineIndex(document, 'Peak write rate');
    const lens = await waitForLens(document.uri, peak, 'the fill-in lens', (t) => t.endsWith('fill in ?'));
    assert.equal(lens.command!.command, 'systemDesign.fillEstimate');
    assert.equal(await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? [])), true);
    assert.equal(document.lineAt(peak).text, 'Peak write rate = Average write rate × 2 = 1.16K users/s');
    await waitForLens(document.uri, peak, 'the filled line to check as ✓', (t) => t === '= 1.16K users/s ✓ 1.16K (+0.2%)');
    assert.equal(document.isDirty, true);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.lineAt(peak).text, 'Peak write rate = Average write rate × 2 = ?');
  });

  test('clicking a wrong-claim lens puts the cursor on the claim', async () => {
    const editor = await openFixture(FIXTURE);
    const { document } = editor;
    const storage = lineIndex(document, 'Storage per year');
    const lens = await waitForLens(document.uri, storage, 'the wrong-claim lens', (t) => t.includes('✗'));
    assert.equal(lens.command!.command, 'systemDesign.showEstimate');
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document, document);
    assert.deepEqual([active.selection.active.line, active.selection.active.character], [storage, document.lineAt(storage).text.indexOf('2 TB')]);
  });

  test('settings re-analyse live: rpsPerServer changes the server lens, peakFactor the conventions, enabled/codeLens turn them off', async () => {
    const { document } = await openFixture(FIXTURE);
    const servers = lineIndex(document, 'Servers');
    const fanOut = lineIndex(document, 'Peak fan-out');
    await waitForLens(document.uri, servers, 'two servers', (t) => t === '= 2 servers (1.16)  fill in ?');
    await setEstimateSetting('rpsPerServer', 500);
    await waitForLens(document.uri, servers, 'three servers at 500 RPS each', (t) => t === '= 3 servers (2.31)  fill in ?');

    assert.match(await hoverText(document.uri, new vscode.Position(fanOut, 2)), /peak factor 2/);
    await setEstimateSetting('peakFactor', 3);
    // × 2 is no longer the named peak factor; the value stays what was written.
    await waitFor('the peak-factor convention to go', async () => !/peak factor/.test(await hoverText(document.uri, new vscode.Position(fanOut, 2))));
    await waitForLens(document.uri, fanOut, 'the fan-out lens', (t) => t === '= 12K requests/s ✓ 12K');

    await setEstimateSetting('codeLens', false);
    await waitFor('no lenses', async () => (await lenses(document.uri)).length === 0);
    assert.ok(designDiagnostics(document.uri).some((d) => codeOf(d) === 'SE002'), 'the check itself stays on');
    await setEstimateSetting('enabled', false);
    await waitForDesignDiagnostics(document.uri, 'SE002 gone with estimates off', (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'SE002'));
  });

  test('an invalid setting value falls back to the default instead of breaking the lenses', async () => {
    const { document } = await openFixture(FIXTURE);
    const servers = lineIndex(document, 'Servers');
    await setEstimateSetting('rpsPerServer', 500);
    await waitForLens(document.uri, servers, 'three servers at 500 RPS each', (t) => t.startsWith('= 3 servers'));
    await setEstimateSetting('rpsPerServer', -5);
    await waitForLens(document.uri, servers, 'back to the default 1,000 RPS per server', (t) => t === '= 2 servers (1.16)  fill in ?');
  });

  test('the checklist ends with a Capacity node whose rows reveal their defining line', async () => {
    const api = await designApi();
    const { document } = await openFixture(FIXTURE);
    const capacity = await waitForChecklist(api, 'the Capacity node', (items) => items.find((item) => item.kind === 'capacity'));
    const items = api.getChecklistItems();
    assert.equal(items.at(-1)?.label, 'Capacity', 'after the phases');
    const rows = capacity.children.map((child) => `${child.label}: ${child.description}`);
    assert.deepEqual(rows, ['DAU: 10M users', 'Average RPS: 579 writes/s', 'Peak RPS: 12K requests/s', 'Storage per year: 18.3 TB', 'Servers: 2 servers (1.16)']);
    const storage = capacity.children.find((child) => child.label === 'Storage per year')!;
    assert.equal(storage.line, lineIndex(document, 'Storage per year'));
    await vscode.commands.executeCommand('systemDesign.checklist.reveal', document.uri, storage.line);
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, storage.line);
  });
});
