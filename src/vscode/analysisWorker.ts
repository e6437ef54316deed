// The analysis worker thread on the desktop: runs the core's editor analysis off the extension host's
// thread, so no document (a 2 MB list of endpoints, thousands of headings) can make the editor wait.
// It also parses Mermaid diagrams with Mermaid's own parser, after replying, so a keystroke never waits
// for a diagram: the host asks again once new verdicts are known.
import { parentPort } from 'node:worker_threads';
import { checkNewDiagrams } from '../core/diagrams/diagramCheck';
import type { ParsedDocument } from '../core/types';
import { loadDiagramParser } from '../diagramParser/loadNode';
import type { DiagramsChecked, WorkerRequest } from './analysisWorkerProtocol';
import { handleRequest } from './analysisWorkerHandler';

let checksDiagrams = true;
let checking: Promise<void> = Promise.resolve();

function checkLater(document: ParsedDocument): void {
  checking = checking.then(async () => {
    if (!checksDiagrams) return;
    try {
      if (await checkNewDiagrams(document, await loadDiagramParser())) parentPort?.postMessage({ diagramsChecked: true } satisfies DiagramsChecked);
    } catch (error) {
      // Without its parser the worker stops checking diagrams; the preview still reports them.
      checksDiagrams = false;
      console.warn(`System Design: diagrams are not checked: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}

parentPort?.on('message', (request: WorkerRequest) => {
  const { reply, unchecked } = handleRequest(request, checksDiagrams);
  parentPort?.postMessage(reply);
  if (unchecked) checkLater(unchecked);
});
