// What surrounds the timings: the machine, production bundle sizes, the VSIX and activate() time.
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  commit: string;
}

export function machine(root: string): Machine {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
  } catch {
    // Not Linux: os.cpus() is good enough.
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  return { cpu, cores: os.cpus().length, node: process.version, date: new Date().toISOString(), commit };
}

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
}

export interface Bundles {
  files: BundleFile[];
  error?: string;
  /** Library strings that only the Mermaid package contains. */
  mermaidInExtension: boolean;
  mermaidInWebview: boolean;
}

// String literals from Mermaid's own source; minifiers keep them. Our code never says them.
const MERMAID_MARKERS = ['mermaid.init is deprecated', 'Syntax error in text'];

/**
 * Runs the project's own build script with --production in a scratch copy (sources symlinked), so
 * the sizes are those of scripts/build.mjs and the working tree's dist/ is left alone.
 */
export function productionBundles(root: string): Bundles {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'sdd-bench-build-'));
  try {
    for (const entry of fs.readdirSync(root)) {
      if (['dist', '.git', '.vscode-test', 'scripts'].includes(entry) || entry.endsWith('.vsix')) continue;
      fs.symlinkSync(path.join(root, entry), path.join(scratch, entry));
    }
    fs.cpSync(path.join(root, 'scripts'), path.join(scratch, 'scripts'), { recursive: true });
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: scratch, encoding: 'utf8' });
    const dist = path.join(scratch, 'dist');
    const files = fs.existsSync(dist) ? listFiles(dist).filter((f) => /\.(m?js|css)$/.test(f)) : [];
    const sized = files.map((file) => {
      const data = fs.readFileSync(path.join(dist, file));
      return { file: `dist/${file}`, bytes: data.length, gzip: gzipSync(data).length };
    });
    const has = (pred: (f: string) => boolean) =>
      files.filter(pred).some((f) => {
        const text = fs.readFileSync(path.join(dist, f), 'utf8');
        return MERMAID_MARKERS.some((m) => text.includes(m));
      });
    return {
      files: sized,
      error: build.status === 0 ? undefined : firstLines(build.stderr || build.stdout || `exit ${build.status}`),
      mermaidInExtension: has((f) => f === 'extension.js'),
      mermaidInWebview: has((f) => f.startsWith('webview/')),
    };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 6).join(' / ');
}

export interface Vsix {
  file: string;
  bytes: number;
  modified: string;
}

/** The newest .vsix in out/ (where `npm run package` writes it) or the repository root. */
export function newestVsix(root: string): Vsix | undefined {
  const found = ['out', '.']
    .filter((dir) => fs.existsSync(path.join(root, dir)))
    .flatMap((dir) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.vsix')).map((f) => path.join(dir, f)))
    .map((f) => ({ file: f, stat: fs.statSync(path.join(root, f)) }))
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)[0];
  return found && { file: found.file, bytes: found.stat.size, modified: found.stat.mtime.toISOString() };
}

export interface ActivateTime {
  ms: number;
  detail: string;
}

/** Written by the integration suite in the real extension host; absent until that suite has run. */
export const ACTIVATE_TIME_FILE = '.vscode-test/activate-time.json';

/** A figures file the integration suite wrote, as an object; undefined when absent or unreadable. */
function readFigures(root: string, file: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function activateTime(root: string): ActivateTime | undefined {
  const data = readFigures(root, ACTIVATE_TIME_FILE);
  const ms = typeof data?.ms === 'number' ? data.ms : typeof data?.activateMs === 'number' ? data.activateMs : undefined;
  if (!data || ms === undefined) return undefined;
  const extra = Object.entries(data)
    .filter(([k]) => k !== 'ms' && k !== 'activateMs')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');
  return { ms, detail: extra };
}

export interface HostLatency {
  firstChecklistMs: number;
  keystrokeRoundTripMs: number;
  debounceMs: number;
  detail: string;
}

/** Written by test/integration/latency.test.ts in the real extension host: medians over seeded 10 KB documents. */
export const HOST_LATENCY_FILE = '.vscode-test/host-latency.json';

export function hostLatency(root: string): HostLatency | undefined {
  const data = readFigures(root, HOST_LATENCY_FILE);
  if (!data) return undefined;
  const { firstChecklistMs, keystrokeRoundTripMs, debounceMs } = data;
  if (typeof firstChecklistMs !== 'number' || typeof keystrokeRoundTripMs !== 'number' || typeof debounceMs !== 'number') return undefined;
  const detail = `${String(data.runs)} runs, ${String(data.documentBytes)} bytes, analysis off the host's thread: ${String(data.analysisOffThread)}, vscode ${String(data.vscode)}, measured ${String(data.measured)}`;
  return { firstChecklistMs, keystrokeRoundTripMs, debounceMs, detail };
}
