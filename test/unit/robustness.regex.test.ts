// Catastrophic backtracking on the typing path: adversarial runs (spaces, letters, digits, dashes,
// brackets...) placed in every place a design doc can hold text, through analyze() and the preview
// renderer. A run of length n is timed against a run of n/4: linear work grows about 4×, backtracking
// that restarts at every position grows about 16×. Figures are CPU time, printed.
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { analyze } from '../../src/core/analyze';
import { parseQuantity } from '../../src/core/estimate';
import { readFrontMatter } from '../../src/core/frontMatter';
import { normalizeHeading } from '../../src/core/headingText';
import { renderDocument } from '../../src/core/render';
import { report, timed } from './robustness-helpers';

// ROBUSTNESS_FULL=1 runs every unit through both pipelines at twice the length (about a minute).
const FULL = process.env.ROBUSTNESS_FULL === '1';
const N = FULL ? 16_000 : 8_000;
/** A case must be slower than this (CPU ms, at n) before growth counts as super-linear. */
const NOTICE_MS = 60;
/** Generous absolute bound per document at n, whatever the growth. */
const BOUND_MS = 4_000;

// `${s}x` puts the run right before an ordinary character, where a trailing `\s+$`-style pattern fails
// at every position of the run; `${s} end` and `${s}` cover the friendlier placements.
const CONTEXTS: Record<string, (s: string) => string> = {
  heading: (s) => `# Design\n\n## Requirements ${s}x\n\n### ${s}\n`,
  paragraph: (s) => `# Design\n\nText ${s}x\n`,
  listItem: (s) => `# Design\n\n- item ${s}x\n  - ${s}\n`,
  tableCell: (s) => `# Design\n\n| a | b |\n|---|---|\n| ${s}x | ${s} |\n`,
  estimateFence: (s) => `## Estimation\n\n\`\`\`estimate\nx = ${s}x\ny = 10 ${s} GB\n\`\`\`\n`,
  proseEstimate: (s) => `## Estimation\n\n- 10M DAU × ${s}x = 5 GB\n\n${s} ≈ 3 TB\n`,
  sql: (s) => `## Data model\n\n\`\`\`sql\nCREATE TABLE t (${s}x);\nCREATE INDEX i ON t (${s});\n\`\`\`\n`,
  mermaid: (s) => `## High-level design\n\n\`\`\`mermaid\nflowchart LR\n  A[${s}x] --> B\n\`\`\`\n`,
  frontMatter: (s) => `---\ntitle: ${s}x\nsysdesign: ${s}\n---\n# T\n`,
  comment: (s) => `<!-- sysdesign-disable ${s}x -->\n# T\n<!-- sysdesign-disable-next-line ${s}\n`,
  tradeOffs: (s) => `## Trade-offs\n\n${s}x\n\nWe chose ${s} over it.\n`,
  api: (s) => `## API design\n\n- \`GET /v1/${s}x\`\n- POST /${s}\n\n| GET | /${s}x |\n|---|---|\n`,
  requirements: (s) => `## Requirements\n\n### Non-functional requirements\n\n- latency ${s}x\n\n### Questions\n\n1. ${s}?\n`,
  monitoring: (s) => `## Monitoring\n\n- p99 ${s}x error rate\n`,
};

const ALL_UNITS = [' ', '\t', 'a', 'A', '1', '0', '-', '#', '.', ',', '_', '*', '[', '(', '|', '`', '\\', '<', 'a.', 'A-', '1,', '1.', '1:', '1_', 'a ', 'A ', '- ', '# ', '[a](', '<!--', '1e', '×1'];

/** Representatives of the hazard classes found so far, for the quick default run. */
const QUICK_UNITS: Record<string, string[]> = {
  'analyze()': [' ', '\t', '.', 'a.', 'A-'],
  'renderDocument()': [],
};

const HELPER_UNITS = [' ', '\t', '1', '-', '.', '#', 'a.', 'A-', '1,', '['];

// Found by this test and since fixed (c134751): parse.ts headingRange and estimate/sources.ts trimmed
// trailing blanks with $-anchored regexes, quadratic on long runs of spaces or tabs. Also fixed:
// parseQuantity on runs of "a." (the lexer's URL regex retried at every word) now has a length cap.
const known: Array<[string, string]> = [];
/** Slow cases already reported to the lead, with the regex at fault; they skip while they still reproduce. */
const KNOWN: Record<string, string> = Object.fromEntries(known);

const run = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

// A young-generation collection between samples keeps one sample's garbage out of the next one's
// time; a full collection each time would cost more than the samples.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const collect = () => gc({ type: 'minor' });

interface Growth {
  small: number;
  large: number;
  slow: boolean;
}

/** Growth measured once, and (unless already known) confirmed twice more before it counts: timing is noisy on shared machines. */
function growth(work: (s: string) => unknown, make: (s: string) => string, unit: string, notice: number, key: string): Growth {
  let g = growthOnce(work, make, unit, notice);
  for (let i = 0; i < 2 && g.slow && !KNOWN[key]; i++) {
    const again = growthOnce(work, make, unit, notice);
    if (!again.slow) return again;
    g = again;
  }
  return g;
}

/** CPU time at n/4 and at n (after a warm-up), one context at a time so nothing dilutes the growth. */
function growthOnce(work: (s: string) => unknown, make: (s: string) => string, unit: string, notice = NOTICE_MS): Growth {
  const smallDoc = make(run(unit, N / 4));
  const largeDoc = make(run(unit, N));
  work(smallDoc); // warm-up: compile the code paths this input takes
  collect();
  const small = timed(() => work(smallDoc)).cpuMs;
  collect();
  const large = timed(() => work(largeDoc)).cpuMs;
  return { small, large, slow: large > BOUND_MS || (large > notice && large > 8 * Math.max(small, 1)) };
}

/** Fails on slow cases that are not known; skips (printing them) when every slow case is known. */
function verdict(context: Mocha.Context, label: string, slow: Array<{ key: string; g: Growth }>): void {
  const show = ({ key, g }: { key: string; g: Growth }) => `${key} (${g.small.toFixed(0)} → ${g.large.toFixed(0)} ms)`;
  const unknown = slow.filter((s) => !KNOWN[s.key]);
  if (unknown.length > 0) assert.fail(`${label} grows super-linearly: ${unknown.map(show).join(', ')}`);
  if (slow.length > 0) {
    for (const s of slow) report(`KNOWN, still slow: ${show(s)}: ${KNOWN[s.key]}`);
    context.skip();
  }
}

const PIPELINES: Record<string, (text: string) => unknown> = {
  'analyze()': (text) => analyze(text),
  'renderDocument()': (text) => renderDocument(text),
};

describe('robustness: no catastrophic backtracking on the typing path', function () {
  this.timeout(120_000);

  for (const [pipeline, work] of Object.entries(PIPELINES)) {
    for (const unit of FULL ? ALL_UNITS : QUICK_UNITS[pipeline]) {
      it(`${pipeline}: runs of ${JSON.stringify(unit)} in every context`, function () {
        const slow: Array<{ key: string; g: Growth }> = [];
        let small = 0;
        let large = 0;
        for (const [name, make] of Object.entries(CONTEXTS)) {
          const key = `${pipeline} ${JSON.stringify(unit)} ${name}`;
          const g = growth(work, make, unit, NOTICE_MS, key);
          small += g.small;
          large += g.large;
          if (g.slow) slow.push({ key, g });
        }
        report(`${pipeline} ${JSON.stringify(unit)}: ${small.toFixed(1)} ms at n/4, ${large.toFixed(1)} ms CPU at n=${N} (all contexts)`);
        verdict(this, `${pipeline} on runs of ${JSON.stringify(unit)}`, slow);
      });
    }
  }

  it('exported text helpers stay linear on adversarial strings', function () {
    const helpers: Record<string, (s: string) => string> = {
      normalizeHeading: (s) => `Step 1: ${s}x`,
      readFrontMatter: (s) => `title: ${s}x`,
      parseQuantity: (s) => `10 ${s}x GB`,
    };
    const call: Record<string, (text: string) => unknown> = {
      normalizeHeading: (text) => normalizeHeading(text),
      readFrontMatter: (text) => readFrontMatter(['---', text, '---']),
      parseQuantity: (text) => parseQuantity(text),
    };
    const slow: Array<{ key: string; g: Growth }> = [];
    for (const [name, make] of Object.entries(helpers)) {
      for (const unit of FULL ? ALL_UNITS : HELPER_UNITS) {
        const key = `${name} ${JSON.stringify(unit)}`;
        const g = growth(call[name], make, unit, 30, key);
        if (g.slow) slow.push({ key, g });
      }
    }
    verdict(this, 'helpers', slow);
  });
});
