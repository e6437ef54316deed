// Builds bench/run.ts with esbuild and runs it with node directly (no loader overhead in the timings).
// Arguments pass through to the bench (see bench/run.ts); `--cpu-prof` profiles the bench process,
// `--profile [--sizes=1m]` profiles analyze() alone and prints its heaviest functions.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Under node_modules so the external packages (markdown-it, markdownlint, yaml) resolve from the repo.
const outfile = path.join(root, 'node_modules', '.cache', 'sdd-bench', 'run.mjs');

const args = process.argv.slice(2);
// --profile: run bench/profile.ts (analyze() in a loop) under --cpu-prof and print the top frames.
const profiling = args.includes('--profile');
const entry = profiling ? 'profile.ts' : 'run.ts';

if (!profiling) await esbuild.build({
  entryPoints: [path.join(root, 'bench', entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});

const profDir = path.join(root, 'node_modules', '.cache', 'sdd-bench', 'prof');
const nodeFlags = ['--expose-gc'];
if (profiling || args.includes('--cpu-prof')) {
  fs.rmSync(profDir, { recursive: true, force: true });
  nodeFlags.push('--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=200');
}
// Profiles load the TypeScript through tsx so frames name their src/ files; timing runs use the bundle.
const target = profiling ? ['--import', 'tsx', path.join(root, 'bench', entry)] : [outfile];
const result = spawnSync(process.execPath, [...nodeFlags, ...target, ...args.filter((a) => a !== '--cpu-prof' && a !== '--profile')], {
  cwd: root,
  stdio: 'inherit',
});
if (profiling && result.status === 0) {
  // tsx's loader thread writes a profile too; the main thread's is the largest.
  const prof = fs
    .readdirSync(profDir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort((x, y) => fs.statSync(path.join(profDir, y)).size - fs.statSync(path.join(profDir, x)).size)[0];
  console.log(`profile: ${path.join(profDir, prof)}`);
  spawnSync(process.execPath, [path.join(root, 'bench', 'cpuprofile-top.mjs'), path.join(profDir, prof), '30'], { stdio: 'inherit' });
}
process.exit(result.status ?? 1);
