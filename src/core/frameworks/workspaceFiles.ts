// Parses and validates a workspace's framework files (`.sysdesign/frameworks/*.json`) into a registry.
import type { FrameworkDef, FrameworkLoadError } from '../types';
import type { FrameworkRegistry } from './registry';
import { validateFramework } from './validate';

/**
 * Adds every usable file to `registry`. Good files load even when others fail; each failure names its
 * file and the JSON pointer of the field at fault.
 */
export function addWorkspaceFiles(registry: FrameworkRegistry, files: readonly { file: string; text: string }[]): FrameworkLoadError[] {
  const errors: FrameworkLoadError[] = [];
  const loadedHere = new Map<string, string>();
  for (const { file, text } of files) {
    const parsed = parseJson(text, file);
    if ('error' in parsed) {
      errors.push(parsed.error);
      continue;
    }
    const problems = validateFramework(parsed.value, file);
    if (problems.length > 0) {
      errors.push(...capErrors(problems, file));
      continue;
    }
    const def = parsed.value as FrameworkDef;
    const earlier = loadedHere.get(def.id);
    if (earlier !== undefined) {
      errors.push({ file, field: '/id', message: `Framework id '${def.id}' is already defined by ${earlier}; this file was ignored.` });
      continue;
    }
    loadedHere.set(def.id, file);
    registry.addWorkspaceFramework(def, file);
  }
  return errors;
}

/** A framework is a few KB of JSON; far larger files are refused before parsing. */
export const MAX_FRAMEWORK_FILE_CHARS = 512 * 1024;
/** A framework nests four levels; deeper JSON is refused before any recursive walk can overflow. */
export const MAX_FRAMEWORK_DEPTH = 32;
/** Errors reported per file; the rest are counted in the last one. */
export const MAX_ERRORS_PER_FILE = 20;

function capErrors(problems: FrameworkLoadError[], file: string): FrameworkLoadError[] {
  if (problems.length <= MAX_ERRORS_PER_FILE) return problems;
  const shown = problems.slice(0, MAX_ERRORS_PER_FILE - 1);
  shown.push({ file, field: '', message: `…and ${problems.length - shown.length} more problems in this file (fix the ones above first).` });
  return shown;
}

/** The deepest nesting of arrays and objects in JSON text, read in one pass that skips strings; stops past `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return max;
}

type JsonResult = { value: unknown } | { error: FrameworkLoadError };

function parseJson(text: string, file: string): JsonResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.length > MAX_FRAMEWORK_FILE_CHARS) {
    const kb = Math.round(source.length / 1024);
    return { error: { file, field: '', message: `Not loaded: the file is ${kb} KB; a framework file may be at most ${MAX_FRAMEWORK_FILE_CHARS / 1024} KB.` } };
  }
  if (jsonDepth(source, MAX_FRAMEWORK_DEPTH) > MAX_FRAMEWORK_DEPTH) {
    return { error: { file, field: '', message: `Not loaded: values are nested more than ${MAX_FRAMEWORK_DEPTH} levels deep; a framework needs four.` } };
  }
  try {
    return { value: JSON.parse(source) as unknown };
  } catch (err) {
    const raw = err instanceof Error ? err.message : String(err);
    return { error: { file, field: '', message: `Not valid JSON${locate(raw, source)}: ${raw.replace(/\s*\(line \d+ column \d+\)/, '')}` } };
  }
}

/** JSON.parse reports "position N" (V8, older) or "line L column C" (V8, newer); turn either into line:column. */
function locate(message: string, text: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return ` at line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(message);
  if (position) {
    const offset = Math.min(Number(position[1]), text.length);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
      if (text.charCodeAt(i) === 10) {
        line++;
        lineStart = i + 1;
      }
    }
    return ` at line ${line}, column ${offset - lineStart + 1}`;
  }
  if (text.trim() === '') return ' (the file is empty)';
  if (/end of JSON/i.test(message)) return locate(`position ${text.length}`, text);
  return '';
}
