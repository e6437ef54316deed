// The analysis worker on the desktop: a Node worker thread running dist/analysisWorker.js.
import * as path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { WorkerReply } from './analysisWorkerProtocol';
import type { WorkerPlatform } from './workerPort';

/** `workerFile`: the bundled worker beside extension.js. Its worker parses Mermaid diagrams too. */
export function nodeWorker(workerFile = path.join(__dirname, 'analysisWorker.js'), options: WorkerOptions = {}): WorkerPlatform {
  return { checksDiagrams: true, start: (events) => {
    const worker = new Worker(workerFile, options);
    let ended = false;
    worker.on('message', (reply: WorkerReply) => events.onReply(reply));
    worker.on('error', (err) => events.onFailure(err));
    worker.on('exit', (code) => {
      if (!ended) events.onFailure(new Error(`the analysis worker stopped (exit code ${code})`));
    });
    // The worker must not keep the extension host alive on shutdown.
    worker.unref();
    return {
      post: (request) => worker.postMessage(request),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
  } };
}
