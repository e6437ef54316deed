// Team frameworks from `<folder>/.sysdesign/frameworks/*.json`, read with vscode.workspace.fs and re-read on change.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { FrameworkRegistry } from '../core/frameworks/registry';
import type { FrameworkLoadError } from '../core/types';
import { CONFIG_CODES } from '../core/codeIds';
import { linkedCode, toRange } from './convert';
import { frameworkFiles } from './loadFrameworkFiles';
import { readSettings } from './settings';

const RELOAD_DELAY_MS = 200;
// File watchers can miss events (seen on a freshly started VS Code server), so a request for the
// frameworks also compares the folder's listing, at most this often.
const RECHECK_MS = 2000;

interface FolderState {
  registry: Promise<FrameworkRegistry>;
  watcher?: vscode.FileSystemWatcher;
  /** Framework files that currently carry load-error diagnostics. */
  flagged: vscode.Uri[];
  reloadTimer?: ReturnType<typeof setTimeout>;
  /** Names, sizes and modification times of the framework files when they were last read. */
  listing?: string;
  checkedAt: number;
}

export class WorkspaceFrameworks extends Disposable {
  private readonly folders = new Map<string, FolderState>();
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly errors = vscode.languages.createDiagnosticCollection('systemDesign.frameworks');
  private readonly warned = new Set<string>();
  private builtIns: FrameworkRegistry | undefined;

  /** Fires when a folder's frameworks were re-read. */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(this.changed, this.errors);
    this.register(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('systemDesign.frameworksFolder')) this.reset();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.reset()),
    );
  }

  /** The frameworks a document can use: built-ins plus its workspace folder's (untitled: the first folder's). */
  registryFor(uri: vscode.Uri): Promise<FrameworkRegistry> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
    if (!folder) return Promise.resolve((this.builtIns ??= FrameworkRegistry.withBuiltIns()));
    const key = folder.uri.toString();
    let state = this.folders.get(key);
    if (!state) {
      state = { registry: Promise.resolve(FrameworkRegistry.withBuiltIns()), flagged: [], checkedAt: Date.now() };
      this.folders.set(key, state);
      state.registry = this.load(folder, state);
    } else if (Date.now() - state.checkedAt > RECHECK_MS) {
      state.checkedAt = Date.now();
      state.registry = this.recheck(folder, state, state.registry);
    }
    return state.registry;
  }

  /** Keeps the loaded frameworks unless the folder's files changed without the watcher saying so. */
  private async recheck(folder: vscode.WorkspaceFolder, state: FolderState, previous: Promise<FrameworkRegistry>): Promise<FrameworkRegistry> {
    // load() never rejects, but a registry promise must never stay rejected: re-read instead.
    const registry = await previous.catch(() => undefined);
    if (registry && (await this.listing(folder)) === state.listing) return registry;
    const reloaded = await this.load(folder, state);
    this.changed.fire();
    return reloaded;
  }

  private frameworksDirectory(folder: vscode.WorkspaceFolder): vscode.Uri {
    const settings = readSettings(folder.uri);
    return vscode.Uri.joinPath(folder.uri, ...settings.frameworksFolder.split('/'));
  }

  private async listing(folder: vscode.WorkspaceFolder): Promise<string> {
    const directory = this.frameworksDirectory(folder);
    let entries: Array<[string, vscode.FileType]>;
    try {
      entries = await vscode.workspace.fs.readDirectory(directory);
    } catch {
      return '';
    }
    const parts: string[] = [];
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (!(type & vscode.FileType.File) || !name.toLowerCase().endsWith('.json')) continue;
      try {
        const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(directory, name));
        parts.push(`${name}:${stat.size}:${stat.mtime}`);
      } catch {
        parts.push(`${name}:gone`);
      }
    }
    return parts.join('|');
  }

  /**
   * Reads the folder's framework files. Never rejects: whatever goes wrong (an unreadable folder, a
   * validator that throws) is reported, the built-ins are used, and the next change or re-check
   * tries again, so one bad file never stops analysis in its folder.
   */
  private async load(folder: vscode.WorkspaceFolder, state: FolderState): Promise<FrameworkRegistry> {
    try {
      return await this.read(folder, state);
    } catch (error) {
      state.listing = undefined; // the next re-check reads the folder again
      const message = error instanceof Error ? error.message : String(error);
      void vscode.window.showWarningMessage(`System Design: team frameworks in ${folder.name} were not loaded (${message}); using the built-in frameworks.`);
      return FrameworkRegistry.withBuiltIns();
    }
  }

  private async read(folder: vscode.WorkspaceFolder, state: FolderState): Promise<FrameworkRegistry> {
    const settings = readSettings(folder.uri);
    const directory = this.frameworksDirectory(folder);
    state.watcher ??= this.watch(folder, settings.frameworksFolder);
    state.listing = await this.listing(folder);
    state.checkedAt = Date.now();

    const registry = FrameworkRegistry.withBuiltIns();
    const files: Array<{ file: string; text: string; uri: vscode.Uri }> = [];
    let entries: Array<[string, vscode.FileType]> = [];
    try {
      entries = await vscode.workspace.fs.readDirectory(directory);
    } catch {
      entries = []; // No frameworks folder is the normal case.
    }
    for (const [name, type] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      if (!(type & vscode.FileType.File) || !name.toLowerCase().endsWith('.json')) continue;
      const uri = vscode.Uri.joinPath(directory, name);
      try {
        const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
        files.push({ file: `${settings.frameworksFolder}/${name}`, text, uri });
      } catch (error) {
        this.report(uri, '', [{ file: name, field: '', message: `could not be read: ${String(error)}` }]);
      }
    }

    // Only a folder that has framework files loads the validator.
    const loadErrors: FrameworkLoadError[] =
      files.length > 0 ? frameworkFiles().addWorkspaceFiles(registry, files.map(({ file, text }) => ({ file, text }))) : [];
    for (const uri of state.flagged) this.errors.delete(uri);
    state.flagged = [];
    for (const { file, text, uri } of files) {
      const mine = loadErrors.filter((error) => error.file === file);
      if (mine.length === 0) continue;
      state.flagged.push(uri);
      this.report(uri, text, mine);
    }
    return registry;
  }

  private report(uri: vscode.Uri, text: string, errors: FrameworkLoadError[]): void {
    // One parse of the file places every error (the core caps how many a file reports).
    const ranges = frameworkFiles().locateLoadErrors(text, errors);
    this.errors.set(
      uri,
      errors.map((error, i) => {
        const diagnostic = new vscode.Diagnostic(toRange(ranges[i]), error.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'System Design';
        diagnostic.code = linkedCode(CONFIG_CODES.invalidFrameworkFile.code);
        return diagnostic;
      }),
    );
    const first = errors[0];
    const key = `${uri.toString()}|${first.field}|${first.message}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    const where = first.field ? ` at ${first.field}` : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    void vscode.window
      .showWarningMessage(`System Design: framework file ${vscode.workspace.asRelativePath(uri)} was not loaded${where}: ${first.message}${more}`, 'Open File')
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(uri);
      });
  }

  private watch(folder: vscode.WorkspaceFolder, relative: string): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `${relative}/*.json`));
    const reload = () => this.scheduleReload(folder);
    watcher.onDidChange(reload);
    watcher.onDidCreate(reload);
    watcher.onDidDelete(reload);
    return watcher;
  }

  /** Saves often come as delete+create; one re-read covers the burst. */
  private scheduleReload(folder: vscode.WorkspaceFolder): void {
    const state = this.folders.get(folder.uri.toString());
    if (!state) return;
    clearTimeout(state.reloadTimer);
    state.reloadTimer = setTimeout(() => {
      if (this.folders.get(folder.uri.toString()) !== state) return;
      state.registry = this.load(folder, state);
      void state.registry.then(() => this.changed.fire());
    }, RELOAD_DELAY_MS);
  }

  /** Forgets every folder's frameworks (the frameworks folder may have moved); the next request reads them again. */
  reset(): void {
    for (const state of this.folders.values()) {
      clearTimeout(state.reloadTimer);
      state.watcher?.dispose();
      for (const uri of state.flagged) this.errors.delete(uri);
    }
    this.folders.clear();
    this.changed.fire();
  }

  override dispose(): void {
    for (const state of this.folders.values()) {
      clearTimeout(state.reloadTimer);
      state.watcher?.dispose();
    }
    this.folders.clear();
    super.dispose();
  }
}
