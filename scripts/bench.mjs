// Builds bench/run.ts with esbuild and runs it with node directly (no loader overhead in the timings).
// Arguments pass through to the bench (see bench/run.ts); `--cpu-prof` profiles the bench process.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Under node_modules so the external packages (markdown-it, markdownlint, yaml) resolve from the repo.
const outfile = path.join(root, 'node_modules', '.cache', 'sdd-bench', 'run.mjs');

await esbuild.build({
  entryPoints: [path.join(root, 'bench', 'run.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const args = process.argv.slice(2);
const nodeFlags = ['--expose-gc'];
if (args.includes('--cpu-prof')) nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${path.join(root, 'node_modules', '.cache', 'sdd-bench', 'prof')}`);
const result = spawnSync(process.execPath, [...nodeFlags, outfile, ...args.filter((a) => a !== '--cpu-prof')], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
