// What the analysis worker does with a request, on either platform (analysisWorker.ts on Node,
// analysisWebWorker.ts on the web): the core's editor analysis, with the host's frameworks. No vscode here.
import { knownDiagramFindings } from '../core/diagrams/diagramCheck';
import { analyzeForEditor } from '../core/editorAnalysis';
import type { ParsedDocument } from '../core/types';
import { FrameworkRegistry } from '../core/frameworks/registry';
import { toWire, type WorkerReply, type WorkerRequest } from './analysisWorkerProtocol';

/** Registries by the host's key, kept whole so the core's caches (keyed by framework objects) stay warm. */
const registries = new Map<number, FrameworkRegistry>();
const MAX_REGISTRIES = 16;

function registryFor(request: WorkerRequest): FrameworkRegistry {
  let registry = registries.get(request.registry.key);
  if (registry && !request.registry.workspace) return registry;
  registry = FrameworkRegistry.withBuiltIns();
  for (const { def, file } of request.registry.workspace ?? []) registry.addWorkspaceFramework(def, file);
  if (registries.size >= MAX_REGISTRIES) registries.delete(registries.keys().next().value as number);
  registries.set(request.registry.key, registry);
  return registry;
}

/**
 * The reply, and with `checksDiagrams` the document whose diagrams have no verdict yet: the reply
 * carries the verdicts already known, and the caller parses the rest after replying.
 */
export function handleRequest(request: WorkerRequest, checksDiagrams = false): { reply: WorkerReply; unchecked?: ParsedDocument } {
  let unchecked: ParsedDocument | undefined;
  const diagrams = checksDiagrams
    ? (document: ParsedDocument) => {
        const known = knownDiagramFindings(document);
        if (!known) unchecked = document;
        return known;
      }
    : undefined;
  try {
    return { reply: { id: request.id, result: toWire(analyzeForEditor(request.text, request.input, registryFor(request), diagrams)) }, unchecked };
  } catch (err) {
    return { reply: { id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) } };
  }
}
