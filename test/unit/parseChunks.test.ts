import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { generateDoc, oneCharEdit } from '../../bench/generate';
import { chunkStarts, clearChunkCache } from '../../src/core/chunks';
import { parseDocument } from '../../src/core/parse';
import type { ParsedDocument } from '../../src/core/types';
import { listSeeds, SEEDS } from './seeds';

/** Everything parseDocument reports, as plain data (parents as lines, so there are no cycles). */
function shape(doc: ParsedDocument) {
  return {
    sections: doc.sections.map(({ parent, children, ...section }) => ({
      ...section,
      parent: parent?.line,
      children: children.map((c) => c.line),
    })),
    root: doc.root.blocks,
    blocks: doc.blocks,
    suppressions: doc.suppressions,
  };
}

function assertSameAsWhole(text: string): void {
  assert.deepStrictEqual(shape(parseDocument(text)), shape(parseDocument(text, { whole: true })));
}

// Lines that open, close or interrupt constructs across a cut point.
const TRICKY = [
  '# Title', '## Section', '### Sub', '#', '#hashtag', ' # indented heading', '\t# tabbed',
  '```', '```js', '~~~', '````', '  ```', '    ```', '``` `x`', '- ```',
  '<div>', '</div>', '<!-- note', '-->', '<!-- sysdesign-disable SD003 -->', '<pre>', '</pre>', '<?php', '?>', '<!DOCTYPE html>', '<![CDATA[', ']]>', '<custom-tag>',
  '', '', '', 'Some prose.', 'More prose with `code`.', 'Setext heading', '---', '===',
  '- item', '  - nested', '1. first', '* star', '> quote', '> # quoted heading', '    indented code',
  '| Key | Value |', '|---|---|', '| id | 1 |',
  '[ref]: https://example.com/a.png', '![diagram][ref]', '## See [the doc][ref]', '![inline](x.png)',
  'DAU = 10M users', '```estimate', '```mermaid', 'graph TD; A-->B',
];

describe('chunked parsing', () => {
  beforeEach(() => clearChunkCache());

  it('cuts at column-0 headings outside fences and HTML blocks, at least 40 lines apart', () => {
    const prose = (n: number) => Array.from({ length: n }, (_, k) => `line ${k}`);
    const lines = [
      'intro', ...prose(40), '# A', // cut at 41
      '```', '# not a cut (fence)', '```', '    # not a cut (indented)', ...prose(40), '## B', // cut at 86
      '<div>', '# not a cut (HTML block)', '', '<!--', '# not a cut (comment)', '-->', ...prose(40), '# C', // cut at 133
      '# too close to C', ...prose(10),
    ];
    assert.deepEqual(chunkStarts(lines), [0, 41, 86, 133]);
    assert.deepEqual(chunkStarts(lines).map((i) => lines[i]), ['intro', '# A', '## B', '# C']);
  });

  it('reads the examples, the seeds and generated documents exactly as a whole-document parse does', () => {
    const examples = resolve(__dirname, '../../examples');
    const texts = readdirSync(examples)
      .filter((f) => f.endsWith('.md'))
      .map((f) => readFileSync(join(examples, f), 'utf8'));
    for (const seed of listSeeds()) texts.push(readFileSync(join(SEEDS, seed), 'utf8'));
    texts.push(generateDoc(30_000, 5), generateDoc(100_000, 6));
    assert.ok(texts.length >= 5);
    for (const text of texts) assertSameAsWhole(text);
  });

  it('reads random mixes of fences, HTML, containers, references and headings exactly as a whole-document parse does', () => {
    let cut = 0;
    fc.assert(
      // Long enough for several cuts (a chunk spans at least 40 lines).
      fc.property(fc.array(fc.constantFrom(...TRICKY), { minLength: 40, maxLength: 300, size: 'max' }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        if (chunkStarts(lines).length >= 2) cut++;
        assertSameAsWhole(lines.join(eol));
      }),
      { numRuns: 500 },
    );
    assert.ok(cut > 200, `only ${cut} of 500 documents were cut at all`);
  });

  it('stays exact across a sequence of edits that reuse cached chunks', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TRICKY), { minLength: 40, maxLength: 240, size: 'max' }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...TRICKY), fc.boolean()), { minLength: 1, maxLength: 8 }),
        (start, edits) => {
          const lines = [...start];
          assertSameAsWhole(lines.join('\n'));
          for (const [at, line, insert] of edits) {
            const i = at % lines.length;
            if (insert) lines.splice(i, 0, line);
            else lines[i] = line;
            assertSameAsWhole(lines.join('\n'));
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('does not reuse a last chunk that ends in an empty line for a shorter chunk with the same text', () => {
    // The scan reads the list item's fence as closed by the second one, which really opens a fence at
    // the top level that never closes. Both chunks below have the text '# A…```\n'; only the second
    // must run on and swallow '# C'.
    const chunk = ['# A', '- item', '  ```', '# B', '  ```'];
    parseDocument(['x', ...chunk, ''].join('\n'));
    const text = ['x', ...chunk, '# C'].join('\n');
    assertSameAsWhole(text);
    assert.deepEqual(parseDocument(text).sections.map((s) => s.title), ['A', 'B']);
  });

  it('keeps the blocks of untouched chunks after a one-character edit (the same objects)', () => {
    const text = generateDoc(30_000, 9);
    const before = parseDocument(text);
    const after = parseDocument(oneCharEdit(text, 3));
    const reused = after.blocks.filter((b) => before.blocks.includes(b)).length;
    assert.ok(after.blocks.length > 50);
    // One chunk was re-read; every other block is the cached object.
    assert.ok(reused >= after.blocks.length - 12, `${reused} of ${after.blocks.length} blocks reused`);
    assert.ok(reused < after.blocks.length, 'the edited chunk was re-read');
  });

  it('shifts cached chunks when lines are inserted above them, and reads them the same', () => {
    const text = generateDoc(20_000, 4);
    parseDocument(text);
    const shifted = `# Inserted\n\nA new paragraph.\n\n${text.replace(/^---[\s\S]*?---\n/, '')}`;
    assertSameAsWhole(shifted);
  });
});
