// What the analysis worker does with a request, on either platform (analysisWorker.ts on Node,
// analysisWebWorker.ts on the web): the core's editor analysis, with the host's frameworks. No vscode here.
import { analyzeForEditor } from '../core/editorAnalysis';
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

export function handleRequest(request: WorkerRequest): WorkerReply {
  try {
    return { id: request.id, result: toWire(analyzeForEditor(request.text, request.input, registryFor(request))) };
  } catch (err) {
    return { id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
}
