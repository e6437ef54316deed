// Pathological documents through the whole pipeline: no throw, ranges inside, within a generous bound.
// Bounds are on process CPU time (other processes may share the machine); figures are printed.
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { evaluateEstimates, extractEstimateSources } from '../../src/core/estimate';
import { parseDocument } from '../../src/core/parse';
import { DEFAULT_ESTIMATE_SETTINGS, type Analysis } from '../../src/core/types';
import { assertRangesInside, figure, report, seededBytes, timed } from './robustness-helpers';

function check(label: string, text: string, boundMs: number): Analysis {
  const t = timed(() => analyze(text));
  report(figure(`${label} (${text.length.toLocaleString('en-US')} chars)`, t));
  assert.ok(t.cpuMs < boundMs, `${label}: ${t.cpuMs.toFixed(0)} ms CPU, bound ${boundMs} ms`);
  assertRangesInside(t.value, t.value.document.lines, label);
  // The estimator on its own, strict, over every source line: the CodeLens path.
  const sources = extractEstimateSources(t.value.document).map((s) => ({ ...s, strict: true }));
  assertRangesInside(evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS), t.value.document.lines, `${label} (strict estimates)`);
  return t.value;
}

describe('robustness: pathological documents', function () {
  this.timeout(60_000);

  it('100k `#` characters on one line, and as 100k heading markers', () => {
    check('100k #', '#'.repeat(100_000), 3000);
    const a = check('#-heading with 100k # title', `# ${'#'.repeat(100_000)} end`, 3000);
    assert.equal(a.document.sections.length, 1);
  });

  it('10k nested list and quote levels', () => {
    check('10k "- " levels on one line', `${'- '.repeat(10_000)}deep`, 3000);
    check('10k "1. " levels on one line', `${'1. '.repeat(10_000)}deep`, 3000);
    check('10k "> " levels', `${'> '.repeat(10_000)}deep`, 3000);
    // Properly indented nesting grows quadratically in bytes; 1,500 levels is already ~2 MB.
    const indented = Array.from({ length: 1500 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    check('1.5k indented list levels', indented, 5000);
  });

  it('a 1 MB single line', () => {
    const words = ['write', '*fast*', '`code`', '[link](x)', '10M users', '×', '5 / day', '≈', '600 /s', '**bold**', '_', '|', '<b>'];
    let line = '';
    for (let i = 0; line.length < 1_000_000; i++) line += `${words[i % words.length]} `;
    check('1 MB paragraph line', line, 5000);
    // The same line as a list item and a heading, at a fifth of the size to keep the suite quick.
    const fifth = line.slice(0, 200_000);
    check('200 KB list item line', `- ${fifth}`, 2000);
    check('200 KB heading line', `## ${fifth}`, 2000);
  });

  it('unbalanced and mismatched fences', () => {
    check('2k unclosed ```estimate fences', Array.from({ length: 2000 }, (_, i) => `\`\`\`estimate\nx${i} = ${i} GB`).join('\n'), 3000);
    check('fence opened and never closed', `# T\n\n\`\`\`mermaid\n${'A --> B\n'.repeat(20_000)}`, 3000);
    const mixed = Array.from({ length: 3000 }, (_, i) => ['```', '````', '~~~', '```sql', '~~~~estimate', '   ```', '    ```'][i % 7]).join('\nbody\n');
    check('3k mixed fence markers', mixed, 3000);
    // A list item's fence that the chunk scan reads as closed while markdown-it opens a top-level one:
    // every cut point below it is misread, and chunks must merge without re-parsing quadratically.
    const prose = Array.from({ length: 40 }, (_, i) => `text ${i}`);
    const misread = Array.from({ length: 2000 }, () => ['# A', '- item', '  ```', '# B', '  ```', ...prose].join('\n')).join('\n');
    const doc = check('2k fences the chunk scan misreads', misread, 5000).document;
    assert.deepEqual(doc.sections.map((section) => section.line), parseDocument(misread, { whole: true }).sections.map((section) => section.line));
  });

  it('5,000 headings', () => {
    const phases = ['Requirements', 'Estimation', 'API design', 'Data model', 'High-level design', 'Trade-offs', 'Caching', 'Monitoring'];
    const text = Array.from({ length: 5000 }, (_, i) => `${'#'.repeat((i % 6) + 1)} ${phases[i % phases.length]} ${i}\n\nText ${i}.`).join('\n\n');
    const a = check('5k headings', text, 5000);
    assert.equal(a.document.sections.length, 5000);
  });

  it('2,000 Mermaid blocks', () => {
    const text = `# Design\n\n## High-level design\n\n${Array.from({ length: 2000 }, (_, i) => `\`\`\`mermaid\nflowchart LR\n  A${i} --> B${i}\n\`\`\``).join('\n\n')}`;
    const a = check('2k mermaid blocks', text, 5000);
    assert.equal(a.document.blocks.filter((b) => b.lang === 'mermaid').length, 2000);
  });

  it('binary garbage', () => {
    const bytes = seededBytes(256 * 1024, 7);
    check('256 KB random bytes as latin1', Buffer.from(bytes).toString('latin1'), 3000);
    check('256 KB random bytes as UTF-8 (replacement chars)', Buffer.from(bytes).toString('utf8'), 3000);
    const units = Array.from(seededBytes(128 * 1024, 8), (b, i) => String.fromCharCode(0xd800 + ((b * 31 + i) % 0x800)));
    check('128k lone surrogates', units.join(''), 3000);
  });

  it('NUL bytes', () => {
    const text = '# Title\0with NUL\n\n## Estimation\n\n```estimate\nDAU = 10\0M users\nx = DAU × 2 ≈ 2\0\n```\n\n\0\0\0';
    const a = check('NUL in heading and estimates', text, 1000);
    assert.equal(a.document.sections[0].line, 0);
  });

  it('a UTF-8 BOM before the front matter: lines and ranges ignore it', () => {
    const text = '\uFEFF---\nsysdesign: default\n---\n# Title\n\n## Trade-offs\n\nOnly one option.';
    const a = check('BOM', text, 1000);
    assert.equal(a.document.frontMatter.present, true);
    assert.equal(a.choice.source, 'front-matter');
    assert.deepEqual(a.document.sections[0].headingRange, { start: { line: 3, character: 2 }, end: { line: 3, character: 7 } });
  });

  it('CRLF line endings give the same analysis as LF', () => {
    const lf = [
      '---', 'sysdesign: default', '---', '# Chat', '', '## Requirements', '- send messages', '',
      '## Estimation', '```estimate', 'DAU = 10M users', 'w = DAU × 5 / day ≈ 2,000 /s', '```', '',
      '## Trade-offs', '| Option | Pros | Cons |', '|---|---|---|', '| A | x | y |', '',
    ].join('\n');
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = check('LF', lf, 1000);
    const b = check('CRLF', crlf, 1000);
    assert.ok(b.document.lines.every((line) => !line.includes('\r')));
    assert.deepEqual(b.document.lines, a.document.lines);
    // Fixes keep the document's own line ending; otherwise the findings are the same.
    const edits = (x: Analysis) => x.findings.flatMap((f) => f.fix?.edits ?? []);
    for (const edit of edits(b)) assert.ok(!/[^\r]\n|^\n/.test(edit.newText), `bare LF in a CRLF fix: ${JSON.stringify(edit.newText)}`);
    const lfOnly = (x: Analysis) => JSON.parse(JSON.stringify(x.findings).replace(/\\r\\n/g, '\\n'));
    assert.deepEqual(lfOnly(b), lfOnly(a));
    assert.deepEqual(b.estimates.lines, a.estimates.lines);
    assert.deepEqual(
      b.phases.map((p) => [p.phase.id, p.status, p.line]),
      a.phases.map((p) => [p.phase.id, p.status, p.line]),
    );
    // A lone CR also ends a line.
    assert.equal(parseDocument('# A\r## B\r').sections.length, 2);
  });
});
