// Holds the frameworks a document can be checked against: built-ins plus the workspace's own JSON files.
import type { FrameworkDef, FrameworkLoadError, LoadedFramework } from '../types';
import { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID } from './builtins';
import { validateFramework } from './validate';

export class FrameworkRegistry {
  readonly defaultId = DEFAULT_FRAMEWORK_ID;
  private readonly builtIns = new Map<string, LoadedFramework>();
  private readonly workspace = new Map<string, LoadedFramework>();

  static withBuiltIns(): FrameworkRegistry {
    const registry = new FrameworkRegistry();
    for (const def of BUILT_IN_FRAMEWORKS) registry.builtIns.set(def.id, { ...def, origin: 'built-in' });
    return registry;
  }

  get(id: string): LoadedFramework | undefined {
    return this.workspace.get(id) ?? this.builtIns.get(id);
  }

  /** Built-ins in their shipped order (overridden ones replaced in place), then workspace-only frameworks. */
  list(): LoadedFramework[] {
    const result: LoadedFramework[] = [];
    for (const [id, builtIn] of this.builtIns) result.push(this.workspace.get(id) ?? builtIn);
    for (const [id, framework] of this.workspace) if (!this.builtIns.has(id)) result.push(framework);
    return result;
  }

  ids(): string[] {
    return this.list().map((framework) => framework.id);
  }

  /** Forgets every workspace framework, e.g. before re-reading `.sysdesign/frameworks/`. */
  clearWorkspace(): void {
    this.workspace.clear();
  }

  /**
   * Parses and validates workspace framework files. Good files load even when others fail;
   * each failure names its file and the JSON pointer of the field at fault.
   */
  addWorkspaceFiles(files: { file: string; text: string }[]): FrameworkLoadError[] {
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
      const framework: LoadedFramework = { ...def, origin: 'workspace', file };
      if (this.builtIns.has(def.id)) framework.overridesBuiltIn = true;
      this.workspace.set(def.id, framework);
    }
    return errors;
  }
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

/** One line per error, `file /field: message`, for logs and the CLI. */
export function frameworkLoadErrorsToString(errors: readonly FrameworkLoadError[]): string {
  return errors.map((e) => `${e.file}${e.field ? ` ${e.field}` : ''}: ${e.message}`).join('\n');
}
