import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectFiles, decodeText, walk } from '../../src/cli/files';
import { globBase, hasGlobChars } from '../../src/cli/glob';

describe('cli glob', () => {
  it('finds the static base directory of a pattern', () => {
    assert.equal(globBase('docs/**/*.md'), 'docs');
    assert.equal(globBase('*.md'), '.');
    assert.equal(globBase('a/b/c*.md'), 'a/b');
    assert.ok(hasGlobChars('x/*.md') && !hasGlobChars('x/y.md'));
  });
});

describe('cli decodeText', () => {
  it('accepts UTF-8 text and refuses NUL bytes and invalid UTF-8', () => {
    assert.deepEqual(decodeText(new TextEncoder().encode('# Héllo ✓')), { text: '# Héllo ✓' });
    assert.match((decodeText(Uint8Array.from([0x23, 0x00, 0x41])) as { error: string }).error, /binary/);
    assert.match((decodeText(Uint8Array.from([0x23, 0xff, 0xfe, 0x41])) as { error: string }).error, /UTF-8/);
  });
});

describe('cli collectFiles', () => {
  let dir: string;
  const isDesign = (path: string, text: string | undefined) =>
    path.endsWith('.design.md') || (text ?? '').startsWith('---\nsysdesign:');

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'sysdesign-files-'));
    mkdirSync(join(dir, 'docs/sub'), { recursive: true });
    mkdirSync(join(dir, 'docs/node_modules/pkg'), { recursive: true });
    mkdirSync(join(dir, 'docs/.hidden'), { recursive: true });
    mkdirSync(join(dir, 'empty'), { recursive: true });
    writeFileSync(join(dir, 'docs/a.design.md'), '# A\n');
    writeFileSync(join(dir, 'docs/sub/b.md'), '---\nsysdesign: default\n---\n# B\n');
    writeFileSync(join(dir, 'docs/sub/notes.md'), '# just notes\n');
    writeFileSync(join(dir, 'docs/node_modules/pkg/c.design.md'), '# C\n');
    writeFileSync(join(dir, 'docs/.hidden/d.design.md'), '# D\n');
    writeFileSync(join(dir, 'docs/bin.design.md'), Buffer.from([0x23, 0x00]));
    writeFileSync(join(dir, 'plain.md'), '# not a design doc by name\n');
    writeFileSync(join(dir, 'empty/readme.md'), '# nothing\n');
    // A symlinked directory loop must not hang the walk.
    symlinkSync(join(dir, 'docs'), join(dir, 'docs/sub/loop'), 'dir');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('walks directories for design documents, skipping node_modules, dot-dirs and symlinked dirs', async () => {
    const result = await collectFiles(['docs'], dir, isDesign);
    assert.deepEqual(
      result.files.map((f) => f.path),
      ['docs/a.design.md', 'docs/sub/b.md'],
    );
    // The binary file matched the design globs by name, so it is reported rather than skipped.
    assert.deepEqual(result.errors, ['cannot read docs/bin.design.md: binary file (contains NUL bytes)']);
  });

  it('always analyses files named explicitly, and reports missing ones while keeping the rest', async () => {
    const result = await collectFiles(['plain.md', 'nope.md', 'docs/a.design.md', 'plain.md'], dir, isDesign);
    assert.deepEqual(
      result.files.map((f) => f.path),
      ['plain.md', 'docs/a.design.md'],
    );
    assert.equal(result.files[0].text, '# not a design doc by name\n');
    assert.deepEqual(result.errors, ['cannot read nope.md: no such file']);
  });

  it('reports a directory without design documents and a glob matching nothing', async () => {
    const result = await collectFiles(['empty', 'zzz/*.md'], dir, isDesign);
    assert.deepEqual(result.files, []);
    assert.deepEqual(result.errors, ['no design documents found in empty', 'no files match zzz/*.md']);
  });

  it('expands quoted globs relative to the working directory', async () => {
    const result = await collectFiles(['docs/**/*.md'], dir, isDesign);
    assert.deepEqual(
      result.files.map((f) => f.path),
      ['docs/a.design.md', 'docs/sub/b.md', 'docs/sub/notes.md'],
    );
    assert.deepEqual(result.errors, ['cannot read docs/bin.design.md: binary file (contains NUL bytes)']);
  });

  it('walk lists Markdown files in sorted order', () => {
    const names = walk(join(dir, 'docs')).map((f) => f.slice(dir.length + 1));
    assert.deepEqual(names, ['docs/a.design.md', 'docs/bin.design.md', 'docs/sub/b.md', 'docs/sub/notes.md']);
  });
});
