// Runs test/integration in desktop VS Code via @vscode/test-electron (needs a display, e.g. xvfb-run).
// VSCODE_EXECUTABLE=/path/to/code uses an installed VS Code; otherwise test-electron downloads
// VSCODE_VERSION, by default the oldest version package.json's engines.vscode accepts (what we promise
// to support is what gets tested). Downloading needs internet access; the offline launcher is
// scripts/test-integration.mjs.
import { runTests } from '@vscode/test-electron';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleIntegrationTests } from './bundle-integration-tests.mjs';
import { quietUserSettings } from './vscode-host/server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(repoRoot, 'test', 'fixtures', 'workspace');
const minimumVersion = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).engines.vscode.replace(/^[\^~>=]+/, '');

async function main() {
  const extensionTestsPath = await bundleIntegrationTests();
  const profileRoot = mkdtempSync(join(tmpdir(), 'sdd-vscode-desktop-'));
  const userDataDir = join(profileRoot, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(quietUserSettings, null, 2));
  try {
    await runTests({
      ...(process.env.VSCODE_EXECUTABLE
        ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE }
        : { version: process.env.VSCODE_VERSION ?? minimumVersion }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
        '--skip-release-notes', '--user-data-dir', userDataDir, '--extensions-dir', join(profileRoot, 'extensions')],
    });
    return 0;
  } finally {
    rmSync(profileRoot, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`[integration:electron] FAILED: ${error?.message ?? error}\n`);
  process.exit(1);
});
