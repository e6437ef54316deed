// The language server under hostile input, over its real stdio transport: broken front matter, a YAML
// bomb, a 3 MB document and a malformed diagram each get an answer, and the server keeps serving.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Published {
  uri: string;
  diagnostics: Array<{ code?: string; severity?: number; message: string; range: { start: { line: number } } }>;
}

describe('language server under bad input (stdio, JSON-RPC)', function () {
  this.timeout(120_000);
  let server: ChildProcess;
  let connection: MessageConnection;
  const published = new Map<string, Published[]>();
  let version = 1;
  const registrations: Array<{ method: string; registerOptions?: { watchers?: Array<{ globPattern: string }> } }> = [];
  let project: string;

  before(async () => {
    project = mkdtempSync(join(tmpdir(), 'sysdesign-lsp-project-'));
    server = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification('textDocument/publishDiagnostics', (params: Published) => {
      published.set(params.uri, [...(published.get(params.uri) ?? []), params]);
    });
    connection.onNotification('window/logMessage', () => undefined);
    connection.onRequest('client/registerCapability', (params: { registrations: typeof registrations }) => {
      registrations.push(...params.registrations);
      return null;
    });
    connection.listen();
    const capabilities = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
    const init = await connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', { processId: process.pid, rootUri: pathToFileURL(ROOT).href, capabilities });
    assert.ok(init.capabilities.codeLensProvider);
    await connection.sendNotification('initialized', {});
  });

  after(async () => {
    await connection.sendRequest('shutdown').catch(() => undefined);
    await connection.sendNotification('exit').catch(() => undefined);
    const code = await new Promise<number | null>((done) => (server.exitCode !== null ? done(server.exitCode) : server.once('exit', done)));
    assert.equal(code, 0, 'the server exits cleanly on exit');
    connection.dispose();
    rmSync(project, { recursive: true, force: true });
  });

  function open(name: string, text: string): string {
    const uri = pathToFileURL(join(ROOT, 'test', 'lsp', 'virtual', name)).href;
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: version++, text } });
    return uri;
  }

  async function diagnosticsOf(uri: string, accept: (p: Published) => boolean = () => true): Promise<Published> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const found = published.get(uri)?.find(accept);
      if (found) return found;
      assert.ok(Date.now() < deadline, `no diagnostics for ${uri}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('reports broken front matter at its line and still analyses the rest', async () => {
    const uri = open('broken.design.md', '---\ntype: system-design\ntitle: [unclosed\n---\n# Chat\n\n## Requirements\n\n- Send messages.\n');
    const p = await diagnosticsOf(uri);
    const sd100 = p.diagnostics.find((d) => d.code === 'SD100');
    assert.ok(sd100, JSON.stringify(p.diagnostics));
    assert.ok(p.diagnostics.some((d) => d.code === 'SD009'), 'the requirements are still checked');
  });

  it('answers for a YAML bomb in the front matter without expanding it', async () => {
    const bomb = ['---', 'type: system-design', 'a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`), '---', '# Bomb', ''].join('\n');
    const uri = open('bomb.design.md', bomb);
    const p = await diagnosticsOf(uri);
    const sd100 = p.diagnostics.find((d) => d.code === 'SD100');
    assert.match(sd100?.message ?? '', /aliases expand to more than/);
  });

  it('gives a 3 MB document one paused notice instead of analysing it on every keystroke', async () => {
    const big = '---\ntype: system-design\n---\n# Big\n\n' + '- an endpoint GET /items/{id} returns an item\n'.repeat(70_000);
    assert.ok(big.length > 3 * 1024 * 1024);
    const uri = open('big.design.md', big);
    const p = await diagnosticsOf(uri);
    assert.equal(p.diagnostics.length, 1);
    assert.equal(p.diagnostics[0].code, 'SD190');
    assert.equal(p.diagnostics[0].severity, 3);
    const lenses = await connection.sendRequest<unknown[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses, []);
  });

  it('reports a malformed diagram and keeps serving the next document', async () => {
    const uri = open('diagram.design.md', '---\ntype: system-design\n---\n# D\n\n## High-level design\n\n```mermaid\nflowchart LR\n  a --> b[oops\n```\n');
    const p = await diagnosticsOf(uri, (x) => x.diagnostics.some((d) => d.code === 'SD150'));
    assert.equal(p.diagnostics.find((d) => d.code === 'SD150')?.range.start.line, 9);
    const next = open('after.design.md', '---\ntype: system-design\n---\n# After\n\n## Requirements\n\n- Works.\n');
    assert.ok((await diagnosticsOf(next)).diagnostics.some((d) => d.code === 'SD009'));
    const symbols = await connection.sendRequest<Array<{ name: string }>>('textDocument/documentSymbol', { textDocument: { uri: next } });
    assert.equal(symbols[0].name, 'After');
  });

  it('answers requests about documents it does not have with nothing, not an error', async () => {
    const uri = pathToFileURL(join(ROOT, 'nowhere.md')).href;
    assert.deepEqual(await connection.sendRequest('textDocument/codeLens', { textDocument: { uri } }), []);
    assert.equal(await connection.sendRequest('systemDesign/checklist', { uri }), null);
    assert.equal(await connection.sendRequest('systemDesign/checklist', { nonsense: true }), null);
  });

  it('watches .sysdesign folders when the client can, and applies a changed config file to open documents', async () => {
    const watched = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual(watched?.registerOptions?.watchers?.map((w) => w.globPattern), ['**/.sysdesign/**']);
    const file = join(project, 'chat.design.md');
    const text = '---\ntype: system-design\n---\n# Chat\n\n## Requirements\n\n- Send messages.\n';
    writeFileSync(file, text);
    const uri = pathToFileURL(file).href;
    void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: version++, text } });
    await diagnosticsOf(uri, (p) => p.diagnostics.some((d) => d.code === 'SD009'));
    mkdirSync(join(project, '.sysdesign'));
    const config = join(project, '.sysdesign', 'config.jsonc');
    writeFileSync(config, '{ "rules": { "SD009": "off" } }\n');
    published.delete(uri);
    void connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(config).href, type: 1 }] });
    const after = await diagnosticsOf(uri);
    assert.ok(!after.diagnostics.some((d) => d.code === 'SD009'), JSON.stringify(after.diagnostics));
  });
});
