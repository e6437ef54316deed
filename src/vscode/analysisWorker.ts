// The analysis worker thread on the desktop: runs the core's editor analysis off the extension host's
// thread, so no document (a 2 MB list of endpoints, thousands of headings) can make the editor wait.
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest } from './analysisWorkerProtocol';
import { handleRequest } from './analysisWorkerHandler';

parentPort?.on('message', (request: WorkerRequest) => parentPort?.postMessage(handleRequest(request)));
