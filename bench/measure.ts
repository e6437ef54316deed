// Interleaved timing: every iteration runs each contender once, rotating who goes first, so drift in
// CPU frequency or heap state hits all contenders alike; a sample is the mean of a batch of runs.
// No collection is forced between samples: each major GC throws away the optimised code of functions
// whose objects all died ("weak objects" deopts, ~40 functions per forced GC here), so a forced GC
// before every sample measured re-compilation, not analysis. One forced GC runs before the warm-up.
// Each sample records wall-clock time and process CPU time: on a shared machine the wall clock also
// counts the time other processes held the core, CPU time does not.

export interface Contender {
  name: string;
  /** Runs one sample; `iteration` lets a contender vary its input (e.g. a different edit). */
  run(iteration: number): unknown;
}

export interface Stats {
  samples: number;
  median: number;
  p90: number;
  min: number;
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
  /** Stop adding iterations after this many ms (at least `minIterations` still run). */
  budgetMs: number;
  minIterations: number;
  /** Each contender also warms up for at least this much CPU time (ms); 6,000 when omitted. */
  warmupMs?: number;
  /**
   * Runs per sample (each with the next iteration number); the sample is their mean. Batches of a
   * similar duration keep timer granularity out of small documents' samples, and let each contender
   * pay for the collections its own garbage causes.
   */
  batch?: number;
}

const DEFAULT_WARMUP_MS = 6000;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;

const gc: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;

let sink = 0;

function consume(value: unknown): void {
  // Keep results observable so no engine can skip the work.
  sink ^= value && typeof value === 'object' ? Object.keys(value).length : 1;
}

export interface Timing {
  wall: Stats;
  cpu: Stats;
}

export function measure(contenders: Contender[], options: MeasureOptions): Map<string, Timing> {
  const batch = Math.max(1, options.batch ?? 1);
  gc?.();
  // Warm up in batches, as measured. Alternating single runs with a contender that allocates far more
  // (markdownlint) puts a scavenge between every two analyses while the analysis caches still hold the
  // last one's results, so V8 pretenures (allocates straight into the old generation) everything
  // those caches keep. And for at least `warmupMs` of CPU time each: process CPU time counts the
  // optimising compiler's background threads, and our first open reached its steady state only after
  // about 3,000 runs at 10 KB (warmed by 300 runs it read 2.45× the floor, by 1,600 2.30×, by 3,000
  // 2.14×, by 4,000 2.13×): V8 optimises some 1,100 of our functions on the way, far more than a parse.
  const warmupMs = options.warmupMs ?? DEFAULT_WARMUP_MS;
  for (const c of contenders) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < options.warmup * batch || cpuMs(process.cpuUsage(c0)) < warmupMs; i++) consume(c.run(i));
  }

  const samples = new Map<string, { wall: number[]; cpu: number[] }>(contenders.map((c) => [c.name, { wall: [], cpu: [] }]));
  const started = performance.now();
  for (let i = 0; i < options.iterations; i++) {
    if (i >= options.minIterations && performance.now() - started > options.budgetMs) break;
    for (let k = 0; k < contenders.length; k++) {
      const c = contenders[(i + k) % contenders.length];
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (let j = 0; j < batch; j++) consume(c.run(i * batch + j));
      const wall = performance.now() - t0;
      const cpu = process.cpuUsage(c0);
      const into = samples.get(c.name)!;
      into.wall.push(wall / batch);
      into.cpu.push((cpu.user + cpu.system) / 1000 / batch);
    }
  }
  return new Map([...samples].map(([name, t]) => [name, { wall: summarize(t.wall), cpu: summarize(t.cpu) }]));
}

export function summarize(times: number[]): Stats {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { samples: sorted.length, median, p90: at(0.9), min: sorted[0] };
}

export function gcAvailable(): boolean {
  return gc !== undefined;
}

/** Read by nothing; exported so the sink is never dead. */
export function sinkValue(): number {
  return sink;
}
