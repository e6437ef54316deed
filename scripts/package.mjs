// Builds the .vsix: a clean production build (so no stale chunks or source maps), then `vsce package`.
// Everything the extension runs is bundled into dist/, hence --no-dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const vsixPath = join(repoRoot, 'out', 'system-design-docs.vsix');

export function packageVsix({ quiet = false } = {}) {
  const stdio = quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit';
  rmSync(join(repoRoot, 'dist'), { recursive: true, force: true });
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production'], { cwd: repoRoot, stdio });
  mkdirSync(dirname(vsixPath), { recursive: true });
  rmSync(vsixPath, { force: true });
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  // No repository URL is published yet: keep README links relative (screenshots ship inside the VSIX).
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository',
    '--no-rewrite-relative-links', '--out', vsixPath], { cwd: repoRoot, stdio });
  return vsixPath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = packageVsix();
  process.stdout.write(`packaged ${relative(repoRoot, file)} (${(statSync(file).size / 1024).toFixed(0)} KiB)\n`);
}
