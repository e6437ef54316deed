// Holds the frameworks a document can be checked against: built-ins plus the workspace's own JSON files.
import type { FrameworkDef, FrameworkLoadError, LoadedFramework } from '../types';
import { BUILT_IN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID } from './builtins';

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
   * Adds one workspace framework that already passed validation (workspaceFiles.ts does the parsing and
   * checking, kept apart so a host can load the schema validator only when a workspace has framework files).
   */
  addWorkspaceFramework(def: FrameworkDef, file: string): void {
    const framework: LoadedFramework = { ...def, origin: 'workspace', file };
    if (this.builtIns.has(def.id)) framework.overridesBuiltIn = true;
    this.workspace.set(def.id, framework);
  }
}

/** One line per error, `file /field: message`, for logs and the CLI. */
export function frameworkLoadErrorsToString(errors: readonly FrameworkLoadError[]): string {
  return errors.map((e) => `${e.file}${e.field ? ` ${e.field}` : ''}: ${e.message}`).join('\n');
}
