// The analysis worker as the client sees it, whatever runs it: a Node worker thread on the desktop
// (nodeWorkerPort.ts), a web worker in vscode.dev (webWorkerPort.ts).
import type { WorkerReply, WorkerRequest } from './analysisWorkerProtocol';

export interface WorkerPort {
  post(request: WorkerRequest): void;
  terminate(): void;
}

export interface WorkerEvents {
  /** A reply to a request, or the notice that new diagram verdicts are known. */
  onReply(reply: WorkerReply): void;
  /** The worker failed or stopped; the client starts a new one for the next job. */
  onFailure(error: Error): void;
}

/** Starts a worker; throws when this host cannot run one (the client then analyses in-process). */
export type StartWorker = (events: WorkerEvents) => WorkerPort;

/** How a platform runs the analysis worker, and whether that worker parses Mermaid diagrams. */
export interface WorkerPlatform {
  start: StartWorker;
  checksDiagrams: boolean;
}
