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
      errors.push(...problems);
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

type JsonResult = { value: unknown } | { error: FrameworkLoadError };

function parseJson(text: string, file: string): JsonResult {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
