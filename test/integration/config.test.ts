// One config file for the editor and CI: the same repository, with a .sysdesign/config.jsonc that changes
// severities, estimate conventions and globs, gives the same findings in this host and in `sysdesign check`.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, designApi, designDiagnostics } from './designHelpers';
import { fixtureWorkspace, repoRoot, waitFor } from './helpers';

const CONFIG = path.join(fixtureWorkspace, '.sysdesign', 'config.jsonc');
const TEAM = path.join(fixtureWorkspace, 'team');
const DOC = [
  '# Chat service', '', '## Requirements', '', '- Send and receive messages.', '',
  '## Capacity estimation', '', '- 10M users × 5 messages/day ≈ 70M messages/day', '', 'More to come.', '',
  '## High-level design', '', 'Clients talk to a gateway, which writes to the message store.', '',
].join('\n');
const GOOD = '{\n  // what the team agreed\n  "rules": { "SD005": "error", "SD009": "off" },\n  "estimates": { "approxTolerance": 0.5 },\n  "files": ["team/**/*.md"],\n  "ignore": ["team/drafts/**"],\n  "recognizeByOutline": false\n}\n';

interface CliFile {
  path: string;
  diagnostics: Array<{ code: string; severity: string; line: number }>;
}

function cliCheck(): CliFile[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), 'check', '--format', 'json'], { cwd: fixtureWorkspace, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  } catch (error) {
    out = String((error as { stdout?: string }).stdout ?? ''); // findings make the CLI exit non-zero
  }
  return (JSON.parse(out) as { files: CliFile[] }).files;
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];
const hostFindings = (uri: vscode.Uri) => designDiagnostics(uri).map((d) => `${codeOf(d)}:${SEVERITY[d.severity]}:${d.range.start.line + 1}`).sort();

suite('project config file (.sysdesign/config.jsonc)', () => {
  suiteSetup(async () => {
    await designApi();
    mkdirSync(path.join(TEAM, 'drafts'), { recursive: true });
    writeFileSync(path.join(TEAM, 'chat.md'), DOC);
    writeFileSync(path.join(TEAM, 'drafts', 'wip.md'), `---\nsysdesign: default\n---\n${DOC}`);
  });

  suiteTeardown(async () => {
    await closeAllEditors();
    rmSync(TEAM, { recursive: true, force: true });
    // Removing the whole folder must be noticed too: the other suites run on the defaults again.
    rmSync(path.dirname(CONFIG), { recursive: true, force: true });
    const fixture = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(fixtureWorkspace, 'no-tradeoffs.design.md')));
    await waitFor('the defaults again', async () => (await (await designApi()).analyze(fixture)) !== undefined, 30_000);
  });

  test('the editor and sysdesign check give the same findings under it', async () => {
    mkdirSync(path.dirname(CONFIG), { recursive: true });
    writeFileSync(CONFIG, GOOD);
    const chat = vscode.Uri.file(path.join(TEAM, 'chat.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(chat));
    // The glob takes a file with no front matter; SD005 is an error; the 40% estimate miss is within 50%.
    const host = await waitFor('the configured findings', () => {
      const found = hostFindings(chat);
      return found.some((f) => f.startsWith('SD005:error')) && !found.some((f) => f.startsWith('SD009')) ? found : undefined;
    }, 30_000);
    assert.ok(!host.some((f) => f.startsWith('SE002')), host.join(' '));

    const cli = cliCheck();
    assert.deepEqual(cli.map((f) => f.path), ['team/chat.md'], 'the CLI walks the same globs and ignores');
    assert.deepEqual(host, cli[0].diagnostics.map((d) => `${d.code}:${d.severity}:${d.line}`).sort(), 'same findings in the host and the CLI');

    // The ignored draft gets nothing in the editor either, though its front matter marks it.
    const draft = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(TEAM, 'drafts', 'wip.md')));
    await vscode.window.showTextDocument(draft);
    assert.equal(await (await designApi()).analyze(draft), undefined);
  });

  test('a broken config file is reported on the file with its line; the rest keeps working', async () => {
    mkdirSync(path.dirname(CONFIG), { recursive: true });
    writeFileSync(CONFIG, '{\n  "rules": { "SD005": "loud" },\n  "estimates": { "approxTolerance": 0.5 },\n  "files": ["team/**/*.md"],\n  "recognizeByOutline": false\n}\n');
    const configUri = vscode.Uri.file(CONFIG);
    const problems = await waitFor('the config problem', () => {
      const found = vscode.languages.getDiagnostics(configUri).filter((d) => codeOf(d) === 'SD103');
      return found.length > 0 ? found : undefined;
    }, 30_000);
    assert.equal(problems[0].range.start.line, 1, 'on the "rules" line');
    assert.match(problems[0].message, /"rules" has "SD005": "loud"/);
    // The bad entry falls back to the default severity; the globs and tolerance still apply.
    const chat = vscode.Uri.file(path.join(TEAM, 'chat.md'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(chat));
    const host = await waitFor('SD005 back at its default severity', () => {
      const found = hostFindings(chat);
      return found.some((f) => f.startsWith('SD005:warning')) ? found : undefined;
    }, 30_000);
    assert.ok(!host.some((f) => f.startsWith('SE002')), host.join(' '));
  });
});
