// The analysis worker: runs the core's editor analysis off the extension host's thread, so no document
// (a 2 MB list of endpoints, thousands of headings) can make the editor wait. No vscode here.
import { parentPort } from 'node:worker_threads';
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

parentPort?.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, result: toWire(analyzeForEditor(request.text, request.input, registryFor(request))) };
  } catch (err) {
    reply = { id: request.id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
  }
  parentPort?.postMessage(reply);
});
