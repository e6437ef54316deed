// Bundles test/integration (mocha included) into one CommonJS file the extension host can load.
// Every test/integration/**/*.test.ts is found here and handed to index.ts through a generated module.
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const testDir = join(repoRoot, 'test', 'integration');
export const bundledTestIndex = join(repoRoot, 'dist', 'test', 'integration', 'index.js');

function findTestFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return findTestFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  }).sort();
}

// Each test file is loaded lazily so index.ts can set mocha's globals (suite/test) first.
const testFilesPlugin = {
  name: 'integration-test-files',
  setup(build) {
    build.onResolve({ filter: /^sdd:integration-test-files$/ }, () => ({ path: 'test-files', namespace: 'sdd-tests' }));
    build.onLoad({ filter: /.*/, namespace: 'sdd-tests' }, () => {
      const files = findTestFiles(testDir);
      const entries = files.map((file) =>
        `{ file: ${JSON.stringify(relative(repoRoot, file))}, load: () => require(${JSON.stringify(file)}) }`);
      return { contents: `module.exports.testFiles = [\n${entries.join(',\n')}\n];\n`, loader: 'js', resolveDir: testDir, watchFiles: files, watchDirs: [testDir] };
    });
  },
};

export async function bundleIntegrationTests() {
  await esbuild.build({
    entryPoints: [join(testDir, 'index.ts')],
    outfile: bundledTestIndex,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    plugins: [testFilesPlugin],
    logLevel: 'warning',
    // mocha's parallel mode (never used here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
  });
  return bundledTestIndex;
}

export const bundledWebTestIndex = join(repoRoot, 'dist', 'test', 'integration-web', 'index.js');

/** The web worker host's subset (test/integration-web): browser platform, mocha's browser build. */
export async function bundleWebIntegrationTests() {
  await esbuild.build({
    entryPoints: [join(repoRoot, 'test', 'integration-web', 'index.ts')],
    outfile: bundledWebTestIndex,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return bundledWebTestIndex;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundleIntegrationTests();
  process.stdout.write(`bundled integration tests to ${relative(repoRoot, bundledTestIndex)}\n`);
}
