// Each workspace folder's .sysdesign/config.jsonc, read through workspace.fs by the core's loader, kept
// current by a watcher. Its problems go to Problems on the file itself (SD103), with one notification.
import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { CONFIG_CODES } from '../core/codeIds';
import { CONFIG_FILE, type ConfigProblem } from '../core/config/designConfig';
import type { ConfigFs, FoundConfig } from '../core/config/findConfig';
import { linkedCode } from './convert';
import { frameworkFiles } from './loadFrameworkFiles';

const RELOAD_DELAY_MS = 100;
/** A file watcher can miss a change (some file systems, files written outside the editor): look again this often. */
const RECHECK_MS = 2000;

const workspaceFs: ConfigFs = {
  async readText(path) {
    try {
      return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path)));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  },
  // The editor reads the config file of the document's workspace folder only (the CLI walks up).
  parent: () => undefined,
  join: (dir, relative) => vscode.Uri.joinPath(vscode.Uri.parse(dir), ...relative.split('/')).toString(),
  display: (path) => vscode.workspace.asRelativePath(vscode.Uri.parse(path)),
};

export class ProjectConfigs extends Disposable {
  private readonly folders = new Map<string, { found: FoundConfig | undefined; loading: Promise<void>; checkedAt: number; stamp?: string }>();
  private readonly problems = vscode.languages.createDiagnosticCollection('systemDesign.config');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly warned = new Set<string>();
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly recheckTimers = new Map<string, ReturnType<typeof setTimeout>>();

  /** Fires after a folder's config file was read again (created, changed or deleted). */
  readonly onDidChange = this.changed.event;

  constructor() {
    super();
    this.register(this.problems, this.changed);
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
    // Deleting the whole .sysdesign folder reports the folder, not the file inside it.
    const folderWatcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE.split('/')[0]}`, true, true, false);
    const reload = () => this.scheduleReload();
    this.register(
      watcher,
      folderWatcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      folderWatcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
  }

  /** The config file layer of the folder holding `uri`, once read (see `ready`). */
  layerFor(uri: vscode.Uri | undefined) {
    const folder = folderOf(uri);
    return folder ? this.folders.get(folder.uri.toString())?.found?.layer : undefined;
  }

  /** Resolves when the config file of the folder holding `uri` has been read. */
  ready(uri: vscode.Uri | undefined): Promise<void> {
    const folder = folderOf(uri);
    return folder ? this.readyFolder(folder) : Promise.resolve();
  }

  private readyFolder(folder: vscode.WorkspaceFolder): Promise<void> {
    const key = folder.uri.toString();
    let state = this.folders.get(key);
    if (!state) {
      const entry: { found: FoundConfig | undefined; loading: Promise<void>; checkedAt: number; stamp?: string } = { found: undefined, loading: Promise.resolve(), checkedAt: Date.now() };
      entry.loading = stamp(folder).then(async (before) => {
        entry.stamp = before;
        entry.found = before === undefined ? undefined : await this.read(folder);
      });
      this.folders.set(key, (state = entry));
    } else if (Date.now() - state.checkedAt > RECHECK_MS) {
      this.recheck(folder, state);
    } else if (!this.recheckTimers.has(key)) {
      // Checked a moment ago: look again once the interval is over, or a file written right after the last
      // look would wait for the next analysis (which may never come) when the watcher misses it.
      const known = state;
      this.recheckTimers.set(key, setTimeout(() => {
        this.recheckTimers.delete(key);
        if (this.folders.get(key) === known) this.recheck(folder, known);
      }, RECHECK_MS - (Date.now() - state.checkedAt) + 1));
    }
    return state.loading;
  }

  /** Answer with what is loaded; if the file changed behind the watcher's back, read it again for the next run. */
  private recheck(folder: vscode.WorkspaceFolder, known: { loading: Promise<void>; checkedAt: number; stamp?: string }): void {
    const key = folder.uri.toString();
    known.checkedAt = Date.now();
    void known.loading.then(() => stamp(folder)).then((now) => {
      if (now !== known.stamp && this.folders.get(key) === known) this.scheduleReload();
    });
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reloadAll(), RELOAD_DELAY_MS);
  }

  private async reloadAll(): Promise<void> {
    this.folders.clear();
    this.problems.clear();
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => this.readyFolder(folder)));
    this.changed.fire();
  }

  /** Never rejects: an unreadable file is reported and the folder runs on settings and defaults. */
  private async read(folder: vscode.WorkspaceFolder): Promise<FoundConfig | undefined> {
    const found = await frameworkFiles().readProjectConfig(workspaceFs, folder.uri.toString()).catch((error: unknown) => {
      this.warn(folder.uri, `System Design: ${CONFIG_FILE} in ${folder.name} was not read (${String(error)}); using settings and defaults.`);
      return undefined;
    });
    if (!found) return undefined;
    // Values are checked by the same resolver that applies them, on the file's own layer.
    this.report(vscode.Uri.parse(found.path), frameworkFiles().resolveConfigFile(found.layer).problems);
    return found;
  }

  private report(uri: vscode.Uri, problems: ConfigProblem[]): void {
    this.problems.set(
      uri,
      problems.map((problem) => {
        const line = Math.max(0, (problem.line ?? 1) - 1);
        const column = Math.max(0, (problem.column ?? 1) - 1);
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, column, line, column + Math.max(1, problem.key.length + 2)), problem.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'System Design';
        diagnostic.code = linkedCode(CONFIG_CODES.invalidConfig.code);
        return diagnostic;
      }),
    );
    const first = problems[0];
    if (first) {
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      this.warn(uri, `System Design: ${vscode.workspace.asRelativePath(uri)}${first.line ? `:${first.line}` : ''} ${first.message}${more}`, `${first.key}|${first.message}`);
    }
  }

  private warn(uri: vscode.Uri, message: string, key = message): void {
    if (this.warned.has(`${uri.toString()}|${key}`)) return;
    this.warned.add(`${uri.toString()}|${key}`);
    void vscode.window.showWarningMessage(message, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(uri);
    });
  }

  override dispose(): void {
    clearTimeout(this.reloadTimer);
    for (const timer of this.recheckTimers.values()) clearTimeout(timer);
    super.dispose();
  }
}

/** The config file's size and time, or undefined when there is none. Most folders have none, and only one
 * that has a file loads the JSON parser. */
function stamp(folder: vscode.WorkspaceFolder): Promise<string | undefined> {
  return Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, ...CONFIG_FILE.split('/')))).then(
    (stat) => `${stat.size}:${stat.mtime}`,
    () => undefined,
  );
}

function folderOf(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  if (!uri) return vscode.workspace.workspaceFolders?.[0];
  return vscode.workspace.getWorkspaceFolder(uri) ?? (uri.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0] : undefined);
}
