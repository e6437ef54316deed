// Team-framework validation, the preview's host side and the in-process analysis are split out of dist/extension.js (scripts/bundlePlugins.mjs
// keepLazyModulesApart): the host bundle must not contain them, and the separately built modules must behave like the
// sources (the preview module needs `vscode`, so the integration suite runs it, from dist/, in the real host).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { FrameworkRegistry } from '../../src/core/frameworks/registry';
import { addWorkspaceFiles } from '../../src/core/frameworks/workspaceFiles';
import type * as FrameworkFiles from '../../src/vscode/frameworkFiles';
import { locateLoadError } from '../../src/vscode/jsonLocation';
import { readFrontMatter } from '../../src/core/frontMatter';
import { createMarkdownIt } from '../../src/core/markdown';

const root = resolve(__dirname, '..', '..');

const GOOD = { id: 'team', title: 'Team', description: 'Ours.', phases: [{ id: 'req', title: 'Requirements', kind: 'requirements', headings: ['Requirements'], required: true, needs: [] }] };
const FILES = [
  { file: 'good.json', text: JSON.stringify(GOOD, null, 2) },
  { file: 'broken.json', text: '{ "id": "x",\n  "title": }' },
  { file: 'bad-kind.json', text: JSON.stringify({ ...GOOD, id: 'other', phases: [{ ...GOOD.phases[0], kind: 'nope', extra: 1 }] }, null, 2) },
  { file: 'again.json', text: JSON.stringify(GOOD) },
];

const PARSERS = "export { readFrontMatter } from './src/core/frontMatter'; export { createMarkdownIt } from './src/core/markdown';";
interface HostParsers {
  readFrontMatter: typeof readFrontMatter;
  createMarkdownIt: typeof createMarkdownIt;
}

describe('lazily loaded extension modules', function () {
  this.timeout(60_000);
  let dir: string;
  let hostInputs: string[];
  let hostCode: string;
  let lazy: typeof FrameworkFiles;
  let hostParsers: HostParsers;

  before(async () => {
    const plugins = (await import(join(root, 'scripts/bundlePlugins.mjs'))) as Record<string, esbuild.Plugin> & { LAZY_EXTENSION_MODULES: string[] };
    assert.deepEqual(plugins.LAZY_EXTENSION_MODULES, ['frameworkFiles', 'previewModule', 'inProcessAnalysis']);
    dir = mkdtempSync(join(tmpdir(), 'sdd-lazy-'));
    const common: esbuild.BuildOptions = {
      bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node20', charset: 'utf8', external: ['vscode'],
      metafile: true, logLevel: 'silent', absWorkingDir: root,
    };
    const host = await esbuild.build({ ...common, entryPoints: ['src/vscode/extension.ts'], outfile: join(dir, 'extension.js'),
      plugins: [plugins.keepLazyModulesApart, plugins.loadParserDataLazily, plugins.trimDependencies, plugins.shareBuiltinStrings] });
    // The parser data beside it, and the front-matter reader and markdown-it bundled the way the host bundles them.
    for (const name of ['htmlEntities', 'yamlLoader']) {
      await esbuild.build({ ...common, entryPoints: [`scripts/stubs/${name}.mjs`], outfile: join(dir, `${name}.js`), plugins: [plugins.trimDependencies] });
    }
    await esbuild.build({ ...common, stdin: { contents: PARSERS, resolveDir: root, loader: 'ts' }, outfile: join(dir, 'parsers.js'),
      plugins: [plugins.loadParserDataLazily, plugins.trimDependencies] });
    hostParsers = createRequire(__filename)(join(dir, 'parsers.js')) as HostParsers;
    hostInputs = Object.keys(host.metafile!.inputs);
    hostCode = readFileSync(join(dir, 'extension.js'), 'utf8');
    await esbuild.build({ ...common, entryPoints: ['src/vscode/frameworkFiles.ts'], outfile: join(dir, 'frameworkFiles.js'),
      plugins: [plugins.trimDependencies, plugins.shareBuiltinStrings] });
    lazy = createRequire(__filename)(join(dir, 'frameworkFiles.js')) as typeof FrameworkFiles;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the schema validator and jsonc-parser out of the host bundle, which requires the file beside it', () => {
    const inside = hostInputs.filter((input) => /generated\/frameworkValidator|frameworks\/(validate|workspaceFiles)\.ts|jsonc-parser|vscode\/(jsonLocation|frameworkFiles)\.ts/.test(input));
    assert.deepEqual(inside, []);
    assert.ok(hostInputs.some((input) => input.endsWith('src/vscode/loadFrameworkFiles.ts')), 'the loader is bundled');
    assert.match(hostCode, /require\("\.\/frameworkFiles\.js"\)/);
  });

  it('keeps the preview panels, the renderer and the export out of the host bundle, which requires the file beside it', () => {
    const inside = hostInputs.filter((input) => /src\/core\/render\/|vscode\/preview\/(previewPanel|previewManager|exportHtml|links|resources|saveDiagram|messageLog)\.ts|vscode\/previewModule\.ts/.test(input));
    assert.deepEqual(inside, []);
    assert.ok(hostInputs.some((input) => input.endsWith('src/vscode/loadPreviewModule.ts')), 'the loader is bundled');
    assert.ok(hostInputs.some((input) => input.endsWith('src/vscode/preview/index.ts')), 'the commands and the serializer are registered at activation');
    assert.match(hostCode, /require\("\.\/previewModule\.js"\)/);
  });

  it('keeps the analysis and its rules out of the host bundle: the worker runs them, or the fallback file beside it', () => {
    const inside = hostInputs.filter((input) => /src\/core\/(rules\/allRules|editorAnalysis|analyze)\.ts|vscode\/inProcessAnalysis\.ts/.test(input));
    assert.deepEqual(inside, []);
    assert.ok(hostInputs.some((input) => input.endsWith('src/vscode/loadInProcessAnalysis.ts')), 'the loader is bundled');
    assert.match(hostCode, /require\("\.\/inProcessAnalysis\.js"\)/);
  });

  it('validates workspace framework files like the sources do', () => {
    const mine = FrameworkRegistry.withBuiltIns();
    const real = FrameworkRegistry.withBuiltIns();
    const errors = lazy.addWorkspaceFiles(mine, FILES);
    assert.deepEqual(errors, addWorkspaceFiles(real, FILES));
    assert.deepEqual(errors.map((error) => error.file), ['broken.json', 'bad-kind.json', 'bad-kind.json', 'again.json']);
    assert.deepEqual(mine.list(), real.list());
    assert.equal(mine.get('team')?.file, 'good.json');
    for (const { file, text } of FILES) {
      for (const error of errors.filter((e) => e.file === file)) assert.deepEqual(lazy.locateLoadError(text, error), locateLoadError(text, error), `${file} ${error.field}`);
    }
  });

  it('keeps the HTML entity table and the YAML loader out of the host bundle, which requires the files beside it', () => {
    const inside = hostInputs.filter((input) => /entities\/dist\/(decode|generated)|js-yaml\/lib\/(loader|exception)/.test(input));
    assert.deepEqual(inside, []);
    assert.match(hostCode, /require\("\.\/htmlEntities\.js"\)/);
    assert.match(hostCode, /require\("\.\/yamlLoader\.js"\)/);
  });

  it('reads front matter and decodes character references through the stand-ins like the sources do', () => {
    const cases = ['sysdesign: default\ntitle: "A &amp; B"', 'a: 1\na: 2', 'when: 2024-01-01', 'blob: !!binary aGVsbG8=', 'key: [unclosed', '- a\n- b'];
    for (const yaml of cases) {
      const lines = ['---', ...yaml.split('\n'), '---', '# Title'];
      assert.deepEqual(hostParsers.readFrontMatter(lines), readFrontMatter(lines), yaml);
    }
    const markdown = '# Design &amp; notes &copy; &hellip; &#x41; &notanentity;\n\nText with &lt;b&gt; and &nbsp;.\n';
    for (const html of [false, true]) {
      // As plain data: the minified bundle names its Token class differently.
      const plain = (tokens: unknown) => JSON.parse(JSON.stringify(tokens)) as unknown;
      assert.deepEqual(plain(hostParsers.createMarkdownIt({ html }).parse(markdown, {})), plain(createMarkdownIt({ html }).parse(markdown, {})));
    }
  });
});
