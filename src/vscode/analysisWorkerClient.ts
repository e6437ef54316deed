// Runs editor analyses in a worker thread, one at a time, the newest text of each document first in line:
// a request for a document that already waits replaces it (the older one answers "superseded"). An
// analysis that runs past the time limit ends the worker (the next request starts a new one).
import type { EditorAnalysis, EditorAnalysisInput } from '../core/editorAnalysis';
import { inProcessAnalysis } from './loadInProcessAnalysis';
import type { FrameworkRegistry } from '../core/frameworks/registry';
import { fromWire, type WorkerReply, type WorkerRequest } from './analysisWorkerProtocol';
import type { WorkerPlatform, WorkerPort } from './workerPort';

export const SUPERSEDED = 'superseded' as const;
export type WorkerAnswer = EditorAnalysis | typeof SUPERSEDED;

interface Job {
  key: string;
  text: string;
  input: EditorAnalysisInput;
  registry: FrameworkRegistry;
  resolve(answer: WorkerAnswer): void;
  reject(error: Error): void;
}

/** Longer than any document under the size limit takes (about a second for 2 MB of the worst shape). */
const TIME_LIMIT_MS = 60_000;

export class AnalysisWorkerClient {
  private worker: WorkerPort | undefined;
  private unavailable = false;
  private readonly pending = new Map<string, Job>();
  private inFlight: { id: number; job: Job; timer: ReturnType<typeof setTimeout> } | undefined;
  private nextId = 1;
  private readonly registryKeys = new WeakMap<FrameworkRegistry, number>();
  private nextRegistryKey = 1;
  /** Registry keys the current worker has been sent. */
  private sentRegistries = new Set<number>();

  /**
   * `platform`: how this host runs the worker (undefined: in-process). `log` hears about restarts and
   * failures. `onDiagramsChecked`: the worker learned diagram verdicts that earlier answers lacked.
   */
  constructor(
    private readonly platform: WorkerPlatform | undefined,
    private readonly log: (message: string) => void = () => undefined,
    private readonly onDiagramsChecked: () => void = () => undefined,
  ) {
    if (!platform) this.unavailable = true;
  }

  /** Whether analyses include Mermaid's verdicts on diagrams (the desktop's worker thread parses them). */
  get checksDiagrams(): boolean {
    return this.platform?.checksDiagrams === true && !this.unavailable;
  }

  /** Whether a worker has been started (it may have been replaced since). */
  get started(): boolean {
    return this.startedOnce;
  }
  private startedOnce = false;

  /** Whether analyses run off the host's thread (false when the worker could not start: then in-process). */
  get offThread(): boolean {
    return !this.unavailable;
  }

  analyze(key: string, text: string, input: EditorAnalysisInput, registry: FrameworkRegistry): Promise<WorkerAnswer> {
    if (this.unavailable) return Promise.resolve(inProcessAnalysis().analyzeForEditor(text, input, registry));
    return new Promise((resolve, reject) => {
      this.pending.get(key)?.resolve(SUPERSEDED);
      this.pending.delete(key);
      this.pending.set(key, { key, text, input, registry, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.inFlight || this.pending.size === 0) return;
    const [key, job] = this.pending.entries().next().value as [string, Job];
    this.pending.delete(key);
    const worker = this.start();
    if (!worker) {
      // No worker on this host: answer in-process, as before.
      try {
        job.resolve(inProcessAnalysis().analyzeForEditor(job.text, job.input, job.registry));
      } catch (err) {
        job.reject(err instanceof Error ? err : new Error(String(err)));
      }
      this.pump();
      return;
    }
    const id = this.nextId++;
    const request: WorkerRequest = { id, text: job.text, input: job.input, registry: this.registryMessage(job.registry) };
    try {
      worker.post(request);
    } catch (err) {
      // Nothing of a request should fail to copy; if it does, this analysis fails, not the queue.
      this.log(`analysis worker: could not send the request (${err instanceof Error ? err.message : String(err)})`);
      job.reject(err instanceof Error ? err : new Error(String(err)));
      this.pump();
      return;
    }
    const timer = setTimeout(() => this.fail(new Error(`analysis took longer than ${TIME_LIMIT_MS / 1000} s and was stopped`), true), TIME_LIMIT_MS);
    this.inFlight = { id, job, timer };
  }

  private registryMessage(registry: FrameworkRegistry): WorkerRequest['registry'] {
    let key = this.registryKeys.get(registry);
    if (key === undefined) {
      key = this.nextRegistryKey++;
      this.registryKeys.set(registry, key);
    }
    if (this.sentRegistries.has(key)) return { key };
    this.sentRegistries.add(key);
    const workspace = registry.list().filter((f) => f.origin === 'workspace').map((def) => ({ def, file: def.file ?? '' }));
    return { key, workspace };
  }

  private start(): WorkerPort | undefined {
    if (this.worker) return this.worker;
    if (this.unavailable || !this.platform) return undefined;
    try {
      const worker: WorkerPort = this.platform.start({
        onReply: (reply) => this.onReply(reply),
        onFailure: (err) => {
          if (this.worker === worker) this.fail(err, false);
        },
      });
      this.worker = worker;
      this.startedOnce = true;
      this.sentRegistries = new Set();
      return worker;
    } catch (err) {
      this.unavailable = true;
      this.log(`analysis runs on the extension host: the worker did not start (${err instanceof Error ? err.message : String(err)})`);
      return undefined;
    }
  }

  private onReply(reply: WorkerReply): void {
    if ('diagramsChecked' in reply) {
      this.onDiagramsChecked();
      return;
    }
    const current = this.inFlight;
    if (!current || current.id !== reply.id) return;
    clearTimeout(current.timer);
    this.inFlight = undefined;
    if ('error' in reply) current.job.reject(new Error(reply.error));
    else current.job.resolve(fromWire(reply.result, current.job.text));
    this.pump();
  }

  /** The job in flight fails; the worker is ended (when `stop`) or already gone, and the next job starts a new one. */
  private fail(error: Error, stop: boolean): void {
    const worker = this.worker;
    this.worker = undefined;
    if (stop) worker?.terminate();
    const current = this.inFlight;
    this.inFlight = undefined;
    if (current) {
      clearTimeout(current.timer);
      this.log(`analysis worker: ${error.message}`);
      current.job.reject(error);
    }
    this.pump();
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    worker?.terminate();
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.inFlight?.job.resolve(SUPERSEDED);
    this.inFlight = undefined;
    for (const job of this.pending.values()) job.resolve(SUPERSEDED);
    this.pending.clear();
  }
}
