// `npm run bench`: our analysis against the floor (a bare markdown-it parse) and a peer (markdownlint),
// on seeded documents of 10 KB, 100 KB and 1 MB; budgets as PASS/FAIL; results in bench/results.md.
//   --check        exit 1 when a budget fails
//   --quick        fewer iterations (smoke run)
//   --no-bundles   skip the production build and size checks
//   --only=a,b     run only these contenders (floor, ours, edit, estimateEdit, markdownlint); implies no write
//   --sizes=10k,1m run only these sizes; implies no write
//   --no-breakdown skip the per-stage timing of analyze()
//   --no-families  skip the input families at 1 MB and 2 MB
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { lint } from 'markdownlint/sync';
import { analyze, clearAnalysisCaches } from '../src/core/analyze';
import { breakdown, type StageTime } from './breakdown';
import { familyTable, familyTimes, type FamilyTime } from './familyTimes';
import { activateTime, ACTIVATE_TIME_FILE, HOST_LATENCY_FILE, hostLatency, machine, newestVsix, productionBundles, type Bundles } from './environment';
import { estimateDigitEdit, generateDoc, oneCharEdit } from './generate';
import { gcAvailable, measure, type Contender, type MeasureOptions, type Stats, type Timing } from './measure';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

const root = process.cwd();
const load = { start: os.loadavg()[0] };
const quick = flag('quick');
const only = option('only')?.split(',');
const SIZES = [
  // Batches of about 150 ms of floor work, so timer granularity and the odd collection do not decide a sample.
  { label: '10 KB', key: '10k', bytes: 10_000, seed: 11, plan: { warmup: 3, iterations: 15, minIterations: 7, budgetMs: 60_000, batch: 100 } },
  { label: '100 KB', key: '100k', bytes: 100_000, seed: 22, plan: { warmup: 2, iterations: 15, minIterations: 7, budgetMs: 60_000, batch: 10 } },
  { label: '1 MB', key: '1m', bytes: 1_000_000, seed: 33, plan: { warmup: 2, iterations: 11, minIterations: 5, budgetMs: 120_000, batch: 1 } },
].filter((s) => !option('sizes') || option('sizes')!.split(',').includes(s.key));

const NAMES = {
  floor: 'markdown-it parse (floor)',
  ours: 'analyze() full, first open',
  markdownlint: 'markdownlint 0.40 (defaults)',
  floorEdit: 'markdown-it parse (floor, beside the edits)',
  floorPeer: 'markdown-it parse (floor, beside markdownlint)',
  edit: 'analyze() after 1-char prose edit',
  estimateEdit: 'analyze() after 1-digit estimate edit',
} as const;
type Key = keyof typeof NAMES;

interface SizeResult {
  label: string;
  bytes: number;
  lines: number;
  timing: Map<Key, Timing>;
  stages: StageTime[];
}

type Clock = keyof Timing;

const stat = (r: SizeResult, key: Key, clock: Clock): Stats | undefined => r.timing.get(key)?.[clock];

interface Budget {
  name: string;
  measured: string;
  pass: boolean;
}

/**
 * Three groups, each interleaved with its own floor. First open clears every content cache (parsed
 * chunks, per-block results, heading matches, SQL tokens, estimate reports) before each run, so it
 * cannot share a round with the edits, which measure the editor's warm path. markdownlint runs in a
 * group of its own, after ours: it allocates some 25× more per run, and beside it V8's allocation-site
 * pretenuring moved what our caches keep into the old generation (first open 2.6× the floor instead
 * of 2.1×, with the same code). The ratio to markdownlint compares CPU medians across groups.
 */
function contenderGroups(text: string, runs: number): Array<Array<Contender & { key: Key }>> {
  const floor = new MarkdownIt();
  // One copy per run, so every keystroke brings text the caches have not seen (as typing does): one
  // estimate digit changed (the chunk and the estimate report change), or one character inserted in
  // a prose line (the estimate report is reused).
  const digits = Array.from({ length: runs }, (_, k) => estimateDigitEdit(text, 2000 + k));
  const edits = Array.from({ length: runs }, (_, k) => oneCharEdit(text, 1000 + k));
  // Every contender reads the same fresh copy at the same iteration: parsing one string over and over
  // keeps it in the CPU cache, which flattered the floor (and markdownlint) beside analyses of new texts.
  const groups: Array<Array<Contender & { key: Key }>> = [
    [
      { key: 'floor', name: NAMES.floor, run: (i) => floor.parse(digits[i % runs], {}) },
      {
        key: 'ours',
        name: NAMES.ours,
        run: (i) => {
          clearAnalysisCaches();
          return analyze(digits[i % runs]);
        },
      },
    ],
    [
      { key: 'floorEdit', name: NAMES.floorEdit, run: (i) => floor.parse(edits[i % runs], {}) },
      { key: 'edit', name: NAMES.edit, run: (i) => analyze(edits[i % runs]) },
      { key: 'estimateEdit', name: NAMES.estimateEdit, run: (i) => analyze(digits[i % runs]) },
    ],
    [
      { key: 'floorPeer', name: NAMES.floorPeer, run: (i) => floor.parse(digits[i % runs], {}) },
      { key: 'markdownlint', name: NAMES.markdownlint, run: (i) => lint({ strings: { doc: digits[i % runs] } }) },
    ],
  ];
  const floors: Key[] = ['floorEdit', 'floorPeer'];
  return groups.map((g) => g.filter((c) => !only || only.includes(c.key) || (floors.includes(c.key) && only.includes('floor'))));
}

function runSize(size: (typeof SIZES)[number]): SizeResult {
  const text = generateDoc(size.bytes, size.seed);
  const plan: MeasureOptions = quick
    ? { warmup: 1, warmupMs: 200, iterations: 5, minIterations: 5, budgetMs: 10_000, batch: size.plan.batch }
    : size.plan;
  const runs = (plan.warmup + plan.iterations) * (plan.batch ?? 1);
  const timing = new Map<Key, Timing>();
  for (const group of contenderGroups(text, runs)) {
    if (group.length < 2) continue;
    clearAnalysisCaches();
    const byName = measure(group, plan);
    for (const c of group) timing.set(c.key, byName.get(c.name)!);
  }
  const stages = flag('no-breakdown') ? [] : breakdown(text, quick ? 3 : Math.max(5, Math.round(2_000_000 / size.bytes)));
  return { label: size.label, bytes: Buffer.byteLength(text), lines: text.split('\n').length, timing, stages };
}

/** What the analysis found on a document, so a fast number cannot hide an analysis that did nothing. */
function workDone(text: string): string {
  const a = analyze(text);
  const present = a.phases.filter((p) => p.status === 'present').length;
  return (
    `framework \`${a.choice.framework.id}\` (${a.choice.source}), ${present}/${a.phases.length} phases present, ` +
    `${a.findings.length} findings, ${a.estimates.lines.length} estimate lines, ${a.document.sections.length} sections`
  );
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const ratio = (v: number) => `${v.toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function budgets(results: SizeResult[], bundles: Bundles | undefined): Budget[] {
  const out: Budget[] = [];
  for (const r of results) {
    // Budgets judge CPU time (robust to other processes on the machine); wall clock is shown beside it.
    const floor = stat(r, 'floor', 'cpu')?.median;
    const ours = stat(r, 'ours', 'cpu')?.median;
    const peer = stat(r, 'markdownlint', 'cpu')?.median;
    const wall = (a: Key, b: Key) => {
      const x = stat(r, a, 'wall')?.median;
      const y = stat(r, b, 'wall')?.median;
      return x !== undefined && y !== undefined ? ` (wall ${ratio(x / y)})` : '';
    };
    if (floor !== undefined && ours !== undefined) {
      out.push({ name: `${r.label}: full analysis (first open) ≤ 2× bare parse`, measured: `${ratio(ours / floor)}${wall('ours', 'floor')}`, pass: ours <= 2 * floor });
    }
    if (peer !== undefined && ours !== undefined) {
      out.push({ name: `${r.label}: ≥ 10× faster than markdownlint`, measured: `${ratio(peer / ours)}${wall('markdownlint', 'ours')}`, pass: peer >= 10 * ours });
    }
    if (r.label === '1 MB') {
      // A bare parse of 1 MB alone takes more than 100 ms, so this budget is the on-type path: what
      // incremental analysis by section and the content caches are for.
      for (const key of ['edit', 'estimateEdit'] as const) {
        const cpu = stat(r, key, 'cpu')?.median;
        if (cpu === undefined) continue;
        const w = stat(r, key, 'wall')!.median;
        const what = key === 'edit' ? 'a prose keystroke' : 'a keystroke in an estimate line';
        out.push({ name: `1 MB: re-analysis after ${what} ≤ 100 ms (median)`, measured: `${ms(cpu)} ms CPU (wall ${ms(w)} ms)`, pass: cpu <= 100 });
      }
    }
  }
  // What a user waits for in the real host (the integration suite measures it; absent until it ran).
  const activate = activateTime(root);
  out.push({
    name: 'activate() in the real extension host ≤ 20 ms',
    measured: activate ? `${ms(activate.ms)} ms` : `not measured (\`${ACTIVATE_TIME_FILE}\` absent; run the integration suite)`,
    pass: activate !== undefined && activate.ms <= 20,
  });
  const host = hostLatency(root);
  out.push({
    name: 'first checklist after opening a 10 KB design document ≤ 500 ms (real host, median)',
    measured: host ? `${ms(host.firstChecklistMs)} ms` : `not measured (\`${HOST_LATENCY_FILE}\` absent; run the integration suite)`,
    pass: host !== undefined && host.firstChecklistMs <= 500,
  });
  out.push({
    name: 'a keystroke\'s round trip (edit → checklist and Problems updated) ≤ the typing debounce + 100 ms (real host, 10 KB, median)',
    measured: host ? `${ms(host.keystrokeRoundTripMs)} ms (debounce ${host.debounceMs} ms, so ${ms(host.keystrokeRoundTripMs - host.debounceMs)} ms after it)` : 'not measured',
    pass: host !== undefined && host.keystrokeRoundTripMs <= host.debounceMs + 100,
  });
  if (bundles) {
    const ext = bundles.files.find((f) => f.file === 'dist/extension.js');
    out.push({
      // KB as this report counts it everywhere: 1,024 bytes.
      name: 'dist/extension.js ≤ 300 KB (307,200 bytes) minified',
      measured: ext ? `${kb(ext.bytes)} (${ext.bytes.toLocaleString('en-US')} bytes)` : `not built${bundles.error ? ` (${bundles.error})` : ''}`,
      pass: ext !== undefined && ext.bytes <= 300 * 1024,
    });
    out.push({
      name: 'Mermaid only in the webview bundle',
      measured: `extension: ${bundles.mermaidInExtension ? 'contains Mermaid' : 'no Mermaid'}; webview: ${bundles.mermaidInWebview ? 'contains Mermaid' : 'no Mermaid found'}`,
      pass: ext !== undefined && !bundles.mermaidInExtension,
    });
  }
  return out;
}

function report(results: SizeResult[], bundles: Bundles | undefined, checks: Budget[], work: string, families: FamilyTime[]): string {
  const m = machine(root);
  const keys = (Object.keys(NAMES) as Key[]).filter((k) => results.some((r) => r.timing.has(k)));
  const cell = (s: Stats | undefined) => (s ? `${ms(s.median)} / ${ms(s.p90)}` : '–');
  const r = (a: Stats | undefined, b: Stats | undefined) => (a && b ? ratio(a.median / b.median) : '–');
  const timingTable = (clock: Clock) => [
    `| Document | Bytes | Lines | n | ${keys.map((k) => NAMES[k]).join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ${keys.map(() => '---:').join(' | ')} |`,
    ...results.map(
      (x) =>
        `| ${x.label} | ${x.bytes.toLocaleString('en-US')} | ${x.lines.toLocaleString('en-US')} | ${stat(x, keys[0], clock)?.samples ?? 0} | ` +
        `${keys.map((k) => cell(stat(x, k, clock))).join(' | ')} |`,
    ),
  ];
  const lines = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` on ${m.date} at commit \`${m.commit}\`.`,
    `Machine: ${m.cpu}, ${m.cores} cores, Node ${m.node}. Load average (1 min) at start ${load.start.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)}`,
    '(other processes share these cores; interleaving keeps the ratios fair, absolute times suffer under load).',
    '',
    'Method: seeded generated design docs (bench/generate.ts: every phase with varied headings, tables, lists, SQL,',
    'Mermaid, estimate fences, prose estimates, endpoint lists). Three groups of contenders (first open; edits;',
    'markdownlint, last, as V8 pretenures what our caches keep when it runs beside them), each interleaved',
    `round-robin with its own floor and a rotating start, after a forced GC${gcAvailable() ? '' : ' (NOT available in this run)'} and a warm-up`,
    'in batches of at least 6 s CPU per contender (process CPU time counts the optimising compiler\'s threads);',
    'a sample is the mean of a batch of runs (100 at 10 KB, 10 at 100 KB, 1 at 1 MB: about 150 ms of floor work), the',
    'steady state an editor sees between keystrokes. No GC is forced between samples: in V8 every major GC discards',
    'the optimised code of functions whose objects all died ("weak objects" deopts: 776 in 20 forced GCs of the',
    'floor alone), so forcing one before each sample measured re-compilation (until 2026-11-22 this bench did, and',
    'read the 10 KB floor at 4.2 ms instead of 1.6 ms and our first open at 8.4 ms instead of 3.6 ms).',
    '- First open: `clearAnalysisCaches()` then `analyze()`, so nothing is reused (parsed chunks, per-block results,',
    '  heading matches, SQL tokens, estimate reports), beside the bare parse; at each iteration both (and markdownlint',
    '  and its floor in their group) read the same fresh copy of the document (one estimate digit changed), so none',
    '  parses a string already in the CPU cache.',
    '- Edits, beside their own bare parse, with the caches as the previous keystroke left them: `analyze()` on a copy',
    '  with one character inserted in a prose line, or one digit changed in an estimate line; every run gets its own',
    '  copy, so each keystroke brings a chunk the caches have not seen; their floor parses the prose-edit copies.',
    'Budgets are judged on process CPU time (user + system, `process.cpuUsage`), which other processes on a shared',
    'machine do not inflate; wall-clock figures are reported beside them. The 1 MB ≤ 100 ms budget is judged on the',
    'edits: a bare markdown-it parse of 1 MB alone takes longer than that, so it can only hold for the on-type path.',
    '',
    `Work done on the 10 KB document: ${work}.`,
    '',
    '## Ratios (of medians; CPU time, wall clock in brackets)',
    '',
    '| Document | first open ÷ floor | markdownlint ÷ first open | prose edit ÷ floor | estimate edit ÷ floor |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...results.map((x) => {
      const both = (a: Key, b: Key) => `${r(stat(x, a, 'cpu'), stat(x, b, 'cpu'))} (${r(stat(x, a, 'wall'), stat(x, b, 'wall'))})`;
      return `| ${x.label} | ${both('ours', 'floor')} | ${both('markdownlint', 'ours')} | ${both('edit', 'floorEdit')} | ${both('estimateEdit', 'floorEdit')} |`;
    }),
    '',
    ...breakdownTable(results),
    ...(families.length > 0 ? familyTable(families, ms) : []),
    '## Timings: process CPU time (ms, median / p90)',
    '',
    ...timingTable('cpu'),
    '',
    '## Timings: wall clock (ms, median / p90)',
    '',
    ...timingTable('wall'),
    '',
    '## Budgets',
    '',
    '| Budget | Measured | Result |',
    '| --- | --- | --- |',
    ...checks.map((c) => `| ${c.name} | ${c.measured} | ${c.pass ? 'PASS' : '**FAIL**'} |`),
    '',
    '## Bundles (production build, minified)',
    '',
  ];
  if (!bundles) lines.push('Not measured in this run (`--no-bundles`).');
  else {
    if (bundles.error) lines.push(`Build reported: ${bundles.error}`, '');
    lines.push('| File | Bytes | gzip |', '| --- | ---: | ---: |');
    // Lazy chunks (Mermaid's diagram types) are summed per folder; they load only when a diagram needs them.
    const groups = new Map<string, { files: number; bytes: number; gzip: number }>();
    for (const f of bundles.files) {
      const folder = /^(.*\/chunks)\//.exec(f.file)?.[1];
      if (!folder) {
        lines.push(`| ${f.file} | ${f.bytes.toLocaleString('en-US')} (${kb(f.bytes)}) | ${kb(f.gzip)} |`);
        continue;
      }
      const g = groups.get(folder) ?? { files: 0, bytes: 0, gzip: 0 };
      groups.set(folder, { files: g.files + 1, bytes: g.bytes + f.bytes, gzip: g.gzip + f.gzip });
    }
    for (const [folder, g] of groups) {
      lines.push(`| ${folder}/* (${g.files} lazy chunks, total) | ${g.bytes.toLocaleString('en-US')} (${kb(g.bytes)}) | ${kb(g.gzip)} |`);
    }
  }
  const vsix = newestVsix(root);
  const activate = activateTime(root);
  const host = hostLatency(root);
  lines.push(
    '',
    `VSIX: ${vsix ? `${vsix.file}, ${vsix.bytes.toLocaleString('en-US')} bytes (${kb(vsix.bytes)}), built ${vsix.modified}` : 'not measured (no .vsix in out/ or the repository root; run `npm run package` first)'}.`,
    '',
    `activate() in the real extension host: ${activate ? `${ms(activate.ms)} ms${activate.detail ? ` (${activate.detail})` : ''}, read from \`${ACTIVATE_TIME_FILE}\`` : `not measured (\`${ACTIVATE_TIME_FILE}\` absent; the integration suite writes it)`}.`,
    '',
    `First checklist and keystroke round trip in the real extension host: ${host ? `${ms(host.firstChecklistMs)} ms and ${ms(host.keystrokeRoundTripMs)} ms (${host.detail}), read from \`${HOST_LATENCY_FILE}\`` : `not measured (\`${HOST_LATENCY_FILE}\` absent; the integration suite writes it)`}.`,
    '',
  );
  return lines.join('\n');
}

/** Stage-by-stage CPU medians: what analyze() adds on top of the parse, and where. */
function breakdownTable(results: SizeResult[]): string[] {
  const withStages = results.filter((x) => x.stages.length > 0);
  if (withStages.length === 0) return [];
  const stages = withStages[0].stages.map((s) => s.stage);
  return [
    '## Where analyze() spends its time (CPU ms, median per stage, run separately)',
    '',
    `| Stage | ${withStages.map((x) => x.label).join(' | ')} |`,
    `| --- | ${withStages.map(() => '---:').join(' | ')} |`,
    `| *floor: bare markdown-it parse* | ${withStages.map((x) => ms(stat(x, 'floor', 'cpu')?.median ?? NaN)).join(' | ')} |`,
    ...stages.map((stage) => `| ${stage} | ${withStages.map((x) => ms(x.stages.find((s) => s.stage === stage)?.median ?? NaN)).join(' | ')} |`),
    '',
  ];
}

function main(): void {
  const results: SizeResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`bench: ${size.label}…\n`);
    results.push(runSize(size));
  }
  const families = flag('no-families') || only !== undefined ? [] : (process.stderr.write('bench: input families…\n'), familyTimes(quick ? 1 : 3));
  const bundles = flag('no-bundles') ? undefined : productionBundles(root);
  const checks = budgets(results, bundles);
  const markdown = report(results, bundles, checks, workDone(generateDoc(10_000, 11)), families);
  process.stdout.write(`${markdown}\n`);
  const partial = only !== undefined || option('sizes') !== undefined || quick;
  if (!partial || flag('write')) {
    fs.writeFileSync(path.join(root, 'bench', 'results.md'), markdown);
    process.stderr.write('bench: wrote bench/results.md\n');
  }
  const failed = checks.filter((c) => !c.pass);
  if (failed.length > 0) process.stderr.write(`bench: ${failed.length} budget(s) FAIL\n`);
  if (flag('check') && failed.length > 0) process.exitCode = 1;
}

main();
