// Creates the analysis machinery on first need, so activation itself stays cheap.
import * as vscode from 'vscode';
import { AnalysisService, type AnalysisEvent } from './analysisService';
import { AnalysisWorkerClient } from './analysisWorkerClient';
import { ProjectConfigs } from './projectConfig';
import { useProjectConfigs } from './settings';
import { WorkspaceFrameworks } from './workspaceFrameworks';
import type { WorkerPlatform } from './workerPort';

/** Where dismissed outline suggestions are remembered (per workspace, by document URI). */
export const DISMISSED_OUTLINES_KEY = 'systemDesign.dismissedOutlines';

export class DesignServices implements vscode.Disposable {
  private frameworksValue: WorkspaceFrameworks | undefined;
  private analysisValue: AnalysisService | undefined;
  private workerValue: AnalysisWorkerClient | undefined;
  private relaySubscription: vscode.Disposable | undefined;
  private readonly relay = new vscode.EventEmitter<AnalysisEvent>();

  /** Every analysis result, whether or not the service exists yet (listeners can subscribe early). */
  readonly onDidAnalyze = this.relay.event;

  get started(): boolean {
    return this.analysisValue !== undefined;
  }

  get frameworks(): WorkspaceFrameworks {
    if (!this.frameworksValue) {
      this.frameworksValue = new WorkspaceFrameworks();
      // The config file may move the frameworks folder.
      this.configSubscription = this.configs.onDidChange(() => this.frameworksValue?.reset());
    }
    return this.frameworksValue;
  }

  /** Each workspace folder's .sysdesign/config.jsonc, which every settings read consults first. */
  readonly configs = new ProjectConfigs();
  private configSubscription: vscode.Disposable | undefined;

  /**
   * `state`: the workspace memento that remembers dismissed outline suggestions. `worker`: how this
   * platform runs the analysis worker (a worker thread, a web worker); without it, in-process.
   */
  constructor(
    private readonly state?: vscode.Memento,
    private readonly worker?: WorkerPlatform,
  ) {
    useProjectConfigs(this.configs);
  }

  /** Whether the user said this file is not a design document. */
  isDismissed(uri: vscode.Uri): boolean {
    return (this.state?.get<string[]>(DISMISSED_OUTLINES_KEY) ?? []).includes(uri.toString());
  }

  /** Remembers (or forgets) that this file is not a design document, and re-analyses it if open. */
  async setDismissed(uri: vscode.Uri, dismissed: boolean): Promise<void> {
    const list = new Set(this.state?.get<string[]>(DISMISSED_OUTLINES_KEY) ?? []);
    if (dismissed) list.add(uri.toString());
    else list.delete(uri.toString());
    await this.state?.update(DISMISSED_OUTLINES_KEY, [...list]);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (document) this.analysis.refresh(document);
  }

  get analysis(): AnalysisService {
    if (!this.analysisValue) {
      // Analyses run in a worker: no document can make the extension host wait.
      this.workerValue = new AnalysisWorkerClient(
        this.worker,
        (message) => console.warn(`System Design: ${message}`),
        // New diagram verdicts: documents with diagrams are analysed again to show them.
        () => this.analysisValue?.refreshDiagrams(),
      );
      this.analysisValue = new AnalysisService(this.frameworks, (uri) => this.isDismissed(uri), this.workerValue, this.configs);
      this.relaySubscription = this.analysisValue.onDidAnalyze((event) => this.relay.fire(event));
    }
    return this.analysisValue;
  }

  /** Whether analyses report broken Mermaid diagrams themselves (then the preview leaves Problems to them). */
  get analysisChecksDiagrams(): boolean {
    return this.workerValue?.checksDiagrams === true;
  }

  /** Whether the analyses so far ran in the worker (false before the first one, or when it could not start). */
  get analysisOffThread(): boolean {
    return this.workerValue?.offThread === true && this.workerValue.started;
  }

  dispose(): void {
    useProjectConfigs(undefined);
    this.configSubscription?.dispose();
    this.configs.dispose();
    this.relaySubscription?.dispose();
    this.analysisValue?.dispose();
    this.workerValue?.dispose();
    this.frameworksValue?.dispose();
    this.relay.dispose();
  }
}
