import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { normalizeHeading } from '../../src/core/headingText';
import { parseDocument } from '../../src/core/parse';

const doc = [
  '---', //                         0
  'sysdesign: default', //          1
  'title: Chat', //                 2
  '---', //                         3
  'Intro before any heading.', //   4
  '', //                            5
  '# Chat Service', //              6
  '', //                            7
  '## 1. Requirements', //          8
  '- [x] Users can send messages', // 9
  '- Groups', //                    10
  '  - up to 100 members', //       11
  '', //                            12
  '<!-- sysdesign-disable SD004 SD005 -->', // 13
  '', //                            14
  '## Estimation', //               15
  '```estimate', //                 16
  'DAU = 10M users', //             17
  '```', //                         18
  '| Decision | Choice |', //       19
  '|---|---|', //                   20
  '| Cache | Redis |', //           21
  '', //                            22
  '### Sub **bold** heading ###', // 23
  '', //                            24
  '![architecture](arch.png)', //   25
  '', //                            26
  'Setext title', //                27
  '------------', //                28
  'Body.', //                       29
].join('\n');

describe('parseDocument', () => {
  const parsed = parseDocument(doc);

  it('reads YAML front matter and keeps document line numbers', () => {
    assert.equal(parsed.frontMatter.present, true);
    assert.deepEqual(parsed.frontMatter.data, { sysdesign: 'default', title: 'Chat' });
    assert.equal(parsed.frontMatter.endLine, 4);
    assert.equal(parsed.root.blocks[0].line, 4);
  });

  it('builds a section tree with levels, line ranges and own content ranges', () => {
    const [title] = parsed.root.children;
    assert.equal(title.title, 'Chat Service');
    assert.deepEqual(
      title.children.map((s) => [s.level, s.title, s.line, s.ownEndLine, s.endLine]),
      [
        [2, '1. Requirements', 8, 15, 15],
        [2, 'Estimation', 15, 23, 27],
        [2, 'Setext title', 27, 30, 30],
      ],
    );
    const estimation = title.children[1];
    assert.equal(estimation.children[0].title, 'Sub bold heading');
    assert.equal(estimation.children[0].parent, estimation);
    assert.equal(parsed.sections.length, 5);
  });

  it('gives the heading text range without the hashes or closing sequence', () => {
    const sub = parsed.sections.find((s) => s.title === 'Sub bold heading')!;
    assert.deepEqual(sub.headingRange, { start: { line: 23, character: 4 }, end: { line: 23, character: 24 } });
  });

  it('ends ATX heading text before a closing sequence only when a blank precedes it', () => {
    const range = (line: string) => {
      const s = parseDocument(line).sections[0];
      return line.slice(s.headingRange.start.character, s.headingRange.end.character);
    };
    assert.equal(range('## Trade-offs ##   '), 'Trade-offs');
    assert.equal(range('## C# #'), 'C#');
    assert.equal(range('## Issue #42'), 'Issue #42');
    assert.equal(range('#\tTabs\t#\t'), 'Tabs');
  });

  it('types blocks: lists with task items and depth, fences with language, tables, images', () => {
    const list = parsed.blocks.find((b) => b.kind === 'list')!;
    assert.deepEqual(
      list.items!.map((i) => [i.line, i.depth, i.text, i.checked]),
      [
        [9, 0, 'Users can send messages', true],
        [10, 0, 'Groups', undefined],
        [11, 1, 'up to 100 members', undefined],
      ],
    );
    const fence = parsed.blocks.find((b) => b.kind === 'code')!;
    assert.equal(fence.lang, 'estimate');
    assert.equal(fence.contentLine, 17);
    assert.equal(fence.text, 'DAU = 10M users\n');
    const table = parsed.blocks.find((b) => b.kind === 'table')!;
    assert.deepEqual(table.table, { header: ['Decision', 'Choice'], rows: [['Cache', 'Redis']] });
    const image = parsed.blocks.find((b) => b.images)!;
    assert.deepEqual(image.images, [{ line: 25, src: 'arch.png', alt: 'architecture' }]);
  });

  it('reads suppression comments as their own blocks, not section content', () => {
    assert.deepEqual(parsed.suppressions, [{ codes: ['SD004', 'SD005'], line: 13, scope: 'file' }]);
    const requirements = parsed.sections.find((s) => s.title === '1. Requirements')!;
    assert.deepEqual(requirements.blocks.map((b) => b.kind), ['list', 'html']);
  });

  it('turns broken YAML into an error with a range instead of throwing', () => {
    const broken = parseDocument('---\ntitle: [unclosed\n---\n# Doc\n');
    assert.equal(broken.frontMatter.present, true);
    assert.match(broken.frontMatter.error!.message, /not valid YAML/);
    assert.ok(broken.frontMatter.error!.range.start.line >= 1);
    assert.equal(broken.sections[0].title, 'Doc');
  });

  it('rejects front matter that is not a mapping', () => {
    const list = parseDocument('---\n- a\n- b\n---\n');
    assert.match(list.frontMatter.error!.message, /mapping/);
    assert.deepEqual(list.frontMatter.data, {});
  });

  it('treats an unclosed front-matter fence as ordinary Markdown', () => {
    const open = parseDocument('---\ntitle: x\n# Heading');
    assert.equal(open.frontMatter.present, false);
  });

  it('handles CRLF line endings, a BOM and NUL bytes without shifting lines', () => {
    const crlf = parseDocument('\uFEFF# One\r\n\r\ntext\0here\r\n## Two\r\n');
    assert.deepEqual(crlf.sections.map((s) => [s.title, s.line]), [['One', 0], ['Two', 3]]);
    assert.equal(crlf.lines.length, 5);
  });

  it('ignores headings inside lists and block quotes', () => {
    const nested = parseDocument('# Top\n\n> # Quoted\n\n- # Listed\n');
    assert.deepEqual(nested.sections.map((s) => s.title), ['Top']);
  });

  it('reads heading text with escapes, entities, emphasis and code spans as plain words', () => {
    const h = parseDocument('## Trade\\-offs &amp; *Risks* `v2` &#35;1\n');
    assert.equal(h.sections[0].title, 'Trade-offs & Risks v2 #1');
  });

  it('finds images written with a reference defined elsewhere, inside lists and tables', () => {
    const d = parseDocument(['# A', '', '- see ![flow][f]', '', '| x |', '|---|', '| ![t](t.png) |', '', '# B', '', '[f]: flow.svg'].join('\n'));
    assert.deepEqual(
      d.blocks.flatMap((b) => b.images ?? []),
      [
        { line: 2, src: 'flow.svg', alt: 'flow' },
        { line: 6, src: 't.png', alt: 't' },
      ],
    );
  });

  it('reads an inline suppression comment, but not one inside a code span', () => {
    const d = parseDocument('Text <!-- sysdesign-disable SD003 --> here.\n\nSee `<!-- sysdesign-disable SD004 -->` for syntax.\n');
    assert.deepEqual(d.suppressions, [{ codes: ['SD003'], line: 0, scope: 'file' }]);
  });

  it('supports next-line suppressions and suppressions without codes', () => {
    const s = parseDocument('<!-- sysdesign-disable-next-line SD006 -->\n```sql\n```\n<!-- sysdesign-disable -->\n');
    assert.deepEqual(s.suppressions, [
      { codes: ['SD006'], line: 0, scope: 'next-line' },
      { codes: [], line: 3, scope: 'file' },
    ]);
  });
});

describe('normalizeHeading', () => {
  const cases: Array<[string, string]> = [
    ['📋 Step 1: Clarify Requirements (5-7 minutes)', 'clarify requirements 5 7 minutes'],
    ['PHASE 10: TRADE-OFFS DISCUSSION', 'trade offs discussion'],
    ['1. Requirements', 'requirements'],
    ['1.2 Data Model', 'data model'],
    ['II. Trade-offs & Risks', 'trade offs and risks'],
    ['Phase 10 - Monitoring', 'monitoring'],
    ['10x Traffic', '10x traffic'],
    ['**High-Level Design**', 'high level design'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(normalizeHeading(input), expected));
  }
});

describe('heading text fast paths', () => {
  // The general forms that the ASCII and plain-text fast paths must agree with.
  function normalizeUnicode(text: string): string {
    const junk = /^[^\p{L}\p{N}]+/u;
    const numbering = /^(?:(?:step|phase|part|section|chapter|stage)\s*)?(?:\d+(?:\.\d+)*\.?(?:\s*[):\-–—]\s*|\s+)|[ivx]+\s*[.):\-–—]\s*)/;
    let s = text.toLowerCase().replace(junk, '');
    for (let i = 0; i < 2; i++) s = s.replace(numbering, '').replace(junk, '');
    return s.replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  it('normalizes ASCII headings exactly as the Unicode classes do', () => {
    const ascii = fc.stringMatching(/^[ -~]{0,40}$/);
    fc.assert(fc.property(fc.oneof(ascii, fc.string({ maxLength: 40 })), (text) => normalizeHeading(text) === normalizeUnicode(text)), { numRuns: 5000 });
  });

  it('reads a heading without inline markup characters as markdown-it would', () => {
    const md = new MarkdownIt({ html: true });
    const plain = fc.stringMatching(/^[^\\&`*_~[\]!<\n\r]{1,40}$/);
    fc.assert(
      fc.property(plain, (words) => {
        const doc = parseDocument(`## ${words}\n`);
        const tokens = md.parse(`## ${words}\n`, {});
        const inline = tokens.find((t) => t.type === 'inline');
        const expected = (inline?.children ?? []).map((c) => (c.type === 'softbreak' ? ' ' : c.content)).join('').trim();
        return (doc.sections[0]?.title ?? '') === expected;
      }),
      { numRuns: 3000 },
    );
  });
});
