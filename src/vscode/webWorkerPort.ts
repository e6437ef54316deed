// The analysis worker in vscode.dev and github.dev: a web worker running dist/web/analysisWorker.js,
// started from the web extension host (itself a worker; VS Code lets it start nested workers).
import * as vscode from 'vscode';
import type { WorkerReply, WorkerRequest } from './analysisWorkerProtocol';
import type { StartWorker, WorkerEvents, WorkerPlatform } from './workerPort';

// The few web-worker members used here (the project compiles without the DOM library).
interface WebWorker {
  onmessage: ((event: { data: WorkerReply }) => void) | null;
  onerror: ((event: { message?: string; preventDefault(): void }) => void) | null;
  postMessage(message: unknown): void;
  terminate(): void;
}
type WebWorkerConstructor = new (url: string, options?: { name?: string }) => WebWorker;
interface BlobUrls {
  Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
}

const NAME = 'System Design analysis';

function listen(worker: WebWorker, events: WorkerEvents): void {
  worker.onmessage = (event) => events.onReply(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    events.onFailure(new Error(event.message || 'the analysis worker failed'));
  };
}

/**
 * VS Code starts a nested worker from an extension served over http(s), as vscode.dev serves them, but
 * refuses one from an extension on a remote file system (a VS Code server's workbench): its script is
 * then read through the workspace file system and started from a blob URL, the same code either way.
 */
export function webWorker(script: vscode.Uri): WorkerPlatform {
  // Mermaid's parser is not loaded into the web worker: the preview reports broken diagrams there.
  return { checksDiagrams: false, start: startFrom(script) };
}

function startFrom(script: vscode.Uri): StartWorker {
  return (events) => {
    const Worker = (globalThis as { Worker?: WebWorkerConstructor }).Worker;
    if (!Worker) throw new Error('this extension host cannot start web workers');
    try {
      const worker = new Worker(script.toString(true), { name: NAME });
      listen(worker, events);
      return { post: (request) => worker.postMessage(request), terminate: () => worker.terminate() };
    } catch {
      return fromBlob(Worker, script, events);
    }
  };
}

function fromBlob(Worker: WebWorkerConstructor, script: vscode.Uri, events: WorkerEvents): ReturnType<StartWorker> {
  const { Blob, URL } = globalThis as unknown as BlobUrls;
  let worker: WebWorker | undefined;
  let url: string | undefined;
  let ended = false;
  const queued: WorkerRequest[] = [];
  void Promise.resolve(vscode.workspace.fs.readFile(script)).then(
    (bytes) => {
      if (ended) return;
      // Kept until the worker ends: VS Code's wrapper loads it from inside the new worker, later.
      url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
      try {
        worker = new Worker(url, { name: NAME });
      } catch (error) {
        events.onFailure(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      listen(worker, events);
      for (const request of queued.splice(0)) worker.postMessage(request);
    },
    (error: unknown) => events.onFailure(new Error(`the analysis worker's script could not be read: ${error instanceof Error ? error.message : String(error)}`)),
  );
  return {
    post: (request) => (worker ? worker.postMessage(request) : queued.push(request)),
    terminate: () => {
      ended = true;
      worker?.terminate();
      if (url) URL.revokeObjectURL(url);
    },
  };
}
