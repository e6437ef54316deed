import assert from 'node:assert/strict';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { blockParser, PlainTokenStateBlock } from '../../src/core/blockParser';

type State = InstanceType<typeof MarkdownIt.StateBlock>;
const marks = (s: State) => ({ bMarks: s.bMarks, eMarks: s.eMarks, tShift: s.tShift, sCount: s.sCount, bsCount: s.bsCount, lineMax: s.lineMax });

describe('block parser state', () => {
  const md = blockParser();
  const ours = (src: string) => new (PlainTokenStateBlock as unknown as typeof MarkdownIt.StateBlock)(src, md, {}, []);
  const theirs = (src: string) => new MarkdownIt.StateBlock(src, md, {}, []);

  it('reads the same line marks as markdown-it on edge cases', () => {
    for (const src of ['', '\n', 'a', 'a\n', '  ', 'a\n  ', 'a\n \t', '\tx\n  \ty\n', ' \t \n\n  - item\n    more', 'x\n\n\n', '\t\t# h\n    code\n']) {
      assert.deepStrictEqual(marks(ours(src)), marks(theirs(src)), JSON.stringify(src));
    }
  });

  it('reads the same line marks as markdown-it on any text of blanks, tabs, newlines and words', () => {
    const text = fc.array(fc.constantFrom(' ', '\t', '\n', 'a', '#', '-', '  ', '\n\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(text, (src) => assert.deepStrictEqual(marks(ours(src)), marks(theirs(src)))), { numRuns: 2000 });
  });

  it('parses to the same tokens as markdown-it with its own state', () => {
    const src = '# Title\n\n- a\n\t- b\n\n| id | name |\n| --- | --- |\n| 1 | x |\n\n```sql\nSELECT 1;\n```\n  \n> quote\n';
    const plain = md.parse(src, {});
    const State = md.block.State;
    md.block.State = MarkdownIt.StateBlock;
    try {
      const reference = md.parse(src, {});
      assert.deepStrictEqual(JSON.parse(JSON.stringify(plain)), JSON.parse(JSON.stringify(reference)));
    } finally {
      md.block.State = State;
    }
  });
});
