import assert from 'node:assert/strict';
import { phaseLines, phaseRanges, phaseSubHeadings, somePhaseLine } from '../../../src/core/rules/util/sections';
import type { RuleContext } from '../../../src/core/types';
import { context } from './helpers';

const DOC = [
  '# T',
  '',
  '## Trade-offs',
  '',
  'intro line',
  '',
  '### Option A',
  '',
  'a text',
  '',
  '### API design',
  '',
  '- `GET /x`',
  '',
  '### Option B',
  '',
  'b text',
  '',
  '## Trade offs again',
  '',
  'dup text',
  '',
].join('\n');

const tradeOffs = (ctx: RuleContext) => ctx.phases.find((r) => r.phase.id === 'trade-offs')!;

describe('rule section helpers', () => {
  it('somePhaseLine visits the lines phaseLines yields, in order, and stops at the first true', () => {
    const ctx = context(DOC);
    const result = tradeOffs(ctx);
    const expected = [...phaseLines(ctx, result)].map(([, text]) => text);
    const seen: string[] = [];
    assert.equal(somePhaseLine(ctx, result, (text) => (seen.push(text), false)), false);
    assert.deepEqual(seen, expected);
    assert.ok(expected.includes('dup text') && !expected.includes('- `GET /x`'), 'duplicate in, other phase out');

    const until: string[] = [];
    assert.equal(somePhaseLine(ctx, result, (text) => (until.push(text), text === 'a text')), true);
    assert.deepEqual(until, expected.slice(0, expected.indexOf('a text') + 1));
  });

  it('phaseRanges gives the same ranges on a second call and per context', () => {
    const ctx = context(DOC);
    const result = tradeOffs(ctx);
    const first = phaseRanges(ctx, result);
    assert.deepEqual(phaseRanges(ctx, result), first);
    // A different analysis of a different text is not answered from the first one's memo.
    const other = context(DOC.replace('intro line', 'intro line\nmore\nlines'));
    assert.notDeepEqual(phaseRanges(other, tradeOffs(other)), first);
  });

  it('phaseSubHeadings lists own sub-headings of every copy, not another phase’s', () => {
    const ctx = context(DOC);
    const titles = phaseSubHeadings(ctx, tradeOffs(ctx)).map((s) => s.title);
    assert.deepEqual(titles, ['Option A', 'Option B']);
  });
});
