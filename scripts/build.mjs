// Bundles every runtime with esbuild. `--watch` rebuilds on change; `--production` minifies;
// `--analyze` prints the largest inputs of each Node bundle (esbuild metafile).
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { keepLazyModulesApart, LAZY_EXTENSION_MODULES, LAZY_PARSER_DATA, loadParserDataLazily, shareBuiltinStrings, trimDependencies } from './bundlePlugins.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const analyze = process.argv.includes('--analyze');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // Non-ASCII text (×, ≈, →, superscripts) as UTF-8 bytes rather than \uXXXX escapes.
  charset: 'utf8',
};
const nodeCommon = { ...common, plugins: [trimDependencies, shareBuiltinStrings], metafile: analyze };

const builds = [
  // The core must bundle for a neutral platform: this fails if it reaches for Node built-ins.
  { ...nodeCommon, entryPoints: ['src/core/index.ts'], outfile: 'dist/core.js', platform: 'neutral', format: 'cjs',
    mainFields: ['module', 'main'], write: true },
  { ...nodeCommon, entryPoints: ['src/vscode/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs',
    target: 'node20', external: ['vscode'], plugins: [keepLazyModulesApart, loadParserDataLazily, ...nodeCommon.plugins] },
  // Parser data the extension requires on first use (an HTML entity, front matter), one file each beside extension.js.
  ...LAZY_PARSER_DATA.map((name) => ({ ...nodeCommon, entryPoints: [`scripts/stubs/${name}.mjs`], outfile: `dist/${name}.js`,
    platform: 'node', format: 'cjs', target: 'node20' })),
  // Parts of the extension required on first use (e.g. team-framework validation), one file each beside extension.js.
  ...LAZY_EXTENSION_MODULES.map((name) => ({ ...nodeCommon, entryPoints: [`src/vscode/${name}.ts`], outfile: `dist/${name}.js`,
    platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] })),
  // The analysis worker thread the extension starts on first analysis (the core, off the host's thread).
  { ...nodeCommon, entryPoints: ['src/vscode/analysisWorker.ts'], outfile: 'dist/analysisWorker.js', platform: 'node', format: 'cjs',
    target: 'node20', plugins: [loadParserDataLazily, ...nodeCommon.plugins] },
  // The web extension (package.json "browser"): one file, the lazily loaded parts inline, for the web
  // worker extension host of vscode.dev and github.dev; and its analysis worker.
  { ...nodeCommon, entryPoints: ['src/vscode/extension.web.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs',
    target: 'es2022', external: ['vscode'] },
  { ...nodeCommon, entryPoints: ['src/vscode/analysisWebWorker.ts'], outfile: 'dist/web/analysisWorker.js', platform: 'browser', format: 'iife',
    target: 'es2022' },
  { ...nodeCommon, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs',
    target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // The language server (`sysdesign lsp --stdio`), loaded by cli.js for that command only.
  { ...nodeCommon, entryPoints: ['src/server/nodeServer.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20' },
  // Preview webview: ESM with code splitting so Mermaid arrives as a lazily imported chunk; nothing from the network.
  // The same build holds Mermaid's parser for the CLI and the language server (parseMermaid.js, run by Node):
  // it shares the preview's Mermaid chunks instead of shipping Mermaid twice.
  { ...common, entryPoints: { main: 'src/webview/main.ts', parseMermaid: 'src/diagramParser/parseMermaid.ts' }, outdir: 'dist/webview', platform: 'browser', format: 'esm',
    splitting: true, target: 'es2022', chunkNames: 'chunks/[name]-[hash]', sourcemap: false, minify: true },
  // Self-contained diagram renderer inlined by `sysdesign render` into exported HTML (one classic script).
  { ...common, entryPoints: ['src/webview/exportRenderer.ts'], outfile: 'dist/webview/export-renderer.js', platform: 'browser',
    format: 'iife', target: 'es2022', sourcemap: false, minify: true },
];

// Node reads the webview's .js files as ES modules (the CLI imports parseMermaid.js); browsers ignore this file.
mkdirSync('dist/webview', { recursive: true });
writeFileSync('dist/webview/package.json', '{ "type": "module" }\n');

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build(options)));
  if (analyze) {
    for (const result of results.filter((r) => r.metafile)) {
      process.stdout.write(await esbuild.analyzeMetafile(result.metafile, { verbose: false }));
    }
  }
}
