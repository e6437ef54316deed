// Runs test/integration in a real VS Code offline: the cached VS Code server + Debian Chromium.
// Exits with the suite's code; non-zero on any failure, a missing host, or the overall timeout.
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIntegrationTests, bundleWebIntegrationTests } from './bundle-integration-tests.mjs';
import { launchChromium } from './vscode-host/browser.mjs';
import { ensureHost } from './vscode-host/install.mjs';
import { makeProfile, remoteUri, startServer, workbenchUrl } from './vscode-host/server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(repoRoot, 'test', 'fixtures', 'workspace');
// --web: the subset in test/integration-web, with the extension in the web worker extension host.
const web = process.argv.includes('--web');
const timeoutMs = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);
const verbose = Boolean(process.env.INTEGRATION_VERBOSE);
// test/integration/output.ts prefixes test output with this (the extension host inherits the server's env).
const outputMarker = '\u2063sdd-test\u2063';

function log(message) {
  process.stdout.write(`[integration] ${message}\n`);
}

/**
 * The extension as the web worker host must see it: the same files, with a manifest that has only the
 * "browser" entry. The workbench picks the host from the manifest; the smoke-test payload's
 * `extensionDevelopmentKind` is read by this VS Code's web workbench but never reaches the code that
 * places extensions (it reads another property), so it cannot pick the host.
 */
function stageWebExtension() {
  const dir = join(repoRoot, 'dist', 'test', 'web-extension');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const entry of ['dist', 'media', 'snippets', 'schemas', 'docs', 'README.md', 'LICENSE']) symlinkSync(join(repoRoot, entry), join(dir, entry));
  return dir;
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes('--no-build')) execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  const testIndex = web ? await bundleWebIntegrationTests() : await bundleIntegrationTests();
  const host = ensureHost();

  const profile = makeProfile();
  let server;
  let browser;
  let timer;
  try {
    server = await startServer(host, {
      userDataDir: profile.userDataDir,
      extensionsDir: profile.extensionsDir,
      extraArgs: ['--enable-smoke-test-driver'],
      env: { SDD_TEST_OUTPUT_MARKER: outputMarker },
      onOutput: (line) => { if (verbose) process.stdout.write(`[server] ${line}\n`); },
    });
    log(`VS Code server on ${server.origin} (pid ${server.pid})`);

    browser = await launchChromium();
    const page = await browser.newPage();
    const finished = new Promise((resolveExit) => {
      page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code)));
    });
    page.on('console', (message) => {
      const text = message.text();
      const at = text.indexOf(outputMarker);
      // Test output carries the marker; the workbench's own logging (offline gallery look-ups...) only when verbose.
      if (at >= 0) process.stdout.write(`${text.slice(at + outputMarker.length)}\n`);
      else if (verbose) process.stdout.write(`[page] ${text}\n`);
    });
    page.on('pageerror', (error) => { if (verbose) process.stdout.write(`[page error] ${error.message}\n`); });

    // The workbench runs the tests in the host of the extension whose folder holds them: on the web,
    // the test bundle is reached through the staged folder's dist/ link.
    const extensionDir = web ? stageWebExtension() : repoRoot;
    const testsPath = web ? join(extensionDir, relative(repoRoot, testIndex)) : testIndex;
    const payload = [
      ['extensionDevelopmentPath', remoteUri(server, extensionDir)],
      ['extensionTestsPath', remoteUri(server, testsPath)],
    ];
    await page.goto(workbenchUrl(server, workspace, payload));
    log('workbench opened; running tests');

    const timedOut = new Promise((resolveTimeout) => {
      timer = setTimeout(() => resolveTimeout('timeout'), Math.max(0, timeoutMs - (Date.now() - started)));
    });
    const outcome = await Promise.race([finished, timedOut]);
    if (outcome === 'timeout') {
      log(`FAILED: the suite did not finish within ${timeoutMs} ms (INTEGRATION_TIMEOUT_MS)`);
      return 1;
    }
    log(`suite exited with ${outcome} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return outcome;
  } finally {
    clearTimeout(timer);
    await browser?.close().catch(() => {});
    await server?.stop();
    profile.dispose();
  }
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`[integration] FAILED: ${error.stack ?? error}\n`);
  process.exit(1);
});
