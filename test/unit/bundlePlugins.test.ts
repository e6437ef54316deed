// The build's size plugins (scripts/bundlePlugins.mjs) must leave behaviour unchanged: the bundled
// frameworks, front-matter reader and markdown-it give the same results as the sources run directly.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import * as ucMicro from 'uc.micro';
import { BUILT_IN_FRAMEWORKS } from '../../src/core/frameworks/builtins';
import { readFrontMatter } from '../../src/core/frontMatter';
import { createMarkdownIt } from '../../src/core/markdown';
import { locatePointer } from '../../src/vscode/jsonLocation';

const root = resolve(__dirname, '..', '..');

interface Bundled {
  BUILT_IN_FRAMEWORKS: typeof BUILT_IN_FRAMEWORKS;
  readFrontMatter: typeof readFrontMatter;
  createMarkdownIt: typeof createMarkdownIt;
  locatePointer: typeof locatePointer;
}

const FRONT_MATTER_CASES: Record<string, string> = {
  'a plain mapping': 'sysdesign: default\ntitle: "URL shortener"\ntags: [a, b]\nn: 3.5',
  'duplicate keys': 'a: 1\na: 2',
  'a date, which the JSON schema keeps as a string': 'when: 2024-01-01',
  'a merge key, which the JSON schema keeps as a key': 'base: &b {x: 1}\nother:\n  <<: *b',
  'a binary tag the JSON schema does not know': 'blob: !!binary aGVsbG8=',
  'a set tag the JSON schema does not know': 'tags: !!set {a, b}',
  'a sequence instead of a mapping': '- a\n- b',
  'an unclosed flow sequence': 'key: [unclosed',
  'a tab in indentation': 'a:\n\tb: 1',
};

const MARKDOWN = [
  '# Design &amp; notes &copy; 2024',
  '',
  'See https://example.com/path and www.example.org, <https://auto.link> and [a link](http://xn--nxasmq6b.com/ä).',
  '',
  '| A | B |',
  '| - | - |',
  '| 1 | ~~2~~ |',
  '',
  'Flanking next to Unicode punctuation: *«quoted»*, “*emphasis*”, a*"foo"*b, **€**50 and _¿qué?_',
  '',
  '<div>raw html</div>',
  '',
  '```estimate',
  'writes = 10M / 86400 ≈ 116 writes/s',
  '```',
].join('\n');

describe('bundle size plugins', function () {
  this.timeout(60_000);
  let dir: string;
  let bundled: Bundled;
  let inputs: string[];

  before(async () => {
    const { trimDependencies, shareBuiltinStrings } = (await import(join(root, 'scripts/bundlePlugins.mjs'))) as {
      trimDependencies: esbuild.Plugin;
      shareBuiltinStrings: esbuild.Plugin;
    };
    dir = mkdtempSync(join(tmpdir(), 'sdd-bundle-'));
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, [
      `export { BUILT_IN_FRAMEWORKS } from ${JSON.stringify(join(root, 'src/core/frameworks/builtins'))};`,
      `export { readFrontMatter } from ${JSON.stringify(join(root, 'src/core/frontMatter'))};`,
      `export { createMarkdownIt } from ${JSON.stringify(join(root, 'src/core/markdown'))};`,
      `export { locatePointer } from ${JSON.stringify(join(root, 'src/vscode/jsonLocation'))};`,
    ].join('\n'));
    const outfile = join(dir, 'out.js');
    const result = await esbuild.build({
      entryPoints: [entry], outfile, bundle: true, minify: true, platform: 'node', format: 'cjs', charset: 'utf8',
      metafile: true, logLevel: 'silent', absWorkingDir: root, plugins: [trimDependencies, shareBuiltinStrings],
    });
    inputs = Object.keys(result.metafile.inputs);
    bundled = createRequire(__filename)(outfile) as Bundled;
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('replaces uc.micro with property escapes that classify every code point alike', async () => {
    const stub = (await import(join(root, 'scripts/stubs/uc.micro.mjs'))) as Record<string, RegExp>;
    const real = ucMicro as unknown as Record<string, RegExp>;
    assert.deepEqual(Object.keys(stub).sort(), Object.keys(real).filter((key) => real[key] instanceof RegExp).sort());
    for (const name of Object.keys(stub)) {
      const differ: string[] = [];
      for (let cp = 0; cp <= 0x10ffff && differ.length < 5; cp++) {
        const ch = String.fromCodePoint(cp);
        if (stub[name].test(ch) !== real[name].test(ch)) differ.push(`U+${cp.toString(16).toUpperCase()}`);
      }
      assert.deepEqual(differ, [], `${name} differs`);
    }
    assert.ok(!inputs.some((input) => input.includes('uc.micro/')), 'the real uc.micro is not bundled');
  });

  it('leaves out linkify-it, the YAML dumper and the non-JSON YAML types', () => {
    const unwanted = inputs.filter((input) => /linkify-it\/|js-yaml\/(dist\/|lib\/dumper|lib\/type\/(binary|timestamp|omap|pairs|set|merge))/.test(input));
    assert.deepEqual(unwanted, []);
    assert.ok(inputs.some((input) => input.includes('js-yaml/lib/loader')), 'the YAML loader is still bundled');
  });

  it('bundles the built-in frameworks with exactly the data of the JSON files', () => {
    assert.ok(inputs.some((input) => input.includes('builtin-framework-strings')), 'shared strings are in use');
    assert.deepEqual(bundled.BUILT_IN_FRAMEWORKS, BUILT_IN_FRAMEWORKS);
  });

  for (const [name, yaml] of Object.entries(FRONT_MATTER_CASES)) {
    it(`reads front matter like the sources do: ${name}`, () => {
      const lines = ['---', ...yaml.split('\n'), '---', '# Title'];
      assert.deepEqual(bundled.readFrontMatter(lines), readFrontMatter(lines));
    });
  }

  it('locates JSON pointers in framework files like the sources do', () => {
    const text = '{\n  // team copy\n  "id": "team",\n  "phases": [\n    { "id": "a", "kind": "nope", },\n    { "id": "b" }\n  ]\n}\n';
    for (const pointer of ['', '/id', '/phases', '/phases/0/kind', '/phases/1/headings', '/missing/deeper', '/phases/9']) {
      assert.deepEqual(bundled.locatePointer(text, pointer), locatePointer(text, pointer), pointer);
    }
    assert.deepEqual(locatePointer(text, '/phases/0/kind').start, { line: 4, character: 17 }, 'the pointer lands on the key');
    assert.ok(!inputs.some((input) => /jsonc-parser\/lib\/esm\/(main|impl\/format|impl\/edit)\.js$/.test(input)), 'only the parser is bundled');
  });

  for (const html of [false, true]) {
    it(`parses and renders Markdown like the sources do (html: ${html})`, () => {
      const mine = bundled.createMarkdownIt({ html });
      const real = createMarkdownIt({ html });
      const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;
      assert.deepEqual(plain(mine.parse(MARKDOWN, {})), plain(real.parse(MARKDOWN, {})));
      assert.equal(mine.render(MARKDOWN), real.render(MARKDOWN));
      assert.doesNotMatch(real.render(MARKDOWN), /href="https:\/\/example\.com\/path"/, 'linkify stays off');
    });
  }
});
