import assert from 'node:assert/strict';
import { evaluateEstimates, extractEstimateSources } from '../../src/core/estimate/index';
import { parseDocument } from '../../src/core/parse';
import { DEFAULT_ESTIMATE_SETTINGS, type Block, type ParsedDocument, type Section } from '../../src/core/types';

function handBuilt(lines: string[], blocks: Block[]): ParsedDocument {
  const root: Section = {
    level: 0, title: '', normalizedTitle: '', line: 0, endLine: lines.length, ownEndLine: lines.length,
    headingRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, blocks, children: [],
  };
  return {
    text: lines.join('\n'), lines,
    frontMatter: { data: {}, startLine: 0, endLine: 0, present: false },
    root, sections: [], blocks, suppressions: [],
  };
}

const SAMPLE = [
  '# Estimates',
  '',
  'Prose: 10M users × 5 = 50M here.',
  '',
  '- item: 12K × 2 = 24K messages/second',
  '  continued 1 + 1 = 2',
  '- [ ] task 3 × 3 = 9',
  '',
  '```estimate',
  'DAU = 10M users',
  '  Peak = DAU × 2',
  '',
  '```',
  '',
  '```',
  '1 day = 86,400 seconds',
  '```',
  '',
  '```python',
  'y = 2 * 3 = 7',
  '```',
  '',
  '| a | b |',
  '|---|---|',
  '| 1 × 2 = 3 | x |',
];

describe('estimate: extractEstimateSources', () => {
  it('takes strict lines from estimate fences and lenient ones from prose, with columns (hand-built document)', () => {
    const blocks: Block[] = [
      { kind: 'paragraph', line: 2, endLine: 3, text: SAMPLE[2] },
      { kind: 'list', line: 4, endLine: 7, text: '' },
      { kind: 'code', line: 8, endLine: 13, text: 'DAU = 10M users\n  Peak = DAU × 2\n\n', lang: 'estimate', contentLine: 9 },
      { kind: 'code', line: 14, endLine: 17, text: '1 day = 86,400 seconds\n', lang: '', contentLine: 15 },
      { kind: 'code', line: 18, endLine: 21, text: 'y = 2 * 3 = 7\n', lang: 'python', contentLine: 19 },
      { kind: 'table', line: 22, endLine: 25, text: '' },
    ];
    const got = extractEstimateSources(handBuilt(SAMPLE, blocks));
    assert.deepEqual(got, [
      { line: 2, column: 0, text: 'Prose: 10M users × 5 = 50M here.', strict: false },
      { line: 4, column: 2, text: 'item: 12K × 2 = 24K messages/second', strict: false },
      { line: 5, column: 2, text: 'continued 1 + 1 = 2', strict: false },
      { line: 6, column: 6, text: 'task 3 × 3 = 9', strict: false },
      { line: 9, column: 0, text: 'DAU = 10M users', strict: true },
      { line: 10, column: 2, text: 'Peak = DAU × 2', strict: true },
      { line: 15, column: 0, text: '1 day = 86,400 seconds', strict: false },
      // Table cells are read one by one; cells without a digit are skipped.
      { line: 24, column: 2, text: '1 × 2 = 3', strict: false },
    ]);
  });

  it('agrees with the real parser', () => {
    const got = extractEstimateSources(parseDocument(SAMPLE.join('\n')));
    assert.deepEqual(got.map((s) => [s.line, s.column, s.strict]), [
      [2, 0, false], [4, 2, false], [5, 2, false], [6, 6, false], [9, 0, true], [10, 2, true], [15, 0, false], [24, 2, false],
    ]);
  });

  it('reports findings at document positions', () => {
    const doc = parseDocument(['Intro', '', '- storage: 5GB × 365 = 2 PB', '', '```estimate', 'x = 1,00 × 2', '```'].join('\n'));
    const r = evaluateEstimates(extractEstimateSources(doc), DEFAULT_ESTIMATE_SETTINGS);
    const wrong = r.findings.find((f) => f.code === 'SE002')!;
    assert.deepEqual(wrong.range, { start: { line: 2, character: 23 }, end: { line: 2, character: 27 } });
    const parse = r.findings.find((f) => f.code === 'SE001')!;
    assert.deepEqual(parse.range, { start: { line: 5, character: 4 }, end: { line: 5, character: 8 } });
  });

  it('indented code blocks are code, not estimates', () => {
    const doc = parseDocument(['Intro: 2 × 3 = 6', '', '    x = 5 * 3 = 7', '', '```', '1 + 1 = 2', '```'].join('\n'));
    assert.deepEqual(extractEstimateSources(doc).map((s) => s.line), [0, 5]);
  });

  it('reads columns and trims the same whichever way a prose line starts', () => {
    const lines = ['Plain 1 + 1 = 2   ', '2 × 3 = 6', '\u00a0x 4 × 4 = 16', '(a) 5 × 5 = 25\t', '> quoted 6 × 6 = 36', '', 'Tail 7 × 7 = 49'];
    const got = extractEstimateSources(handBuilt(lines, [{ kind: 'paragraph', line: 0, endLine: 7, text: '' }]));
    assert.deepEqual(got.map((s) => [s.line, s.column, s.text]), [
      [0, 0, 'Plain 1 + 1 = 2'],
      [1, 0, '2 × 3 = 6'],
      [2, 1, 'x 4 × 4 = 16'],
      [3, 0, '(a) 5 × 5 = 25'],
      [4, 2, 'quoted 6 × 6 = 36'],
      [6, 0, 'Tail 7 × 7 = 49'],
    ]);
  });

  it('skips fenced lines inside a list or quote block, and strips quote and list markers', () => {
    const lines = ['- a 1 + 1 = 2', '  ```', '  2 + 2 = 5', '  ```', '> - b 3 × 3 = 9', '> ~~~', '> 4 × 4 = 1', '> ~~~', '  tail 5 × 5 = 25'];
    const got = extractEstimateSources(handBuilt(lines, [{ kind: 'list', line: 0, endLine: 9, text: '' }]));
    assert.deepEqual(got.map((s) => [s.line, s.column, s.text]), [
      [0, 2, 'a 1 + 1 = 2'],
      [4, 4, 'b 3 × 3 = 9'],
      [8, 2, 'tail 5 × 5 = 25'],
    ]);
    const para = extractEstimateSources(handBuilt(lines, [{ kind: 'paragraph', line: 0, endLine: 9, text: '' }]));
    assert.deepEqual(para.map((s) => [s.line, s.column]), [[0, 0], [4, 2], [8, 2]]);
  });

  it('leaves out prose lines without arithmetic or a claim, which the estimator would skip anyway', () => {
    const lines = ['Some context for the numbers.', 'Peak is 3 × 5K = 15K rps', 'Reads dominate writes.', '- nested 2 × 3 = 6'];
    const got = extractEstimateSources(handBuilt(lines, [{ kind: 'paragraph', line: 0, endLine: 4, text: '' }]));
    assert.deepEqual(got.map((s) => s.line), [1, 3]);
  });

  it('text fences are lenient too; other fences are ignored', () => {
    const doc = parseDocument(['```text', '5GB × 365 = 2 PB', '```', '```sql', '5GB × 365 = 2 PB', '```'].join('\n'));
    const src = extractEstimateSources(doc);
    assert.deepEqual(src.map((s) => [s.line, s.strict]), [[1, false]]);
  });
});
