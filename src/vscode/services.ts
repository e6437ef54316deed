// Creates the analysis machinery on first need, so activation itself stays cheap.
import * as vscode from 'vscode';
import { DEFAULT_DESIGN_GLOBS } from '../core/recognize';
import { AnalysisService, type AnalysisEvent } from './analysisService';
import { WorkspaceFrameworks } from './workspaceFrameworks';

export class DesignServices implements vscode.Disposable {
  private frameworksValue: WorkspaceFrameworks | undefined;
  private analysisValue: AnalysisService | undefined;
  private relaySubscription: vscode.Disposable | undefined;
  private readonly relay = new vscode.EventEmitter<AnalysisEvent>();

  /** Every analysis result, whether or not the service exists yet (listeners can subscribe early). */
  readonly onDidAnalyze = this.relay.event;

  get started(): boolean {
    return this.analysisValue !== undefined;
  }

  get frameworks(): WorkspaceFrameworks {
    return (this.frameworksValue ??= new WorkspaceFrameworks(DEFAULT_DESIGN_GLOBS));
  }

  get analysis(): AnalysisService {
    if (!this.analysisValue) {
      this.analysisValue = new AnalysisService(this.frameworks);
      this.relaySubscription = this.analysisValue.onDidAnalyze((event) => this.relay.fire(event));
    }
    return this.analysisValue;
  }

  dispose(): void {
    this.relaySubscription?.dispose();
    this.analysisValue?.dispose();
    this.frameworksValue?.dispose();
    this.relay.dispose();
  }
}
