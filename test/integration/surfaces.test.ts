// One model on every surface: through a series of edits, the checklist tree, the status bar, the
// preview's phase bar, the estimate hover and the CLI all say what the core's analysis says.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { analyze } from '../../src/core/analyze';
import { closeAllEditors, designApi, openUntitledMarkdown } from './designHelpers';
import { repoRoot, waitFor } from './helpers';
import type { PreviewStats } from '../../src/vscode/preview/previewPanel';

const START = [
  '---',
  'sysdesign: default',
  '---',
  '# Feed',
  '',
  '## Requirements',
  '',
  'Users post short updates and read the posts of the people they follow.',
  '',
  '## Capacity estimation',
  '',
  '- 10M users × 2 posts/day / 86,400 s ≈ 231 posts/s',
  '',
  '## High-level design',
  '',
  'A web tier, a posts service and a feed cache.',
  '',
].join('\n');

suite('one model on every surface', () => {
  teardown(async () => {
    await closeAllEditors();
  });

  test('tree, status bar, preview phase bar, estimate hover and the CLI agree through a series of edits', async function () {
    this.timeout(240_000);
    const editor = await openUntitledMarkdown(START);
    const { document } = editor;
    const api = await designApi();
    await vscode.commands.executeCommand('systemDesign.openPreviewToSide');
    const dir = mkdtempSync(path.join(tmpdir(), 'sd-surfaces-'));
    const edits: Array<[string, (text: string) => string]> = [
      ['as opened', (text) => text],
      ['a trade-offs section added', (text) => `${text}\n## Trade-offs\n\nSQL or NoSQL: SQL keeps the joins simple; NoSQL scales writes more cheaply.\n`],
      ['the design emptied', (text) => text.replace('A web tier, a posts service and a feed cache.', '')],
      ['an estimate changed', (text) => text.replace('2 posts/day', '5 posts/day')],
    ];
    try {
      for (const [what, edit] of edits) {
        const next = edit(document.getText());
        if (next !== document.getText()) {
          await editor.edit((builder) => builder.replace(new vscode.Range(0, 0, document.lineCount, 0), next));
        }
        const expected = analyze(document.getText());
        const statuses = expected.phases.map((p) => `${p.phase.id}:${p.status}`);
        const present = expected.phases.filter((p) => p.status === 'present').length;
        const total = expected.phases.length;

        await waitFor(`${what}: the tree`, () => {
          const rows = api.getChecklistItems().filter((item) => item.kind === 'phase');
          return rows.length === total && rows.every((row, i) => row.description.startsWith(expected.phases[i].status));
        }, 30_000);
        await waitFor(`${what}: the status bar`, () => api.getStatusBarText() === `$(checklist) ${present}/${total} phases`, 30_000);
        await waitFor(`${what}: the preview's phase bar`, async () => {
          const state = await vscode.commands.executeCommand<PreviewStats | undefined>('systemDesign._previewState', document.uri);
          return !!state && state.renderedVersion === state.version && (state.phaseBar ?? '').includes(`${present}/${total} written`);
        }, 30_000);

        // The estimate hover shows the value the core computed.
        const line = expected.estimates.lines[0];
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line.line, 4));
        const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
        assert.ok(hoverText.includes(line.display), `${what}: hover shows ${line.display}: ${hoverText.slice(0, 200)}`);

        // The CLI, on the same text, reports the same phases.
        const file = path.join(dir, 'feed.design.md');
        writeFileSync(file, document.getText());
        let out: string;
        try {
          out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json', file], { encoding: 'utf8' });
        } catch (error) {
          out = String((error as { stdout?: string }).stdout ?? ''); // findings make the CLI exit non-zero
        }
        const cli = JSON.parse(out) as { files: Array<{ phases: Array<{ id: string; status: string }> }> };
        assert.deepEqual(cli.files[0].phases.map((p) => `${p.id}:${p.status}`), statuses, `${what}: the CLI`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
