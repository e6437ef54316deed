// Builds the real .vsix (production build + vsce) and checks what a user would install.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CODE_CATALOG } from '../../src/core/codes';
import { zipEntries, type ZipEntry } from './zip-entries';

const repoRoot = path.resolve(__dirname, '..', '..');
const vsixPath = path.join(repoRoot, 'out', 'system-design-docs.vsix');
const sizeBudgetBytes = 5 * 1024 * 1024;

describe('packaged VSIX', function () {
  this.timeout(300_000);
  let entries: ZipEntry[];
  let files: string[];

  before(() => {
    execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs')], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    entries = zipEntries(readFileSync(vsixPath));
    files = entries.map((entry) => entry.name).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));
  });

  it('ships the documentation page of every code the diagnostics link to', () => {
    for (const code of CODE_CATALOG) assert.ok(files.includes(`docs/rules/${code.code}.md`), `docs/rules/${code.code}.md in the VSIX`);
  });

  it('contains the bundled entry points, manifest and license', () => {
    // vsce stores the license as LICENSE.txt and the readme as readme.md.
    for (const required of ['package.json', 'dist/extension.js', 'dist/analysisWorker.js', 'dist/frameworkFiles.js', 'dist/previewModule.js', 'dist/inProcessAnalysis.js', 'dist/htmlEntities.js', 'dist/yamlLoader.js', 'dist/web/extension.js', 'dist/web/analysisWorker.js', 'LICENSE.txt']) {
      assert.ok(files.includes(required), `missing ${required}; has: ${files.join(', ')}`);
    }
    assert.ok(entries.some((entry) => entry.name === 'extension.vsixmanifest'), 'vsix manifest present');
  });

  it('ships no sources, tests, dependencies, source maps or TypeScript', () => {
    const forbidden = files.filter((name) =>
      /^(src|test|node_modules|scripts|bench|examples|\.vscode-test|\.ci|out)\//.test(name)
      || name.includes('/node_modules/')
      || name.endsWith('.map')
      || (name.endsWith('.ts') && !name.endsWith('.d.ts'))
      || name.endsWith('.d.ts'));
    assert.deepEqual(forbidden, []);
  });

  it('ships only allow-listed paths', () => {
    const allowed = /^(dist\/(extension|analysisWorker|inProcessAnalysis|frameworkFiles|previewModule|htmlEntities|yamlLoader)\.js|dist\/(webview|web)\/.+|media\/.+|snippets\/.+|schemas\/.+|docs\/rules\/[A-Z]{2}\d{3}\.md|package\.json|readme\.md|LICENSE\.txt|changelog\.md)$/i;
    assert.deepEqual(files.filter((name) => !allowed.test(name)), []);
  });

  it('has a manifest whose entry point is inside the package', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.ok(files.includes(path.posix.normalize(manifest.main)), `main ${manifest.main} is packaged`);
    assert.ok(files.includes(path.posix.normalize(manifest.browser)), `browser ${manifest.browser} is packaged`);
  });

  it(`stays under the ${sizeBudgetBytes / 1024 / 1024} MB size budget`, () => {
    const size = statSync(vsixPath).size;
    console.log(`      vsix: ${(size / 1024 / 1024).toFixed(2)} MB, ${files.length} files`);
    assert.ok(size < sizeBudgetBytes, `${size} bytes exceeds the budget`);
  });
});
