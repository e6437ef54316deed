// The language server with a client we did not write: Neovim's built-in LSP client (nvim --headless)
// starts `sysdesign lsp --stdio` from the built CLI, and test/lsp/nvim-client.lua records what it got.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Recorded {
  steps: string[];
  error?: string;
  diagnostics: { line: number; col: number; severity: number; message: string; source: string; code: string; href: string | null }[];
  actions: { title: string; kind: string; preferred: boolean }[];
  fixed_line?: string;
  se002_after_fix?: boolean;
  lenses: { line: number; title: string; command: string }[];
  filled_line?: string;
  hover?: string;
  symbols: { name: string; detail: string | null; depth: number; line: number }[];
  checklist?: { framework: { id: string }; phases: { id: string; status: string; line: number | null }[]; capacity: unknown[] };
  server_exit?: number;
}

function nvimVersion(): string {
  const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  // No skipping: CI installs Neovim (.ci/run); a machine without it fails here, saying so.
  assert.equal(probe.error, undefined, 'Neovim (nvim) is not installed: apt-get install neovim');
  return probe.stdout.split('\n')[0];
}

describe('language server in Neovim (real client, nvim --headless)', () => {
  let dir: string;
  let got: Recorded;
  const doc = () => readFileSync(join(dir, 'shortener.design.md'), 'utf8').split('\n');

  before(function () {
    const version = nvimVersion();
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe' });
    dir = mkdtempSync(join(tmpdir(), 'sysdesign-lsp-'));
    copyFileSync(join(__dirname, 'fixtures/shortener.design.md'), join(dir, 'shortener.design.md'));
    // The project's config file: the server must read it as `sysdesign check` does.
    mkdirSync(join(dir, '.sysdesign'));
    writeFileSync(join(dir, '.sysdesign/config.jsonc'), '{\n  // availability targets come later\n  "rules": { "SD009": "off" }\n}\n');
    const out = join(dir, 'out.json');
    const run = spawnSync('nvim', ['--headless', '-n', '-u', 'NONE', '-i', 'NONE', '-S', join(__dirname, 'nvim-client.lua')], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 100000,
      env: { ...process.env, SD_DOC: join(dir, 'shortener.design.md'), SD_NODE: process.execPath, SD_CLI: CLI, SD_ROOT: dir, SD_OUT: out },
    });
    got = JSON.parse(readFileSync(out, 'utf8')) as Recorded;
    assert.equal(got.error, undefined, `${version}: ${got.error}\n${run.stdout}\n${run.stderr}`);
    assert.equal(run.status, 0, `${version} exited ${run.status}: ${run.stderr}`);
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  const lineOf = (needle: string) => readFileSync(join(__dirname, 'fixtures/shortener.design.md'), 'utf8').split('\n').findIndex((l) => l.includes(needle));

  it('receives the diagnostics, the project config applied, each linked to its page', () => {
    const byCode = new Map(got.diagnostics.map((d) => [d.code, d]));
    assert.deepEqual([...byCode.keys()].sort(), ['SD001', 'SD150', 'SE002']);
    assert.equal(byCode.get('SE002')?.line, lineOf('= 2 TB'));
    assert.equal(byCode.get('SE002')?.severity, 1);
    assert.match(byCode.get('SE002')!.message, /claimed 2 TB, computed 18\.3 TB/);
    // Mermaid's parser ran in the server: the broken node label's line.
    assert.equal(byCode.get('SD150')?.line, lineOf('api[API}'));
    for (const d of got.diagnostics) {
      assert.equal(d.source, 'System Design');
      assert.match(d.href ?? '', new RegExp(`^file:.*/docs/rules/${d.code}\\.md$`));
    }
  });

  it('offers the claim\'s quick fix (preferred), the ignore comment and fix-all; applying the fix clears the problem', () => {
    const preferred = got.actions.filter((a) => a.preferred);
    assert.equal(preferred.length, 1);
    assert.match(preferred[0].title, /^Replace with ≈ 18 TB$/);
    assert.ok(got.actions.some((a) => a.title === 'Ignore SE002 in this document'));
    assert.ok(got.actions.every((a) => a.kind === 'quickfix'));
    assert.match(got.fixed_line ?? '', /365 days ≈ 18 TB$/);
    // The edit went to the client's buffer; nothing wrote the file behind the user's back.
    assert.match(doc()[lineOf('= 2 TB')], /= 2 TB$/);
    assert.equal(got.se002_after_fix, false);
  });

  it('shows a lens per estimate line with its value, and its fill-in command edits the buffer through the client', () => {
    const byLine = new Map(got.lenses.map((l) => [l.line, l]));
    assert.equal(byLine.get(lineOf('writes = 100M / day'))?.title, '= 100M/day');
    const fill = byLine.get(lineOf('reads = writes * 10 = ?'));
    assert.equal(fill?.command, 'systemDesign.fillEstimate');
    assert.match(fill?.title ?? '', /^= 1B\/day {2}fill in \?$/);
    assert.equal(got.filled_line, 'reads = writes * 10 = 1B/day');
  });

  it('answers hovers, document symbols and the checklist request', () => {
    assert.match(got.hover ?? '', /\*\*Estimate:\*\* 100M\/day — defines \*\*writes\*\*/);
    assert.deepEqual(
      got.symbols.map((s) => [s.depth, s.name, s.detail]),
      [
        [0, 'URL shortener', null],
        [1, 'Requirements', null],
        [1, 'Back-of-the-envelope numbers', 'Capacity estimation'],
        [1, 'High-level design', null],
        [1, 'Data model', null],
      ],
    );
    const status = Object.fromEntries(got.checklist!.phases.map((p) => [p.id, p.status]));
    assert.equal(got.checklist!.framework.id, 'default');
    assert.equal(status.estimation, 'present');
    assert.equal(status['trade-offs'], 'missing');
    assert.ok(got.checklist!.capacity.length > 0);
  });

  it('shuts down cleanly when the client stops it', () => {
    assert.equal(got.steps.at(-1), 'stopped');
    assert.equal(got.server_exit, 0);
  });
});
