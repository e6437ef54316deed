// Turns the paths, directories and globs given on the command line into readable design documents.
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { Glob } from '../core/glob';
import { globBase, hasGlobChars, toSlashes } from './glob';

export interface SourceFile {
  /** Path as shown to the user: relative to the working directory, forward slashes. */
  path: string;
  absolute: string;
  text: string;
  /** Named on the command line (a path or glob), not found by walking a directory. */
  named: boolean;
}

export interface Collected {
  files: SourceFile[];
  /** One complete message per path that could not be used, e.g. `cannot read x.md: no such file`. */
  errors: string[];
}

/** Decides whether a file found while walking is a design document; `text` is undefined when unreadable. */
export type DesignFilter = (path: string, text: string | undefined, absolute: string) => boolean | Promise<boolean>;

const SKIPPED_DIRS = new Set(['node_modules', '.git']);
const MARKDOWN = /\.(md|markdown|mdx)$/i;

export async function collectFiles(args: string[], cwd: string, isDesign: DesignFilter): Promise<Collected> {
  const files: SourceFile[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = async (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return true;
    const path = displayPath(cwd, absolute);
    const read = readText(absolute);
    if (!explicit && !(await isDesign(path, 'text' in read ? read.text : undefined, absolute))) return false;
    seen.add(absolute);
    if ('error' in read) errors.push(`cannot read ${path}: ${read.error}`);
    else files.push({ path, absolute, text: read.text, named: explicit });
    return true;
  };

  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    const kind = pathKind(absolute);
    if (kind === 'file') {
      await add(absolute, true);
    } else if (kind === 'dir') {
      let found = 0;
      for (const file of walk(absolute)) if (await add(file, false)) found++;
      if (found === 0) errors.push(`no design documents found in ${displayPath(cwd, absolute) || '.'}`);
    } else if (kind === 'missing' && hasGlobChars(arg)) {
      const matches = expandGlob(arg, cwd);
      if (matches.length === 0) errors.push(`no files match ${arg}`);
      for (const file of matches) await add(file, true);
    } else {
      errors.push(`cannot read ${toSlashes(arg)}: ${kind === 'missing' ? 'no such file' : kind}`);
    }
  }
  return { files, errors };
}

export function displayPath(cwd: string, absolute: string): string {
  const rel = relative(cwd, absolute);
  return toSlashes(rel === '' ? '.' : rel);
}

type PathKind = 'file' | 'dir' | 'missing' | string;

function pathKind(absolute: string): PathKind {
  try {
    const stat = statSync(absolute);
    if (stat.isFile()) return 'file';
    if (stat.isDirectory()) return 'dir';
    return 'not a regular file';
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR' ? 'missing' : describeFsError(error);
  }
}

/** Every Markdown file below `dir`, sorted, skipping node_modules and dot-directories. Symlinked
 * directories are not followed, so a link loop cannot hang the walk. */
export function walk(dir: string): string[] {
  return walkFiles(dir, (full, entry) => MARKDOWN.test(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && pathKind(full) === 'file')));
}

/** Every file below `dir` that `accept` takes, sorted, with the same skips as `walk`. */
function walkFiles(dir: string, accept: (full: string, entry: Dirent) => boolean): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...walkFiles(full, accept));
    } else if (accept(full, entry)) {
      out.push(full);
    }
  }
  return out;
}

function expandGlob(pattern: string, cwd: string): string[] {
  const base = resolve(cwd, globBase(pattern));
  const matcher = new Glob(toSlashes(pattern).replace(/^\.\//, ''));
  // Globs may name any extension, so every file is a candidate.
  const candidates = walkFiles(base, (_, entry) => entry.isFile());
  return candidates.filter((file) => {
    const shown = isAbsolute(pattern) ? toSlashes(file) : toSlashes(relative(cwd, file));
    return matcher.matches(shown);
  });
}

export type ReadResult = { text: string } | { error: string };

export function readText(absolute: string): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { error: describeFsError(error) };
  }
  return decodeText(bytes);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Text files only: NUL bytes mean binary, and invalid UTF-8 is refused rather than garbled. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  try {
    return { text: STRICT_UTF8.decode(bytes) };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'EEXIST':
      return 'already exists';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}
