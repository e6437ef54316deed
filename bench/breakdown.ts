// Where analyze() spends its time: the same stages it runs, timed one by one on the same document.
// Mirrors analyzeParsed() in src/core/analyze.ts (measurement only; keep the order in step with it).
// Each round parses afresh with the caches cleared, so every stage does first-open work. No GC is forced
// between stages (see measure.ts: a forced GC discards optimised code, so the stage after it would be timed
// re-compiling); many rounds and medians instead.
import { buildChecklist } from '../src/core/checklist';
import { evaluateEstimates, extractEstimateSources } from '../src/core/estimate';
import { chooseFramework } from '../src/core/frameworks';
import { builtInRegistry, clearAnalysisCaches } from '../src/core/analyze';
import { parseBlocks } from '../src/core/blockParser';
import { createMarkdownIt } from '../src/core/markdown';
import { parseDocument } from '../src/core/parse';
import { ALL_RULES } from '../src/core/rules';
import { DEFAULT_ESTIMATE_SETTINGS, type RuleContext } from '../src/core/types';
import { summarize } from './measure';

export interface StageTime {
  stage: string;
  /** Median CPU ms over the runs. */
  median: number;
}

function cpu(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export function breakdown(text: string, runs: number): StageTime[] {
  const times = new Map<string, number[]>();
  const add = (stage: string, ms: number) => times.set(stage, [...(times.get(stage) ?? []), ms]);
  const md = createMarkdownIt({ html: true });
  const warmup = Math.ceil(runs / 4);
  for (let run = 0; run < runs + warmup; run++) {
    const keep = run >= warmup;
    const record = (stage: string, fn: () => unknown) => {
      const ms = cpu(fn);
      if (keep) add(stage, ms);
    };
    record('markdown-it full parse (html on)', () => md.parse(text, {}));
    record('markdown-it block rules only, whole text (what parseDocument runs, by chunk)', () => parseBlocks(text, {}));
    let doc!: ReturnType<typeof parseDocument>;
    // A first open: nothing cached, so the stages below compute their per-block results afresh too.
    record('parseDocument (first open, by chunk)', () => {
      clearAnalysisCaches();
      doc = parseDocument(text);
    });
    const registry = builtInRegistry();
    let choice!: ReturnType<typeof chooseFramework>;
    record('chooseFramework (detection)', () => (choice = chooseFramework(doc, registry, {})));
    let phases!: ReturnType<typeof buildChecklist>;
    record('buildChecklist', () => (phases = buildChecklist(doc, choice.choice.framework)));
    const ctx: RuleContext = { doc, framework: choice.choice.framework, phases };
    for (const rule of ALL_RULES) record(`rule ${rule.code} ${rule.slug}`, () => rule.check(ctx));
    let sources!: ReturnType<typeof extractEstimateSources>;
    record('extractEstimateSources', () => (sources = extractEstimateSources(doc)));
    record('evaluateEstimates', () => evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS));
  }
  return [...times].map(([stage, ms]) => ({ stage, median: summarize(ms).median }));
}
