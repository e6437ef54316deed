// Property-based fuzzing of the core: random Markdown built from design-doc fragments, and mutations of
// real documents (our fixtures, the examples, the shared seeds when present). The parser, analyze() and
// the estimator never throw, every range stays inside the document, and the same text gives the same result.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, builtInRegistry } from '../../src/core/analyze';
import { evaluateEstimates, extractEstimateSources } from '../../src/core/estimate';
import { parseDocument } from '../../src/core/parse';
import { DEFAULT_ESTIMATE_SETTINGS, type AnalyzeOptions } from '../../src/core/types';
import { assertRangesInside, corpus } from './robustness-helpers';

const FRAGMENTS = [
  '# ', '## ', '### ', '###### ', '####### ', '#', ' #', '```', '```estimate', '```mermaid', '```sql', '````', '~~~', '~~~estimate',
  '---', '...', '===', '- ', '* ', '+ ', '1. ', '2) ', '  - ', '    ', '\t', '> ', '>> ', '- [ ] ', '- [x] ',
  '| a | b |', '|---|---|', '|:-|-:|', '| ', ' |', '\\|',
  '<!-- sysdesign-disable -->', '<!-- sysdesign-disable-next-line SD001 -->', '<!-- sysdesign-disable SE002, missing-phase -->', '<!--', '-->', '<div>', '</div>',
  'DAU = 10M users', 'writes = DAU × 5 / day ≈ 600 /s', 'storage = 50M × 100 B × 365 ≈ 2 TB', 'peak = writes × 2 = ?', 'x = y', '= ?',
  '≈', '~', '→', '=>', '×', '*', '/', '^', '²', '1,000', '1,00', '1e9', '1.5K', '10M', '$3/month', '99.9%', 'p99 200 ms', '50 GB/day', '/s', 'per second',
  'sysdesign: default', 'sysdesign: no-such-framework', 'framework: 5', 'title: [unclosed', 'key: value',
  'CREATE TABLE t (id BIGINT PRIMARY KEY, user_id INT REFERENCES users(id));', 'CREATE INDEX i ON t (user_id);',
  'GET /v1/items', 'POST /v1/items/{id}', '`GET /v1/feed?cursor=x`', 'flowchart LR', 'A --> B', 'sequenceDiagram',
  'Requirements', 'Functional requirements', 'Estimation', 'API design', 'Data model', 'High-level design', 'Deep dive', 'Caching',
  'Scaling', 'Reliability', 'Security', 'Monitoring', 'Trade-offs', 'Wrap-up', 'Step 3:', 'Phase 2 -', 'A or B', 'Pros', 'Cons',
  '[link](x)', '![img](a.png)', '**', '_', '`', '\\', '&', '<', '\r', '\r\n', '\n', '\0', '\uFEFF', '\uD800', '\uDC00', '🚀', 'é', '\u0301', '\u200B', '\u00A0',
];

const fragment = fc.constantFrom(...FRAGMENTS);
const noise = fc.string({ maxLength: 8, unit: 'binary' });
const line = fc.array(fc.oneof({ weight: 5, arbitrary: fragment }, { weight: 1, arbitrary: noise }), { maxLength: 6 }).map((parts) => parts.join(''));
const markdown = fc.array(line, { maxLength: 60 }).map((lines) => lines.join('\n'));

/** One edit to a real document; offsets wrap around its length so every edit applies. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.nat({ max: 400 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fragment, line, noise) }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('replaceChar' as const), at: fc.nat(), text: fc.oneof(fragment, noise) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, edits: Mutation[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % (out.length + 1);
    switch (edit.kind) {
      case 'delete':
        out = out.slice(0, at) + out.slice(at + edit.length);
        break;
      case 'duplicate':
        out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
        break;
      case 'insert':
        out = out.slice(0, at) + edit.text + out.slice(at);
        break;
      case 'replaceChar':
        out = out.slice(0, at) + edit.text + out.slice(at + 1);
        break;
      case 'swapLines': {
        const lines = out.split('\n');
        const a = edit.at % lines.length;
        const b = edit.other % lines.length;
        [lines[a], lines[b]] = [lines[b], lines[a]];
        out = lines.join('\n');
        break;
      }
    }
  }
  return out;
}

const frameworkIds = builtInRegistry().ids();
const options: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    framework: fc.constantFrom(...frameworkIds, 'no-such-framework', ''),
    defaultFramework: fc.constantFrom(...frameworkIds, 'auto', 'missing'),
    rules: fc.dictionary(fc.constantFrom('SD001', 'SD003', 'SE002', 'missing-phase', 'SD100'), fc.constantFrom('off', 'error', 'warning', 'info', 'hint') as fc.Arbitrary<'off'>),
  },
  { requiredKeys: [] },
);

/** The three promises: no throw, ranges inside, deterministic. */
function checkDocument(text: string, opts: AnalyzeOptions = {}): void {
  const parsed = parseDocument(text);
  assertRangesInside(parsed, parsed.lines, 'parseDocument');

  // analyze() holds the parsed document too, so this also proves the parser deterministic.
  const first = analyze(text, opts);
  assert.deepStrictEqual(first.document.lines, parsed.lines);
  assertRangesInside(first, first.document.lines, 'analyze');
  assert.deepStrictEqual(analyze(text, opts), first, 'analyze is not deterministic');

  // The estimator alone with every source strict (the fence path reports every parse error).
  const strict = extractEstimateSources(parsed).map((s) => ({ ...s, strict: true }));
  const report = evaluateEstimates(strict, DEFAULT_ESTIMATE_SETTINGS);
  assertRangesInside(report, parsed.lines, 'strict estimates');
  assert.deepStrictEqual(evaluateEstimates(strict, DEFAULT_ESTIMATE_SETTINGS), report, 'strict estimates are not deterministic');
}

describe('fuzz: the core never throws, stays in range, and is deterministic', function () {
  this.timeout(60_000);
  const docs = corpus();

  it('the range check itself rejects what it should', () => {
    const lines = ['ab', ''];
    const at = (line: number, character: number) => ({ line, character });
    assert.doesNotThrow(() => assertRangesInside({ r: { start: at(0, 0), end: at(0, 2) } }, lines));
    assert.throws(() => assertRangesInside({ deep: [{ range: { start: at(2, 0), end: at(2, 0) } }] }, lines), /line outside/);
    assert.throws(() => assertRangesInside({ range: { start: at(0, 3), end: at(0, 3) } }, lines), /past the line end/);
    assert.throws(() => assertRangesInside({ range: { start: at(1, 0), end: at(0, 1) } }, lines), /ends before it starts/);
  });

  it('has a corpus to mutate (own fixtures at least)', () => {
    assert.ok(docs.filter((d) => d.name.startsWith('fixtures/')).length >= 3, docs.map((d) => d.name).join(', '));
  });

  it('every corpus document as it is (our fixtures with CRLF endings too)', () => {
    for (const doc of docs) {
      checkDocument(doc.text);
      if (doc.name.startsWith('fixtures/')) checkDocument(doc.text.replace(/\r?\n/g, '\r\n'));
    }
  });

  it('random Markdown from design-doc fragments', () => {
    fc.assert(fc.property(markdown, options, (text, opts) => checkDocument(text, opts)), { numRuns: 80 });
  });

  it('mutated corpus documents', () => {
    const base = fc.constantFrom(...docs.map((d) => d.text));
    fc.assert(
      fc.property(base, fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, edits) => checkDocument(mutate(text, edits))),
      { numRuns: 30 },
    );
  });

  it('front matter variants', () => {
    const value = fc.oneof(fragment, noise, fc.constantFrom(...frameworkIds));
    const frontMatter = fc.tuple(fc.array(fc.tuple(fc.constantFrom('sysdesign', 'framework', 'title', 'rules', ''), value), { maxLength: 4 }), fc.boolean());
    fc.assert(
      fc.property(frontMatter, markdown, ([entries, closed], body) => {
        const yaml = entries.map(([k, v]) => `${k}: ${v}`).join('\n');
        checkDocument(`---\n${yaml}\n${closed ? '---\n' : ''}${body}`);
      }),
      { numRuns: 60 },
    );
  });
});
