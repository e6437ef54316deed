// `npm start`: builds, then opens examples/ in a real VS Code with this extension loaded from the repo.
// Desktop `code` when it is on PATH (set SDD_START_WEB=1 to skip it); otherwise the cached VS Code
// server (installed on first use) in your browser. Runs until Ctrl+C.
import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir, ensureHost } from './vscode-host/install.mjs';
import { quietUserSettings, remoteUri, startServer, workbenchUrl } from './vscode-host/server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const examples = join(repoRoot, 'examples');

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

async function startWeb() {
  const host = ensureHost();
  // A persistent profile, so settings and open editors survive restarts of `npm start`.
  const userDataDir = join(cacheDir, 'start', 'user-data');
  const extensionsDir = join(cacheDir, 'start', 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(quietUserSettings, null, 2));

  const server = await startServer(host, {
    userDataDir,
    extensionsDir,
    port: process.env.PORT ? Number(process.env.PORT) : undefined,
    // The built web workbench reads extensionDevelopmentPath from the URL payload only with this flag.
    extraArgs: ['--enable-smoke-test-driver'],
    onOutput: (line) => { if (process.env.SDD_START_VERBOSE) process.stdout.write(`[server] ${line}\n`); },
  });
  const url = workbenchUrl(server, examples, [['extensionDevelopmentPath', remoteUri(server, repoRoot)]]);
  process.stdout.write(`\nVS Code (web) with System Design Docs loaded from ${repoRoot}:\n\n  ${url}\n\n`
    + 'Open that URL in a browser on this machine. After `npm run build`, reload the page to pick up changes.\n'
    + 'Press Ctrl+C to stop.\n');

  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    process.stdout.write('\nstopping VS Code server...\n');
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  const code = await server.exited;
  if (stopping) return;
  process.stderr.write(`VS Code server exited (${code})\n`);
  process.exit(1);
}

async function main() {
  execSync('npm run build', { cwd: repoRoot, stdio: 'inherit' });
  mkdirSync(examples, { recursive: true });
  if (!process.env.SDD_START_WEB && onPath('code')) {
    process.stdout.write(`opening ${examples} in desktop VS Code with the extension under development\n`);
    const child = spawn('code', ['--extensionDevelopmentPath', repoRoot, examples], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  await startWeb();
}

main().catch((error) => {
  process.stderr.write(`npm start failed: ${error.stack ?? error}\n`);
  process.exit(1);
});
