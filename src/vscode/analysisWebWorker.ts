// The analysis worker on the web (vscode.dev, github.dev): the same handler as the desktop's worker
// thread, over a web worker's messages. Diagrams are not parsed here: the preview reports them.
import type { WorkerRequest } from './analysisWorkerProtocol';
import { handleRequest } from './analysisWorkerHandler';

const scope = globalThis as unknown as { onmessage: ((event: { data: WorkerRequest }) => void) | null; postMessage(message: unknown): void };
scope.onmessage = (event) => scope.postMessage(handleRequest(event.data).reply);
