// Starts and stops a VS Code server (from the cached code-server install) on a free loopback port.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Settings that keep first-run dialogs (welcome page, workspace trust) out of the way. */
export const quietUserSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'workbench.tips.enabled': false,
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // The repo's own .git sits above the opened example folder; without these Git asks about it in a toast.
  'git.openRepositoryInParentFolders': 'never',
  'git.autoRepositoryDetection': false,
  'extensions.ignoreRecommendations': true,
};

export function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}

/** Makes throw-away user-data and extensions folders, with settings seeded. */
export function makeProfile(settings = {}) {
  const root = mkdtempSync(join(tmpdir(), 'sdd-vscode-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...quietUserSettings, ...settings }, null, 2));
  return { root, userDataDir, extensionsDir, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/** Installs a .vsix into an extensions folder with the server's own CLI (works offline). */
export function installVsix(host, vsixPath, extensionsDir) {
  const result = spawnSync(host.node, [host.serverMain, '--install-extension', vsixPath, '--force',
    '--extensions-dir', extensionsDir, '--accept-server-license-terms'], { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/**
 * Spawns the server and resolves once it logs that the extension host agent is up.
 * `onOutput` receives every output line (the server is chatty; callers decide what to show).
 */
export async function startServer(host, { userDataDir, extensionsDir, port, extraArgs = [], env = {}, onOutput = () => {}, readyTimeoutMs = 60_000 }) {
  const listenPort = port ?? await freePort();
  const args = [host.serverMain, '--host', '127.0.0.1', '--port', String(listenPort), '--without-connection-token',
    '--accept-server-license-terms', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, ...extraArgs];
  const child = spawn(host.node, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let exited = false;
  const exitPromise = new Promise((resolveExit) => child.on('exit', (code, signal) => {
    exited = true;
    resolveExit(code ?? signal);
  }));

  const ready = new Promise((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`VS Code server did not start within ${readyTimeoutMs} ms`)), readyTimeoutMs);
    const onLine = (line) => {
      onOutput(line);
      if (line.includes('Extension host agent started.')) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop();
        lines.forEach(onLine);
      });
    }
    child.on('error', (error) => { clearTimeout(timer); reject(error); });
    exitPromise.then((code) => { clearTimeout(timer); reject(new Error(`VS Code server exited early (${code})`)); });
  });

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 5_000);
    await exitPromise;
    clearTimeout(forced);
  };

  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return { port: listenPort, origin: `http://127.0.0.1:${listenPort}`, pid: child.pid, stop, exited: exitPromise };
}

/** URL that opens `folder` in the web workbench, with optional smoke-test payload entries. */
export function workbenchUrl(server, folder, payload) {
  const url = new URL('/', server.origin);
  url.searchParams.set('folder', folder);
  if (payload) url.searchParams.set('payload', JSON.stringify(payload));
  return url.toString();
}

/** A path on the server's machine as a URI the web workbench resolves through the server. */
export function remoteUri(server, absolutePath) {
  return `vscode-remote://127.0.0.1:${server.port}${absolutePath}`;
}
