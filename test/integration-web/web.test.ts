// A subset of the integration suite in the web worker extension host (what vscode.dev and github.dev
// run): the extension loads from its "browser" entry, analyses in a web worker, and still gives
// diagnostics, the checklist, lenses, hovers, quick fixes and the preview.
import * as vscode from 'vscode';
import type { SystemDesignApi } from '../../src/vscode/activate';
import { assert, codeOf, fixture, openFixture, waitFor } from './webHelpers';

const EXTENSION_ID = 'system-design-docs.system-design-docs';

async function api(): Promise<SystemDesignApi> {
  const extension = vscode.extensions.getExtension<SystemDesignApi>(EXTENSION_ID);
  assert(extension, `${EXTENSION_ID} is not loaded`);
  return extension.activate();
}

suite('web worker extension host', () => {
  test('runs from the browser entry, in a host without Node', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert(extension, 'extension missing');
    assert(typeof (globalThis as { process?: unknown }).process === 'undefined', 'this host has Node\'s process: not the web worker host');
    assert(typeof (globalThis as { importScripts?: unknown }).importScripts === 'function', 'not a web worker');
    await api();
    assert(extension.isActive, 'not active');
  });

  test('a design document gets its problems, analysed in a web worker', async () => {
    const { document } = await openFixture('no-tradeoffs.design.md');
    const diagnostics = await waitFor('design diagnostics', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'System Design');
      return found.length > 0 && found;
    });
    assert(diagnostics.some((d) => codeOf(d) === 'SD001' && /Trade-offs/.test(d.message)), `no missing trade-offs finding: ${diagnostics.map((d) => `${codeOf(d)} ${d.message}`).join('; ')}`);
    assert((await api()).analysisOffThread(), 'the analysis ran on the extension host\'s thread, not in the web worker');
  });

  test('the checklist lists the phases of the open document', async () => {
    const design = await api();
    await openFixture('no-tradeoffs.design.md');
    const items = await waitFor('checklist rows', () => {
      const rows = design.getChecklistItems();
      return rows.some((row) => row.kind === 'phase') && rows;
    });
    const phases = items.filter((row) => row.kind === 'phase').map((row) => row.label);
    assert(phases.some((label) => /Requirements/.test(label)), `phases: ${phases.join(', ')}`);
    assert(phases.some((label) => /Trade-offs/.test(label)), `phases: ${phases.join(', ')}`);
  });

  test('estimate lines get lenses and hovers, and a wrong claim its quick fix', async () => {
    const { document } = await openFixture('estimates.design.md');
    const lenses = await waitFor('estimate lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found && found.length > 0 && found;
    });
    const lineOf = (needle: string) => document.getText().split('\n').findIndex((line) => line.includes(needle));
    const dau = lenses.find((lens) => lens.range.start.line === lineOf('DAU = 10M users'));
    assert(dau?.command?.title.startsWith('= 10M users'), `lens: ${dau?.command?.title}`);

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(lineOf('DAU = 10M users'), 2));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert(/Estimate:/.test(hoverText), `hover: ${hoverText.slice(0, 200)}`);

    const wrong = await waitFor('the wrong storage claim', () =>
      vscode.languages.getDiagnostics(document.uri).find((d) => codeOf(d) === 'SE002' && d.range.start.line === lineOf('Storage per year')));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, wrong.range, vscode.CodeActionKind.QuickFix.value);
    assert(actions.some((a) => /^Replace with/.test(a.title)), `actions: ${actions.map((a) => a.title).join('; ')}`);
  });

  test('the preview opens beside the document and draws its diagrams', async () => {
    await openFixture('preview-diagrams.md');
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    const uri = fixture('preview-diagrams.md');
    const state = await waitFor('the preview to draw', async () => {
      const s = await vscode.commands.executeCommand<{ ready: boolean; svgCount: number } | undefined>('systemDesign._previewState', uri);
      return s && s.ready && s.svgCount > 0 && s;
    }, 60_000);
    assert(state.svgCount > 0, 'no diagram drawn');
  });

  test('"Check Workspace" finds and checks the design documents through the workspace file system', async () => {
    const result = await vscode.commands.executeCommand<{ documents: number; errors: number; cancelled: boolean }>('systemDesign.checkWorkspace');
    assert(result && !result.cancelled, 'the check ran');
    assert(result.documents >= 2, `the .design.md fixtures (found ${result.documents})`);
    const diagnostics = vscode.languages.getDiagnostics(fixture('payments.design.md'));
    assert(diagnostics.some((d) => codeOf(d) === 'SD009'), `payments.design.md: ${diagnostics.map(codeOf).join(', ')}`);
  });

  test('"Export to HTML" writes one self-contained file through the workspace file system', async () => {
    const { document } = await openFixture('preview-diagrams.md');
    const target = fixture(`web-export-${Date.now()}.html`);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('systemDesign.exportHtml', document.uri, target);
      assert(written?.toString() === target.toString(), `written to ${written?.toString()}`);
      const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert(/Content-Security-Policy/.test(html), 'the export carries its CSP');
      assert((html.match(/<div class="sd-diagram-svg"><svg/g) ?? []).length === 2, 'the two drawable diagrams, inline');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  test('the project config file is read through the workspace file system and applies to open documents', async () => {
    const folder = fixture('.sysdesign');
    const config = fixture('.sysdesign/config.jsonc');
    const uri = fixture('payments.design.md');
    await openFixture('payments.design.md');
    await waitFor('the availability finding', () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'SD009'));
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{\n  // agreed by the team\n  "rules": { "SD009": "off" }\n}\n'));
      await waitFor('SD009 turned off by the config file', () => !vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'SD009'), 30_000);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
    await waitFor('the defaults again', () => vscode.languages.getDiagnostics(uri).some((d) => codeOf(d) === 'SD009'), 30_000);
  });
});
