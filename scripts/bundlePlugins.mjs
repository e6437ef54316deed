// esbuild plugins that make the Node bundles smaller without changing what they do (scripts/build.mjs).
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);
const stubs = join(root, 'scripts', 'stubs');
const jsYamlDir = dirname(require.resolve('js-yaml/package.json'));
// The `entities` version markdown-it depends on (another one may sit at the top of node_modules).
const markdownItEntitiesDecode = createRequire(require.resolve('markdown-it/package.json')).resolve('entities/decode');

/**
 * Swaps in smaller equivalents: uc.micro's Unicode classes as property escapes (scripts/stubs/uc.micro.mjs),
 * and leaves out what the bundles never use: jsonc-parser's formatter and editor, linkify-it (markdown-it always runs with
 * `linkify: false`), js-yaml's dumper (front matter is only ever loaded) and the YAML types beyond the
 * JSON schema (binary, timestamp, omap, pairs, set, merge), which only js-yaml's default schema has, and its error snippet:
 * src/core/frontMatter.ts always passes JSON_SCHEMA, so the loader's default is pointed at that too.
 */
export const trimDependencies = {
  name: 'trim-dependencies',
  setup(build) {
    build.onResolve({ filter: /^linkify-it$/ }, () => ({ path: join(stubs, 'linkify-it.mjs') }));
    build.onResolve({ filter: /^uc\.micro$/ }, () => ({ path: join(stubs, 'uc.micro.mjs') }));
    build.onResolve({ filter: /^jsonc-parser\/lib\/esm\/main\.js$/ }, () => ({ path: join(stubs, 'jsonc-parser.mjs') }));
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: join(stubs, 'js-yaml.mjs') }));
    // scripts/stubs/htmlEntities.mjs: markdown-it's own decoder, without the encoder.
    build.onResolve({ filter: /^entities\/decode$/ }, () => ({ path: markdownItEntitiesDecode }));
    // The stub reaches into js-yaml's CommonJS sources, which its `exports` map does not list.
    build.onResolve({ filter: /^js-yaml\/lib\// }, (args) => ({ path: join(jsYamlDir, args.path.slice('js-yaml/'.length)) }));
    // The loader's error snippet (a few lines of source with a caret): frontMatter.ts reports the
    // exception's reason and mark (line, column) and never shows the snippet.
    build.onResolve({ filter: /^\.\/snippet$/ }, (args) =>
      args.importer === join(jsYamlDir, 'lib', 'loader.js') ? { path: join(stubs, 'js-yaml-snippet.cjs') } : undefined);
    build.onResolve({ filter: /^\.\/schema\/default$/ }, (args) =>
      args.importer === join(jsYamlDir, 'lib', 'loader.js') ? { path: join(jsYamlDir, 'lib', 'schema', 'json.js') } : undefined);
  },
};

/**
 * Parser data the extension host loads on first use rather than at activation: markdown-it's HTML
 * entity table (only documents with a named character reference need it) and the YAML loader (only
 * documents with front matter). The extension bundle gets stand-ins that require dist/<name>.js, built
 * from scripts/stubs/<name>.mjs; the CLI and core bundles keep the real modules inline.
 */
export const LAZY_PARSER_DATA = ['htmlEntities', 'yamlLoader'];
export const loadParserDataLazily = {
  name: 'load-parser-data-lazily',
  setup(build) {
    build.onResolve({ filter: /^entities$/ }, () => ({ path: join(stubs, 'lazy-entities.cjs') }));
    build.onResolve({ filter: /^js-yaml$/ }, () => ({ path: join(stubs, 'lazy-js-yaml.cjs') }));
    build.onResolve({ filter: new RegExp(`^\\./(${LAZY_PARSER_DATA.join('|')})\\.js$`) }, (args) =>
      args.importer.startsWith(stubs) ? { path: args.path, external: true } : undefined);
  },
};

/**
 * Modules the extension host loads on first use rather than at activation: each is built as its own file
 * in dist/ (scripts/build.mjs) and its one `require('./name')` site in src/vscode/ stays a require of
 * `./name.js`, which Node resolves next to dist/extension.js.
 */
export const LAZY_EXTENSION_MODULES = ['frameworkFiles', 'previewModule', 'inProcessAnalysis'];
export const keepLazyModulesApart = {
  name: 'keep-lazy-modules-apart',
  setup(build) {
    // Real path: esbuild reports resolveDir with symlinks resolved (the bench builds in a linked copy).
    const vscodeDir = realpathSync(join(root, 'src', 'vscode'));
    build.onResolve({ filter: new RegExp(`^\\./(${LAZY_EXTENSION_MODULES.join('|')})$`) }, (args) =>
      args.kind === 'require-call' && args.resolveDir === vscodeDir ? { path: `${args.path}.js`, external: true } : undefined);
  },
};

/**
 * The built-in frameworks repeat many strings (templates, heading phrasings) across files. Each file is
 * emitted as an object literal that refers to one shared constant per repeated string instead of a copy;
 * the data is the same as the JSON import, only the bundle is smaller.
 */
const BUILTIN_JSON = /[\\/]src[\\/]core[\\/]frameworks[\\/]builtin[\\/][^\\/]+\.json$/;
const SHARED = 'builtin-framework-strings';
export const shareBuiltinStrings = {
  name: 'share-builtin-strings',
  setup(build) {
    const dir = join(root, 'src', 'core', 'frameworks', 'builtin');
    let shared; // string -> constant name, computed once per build
    build.onStart(() => {
      shared = undefined;
    });
    const sharedStrings = () => {
      if (shared) return shared;
      const counts = new Map();
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        forEachString(JSON.parse(readFileSync(join(dir, file), 'utf8')), (s) => counts.set(s, (counts.get(s) ?? 0) + 1));
      }
      shared = new Map();
      for (const [text, count] of counts) {
        const literal = JSON.stringify(text).length;
        // A copy costs the literal; sharing costs one declaration plus a short name per use.
        if (count > 1 && count * literal > literal + 8 + count * 3) shared.set(text, `s${shared.size}`);
      }
      return shared;
    };
    build.onResolve({ filter: new RegExp(`^${SHARED}$`) }, () => ({ path: SHARED, namespace: SHARED }));
    build.onLoad({ filter: /.*/, namespace: SHARED }, () => ({
      contents: [...sharedStrings()].map(([text, name]) => `export const ${name} = ${JSON.stringify(text)};`).join('\n'),
      loader: 'js',
    }));
    build.onLoad({ filter: BUILTIN_JSON }, (args) => {
      const names = sharedStrings();
      const used = new Set();
      const emit = (value) => {
        if (typeof value === 'string') {
          const name = names.get(value);
          if (name === undefined) return JSON.stringify(value);
          used.add(name);
          return name;
        }
        if (Array.isArray(value)) return `[${value.map(emit).join(',')}]`;
        if (value !== null && typeof value === 'object') {
          // A literal `__proto__` key would set the prototype instead of a property, unlike JSON.parse.
          return `{${Object.entries(value).map(([k, v]) => `${k === '__proto__' ? `[${JSON.stringify(k)}]` : JSON.stringify(k)}:${emit(v)}`).join(',')}}`;
        }
        return JSON.stringify(value);
      };
      const body = emit(JSON.parse(readFileSync(args.path, 'utf8')));
      const imports = used.size > 0 ? `import { ${[...used].join(', ')} } from '${SHARED}';\n` : '';
      return { contents: `${imports}export default ${body};\n`, loader: 'js', watchFiles: [args.path] };
    });
  },
};

function forEachString(value, visit) {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => forEachString(item, visit));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((item) => forEachString(item, visit));
}
