// Finds the nearest directory holding `.sysdesign`, and loads a project's team frameworks from its folder.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { FrameworkRegistry } from '../core/frameworks/registry';
import { addWorkspaceFiles } from '../core/frameworks/workspaceFiles';
import type { FrameworkLoadError } from '../core/types';
import { displayPath, readText } from './files';

export function findWorkspaceRoot(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    if (isDirectory(join(dir, '.sysdesign'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The built-ins plus the team frameworks in `folder` (relative to `root`); files that fail are reported. */
export function loadFrameworks(cwd: string, root: string, folder: string): { registry: FrameworkRegistry; errors: FrameworkLoadError[] } {
  const registry = FrameworkRegistry.withBuiltIns();
  const dir = join(root, ...folder.split('/'));
  const errors: FrameworkLoadError[] = [];
  const files: Array<{ file: string; text: string }> = [];
  for (const name of jsonFiles(dir)) {
    const file = displayPath(cwd, join(dir, name));
    const read = readText(join(dir, name));
    if ('error' in read) errors.push({ file, field: '', message: `cannot read: ${read.error}` });
    else files.push({ file, text: read.text });
  }
  errors.push(...addWorkspaceFiles(registry, files));
  return { registry, errors };
}

/** `file: /phases/2/kind: message`, the way the CLI prints a framework load error. */
export function formatLoadError(error: FrameworkLoadError): string {
  return `${error.file}${error.field ? `: ${error.field}` : ''}: ${error.message}`;
}

function jsonFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.json'))
      .sort();
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
