import assert from 'node:assert/strict';
import { MAX_QUANTITY_LENGTH, parseQuantity } from '../../src/core/estimate/index';
import { close, one } from './estimate-helpers';
import fc from 'fast-check';
import { formatQuantity, roundSig } from '../../src/core/estimate/format';

function value(text: string): number | undefined {
  return parseQuantity(text)?.value;
}

describe('estimate: number grammar', () => {
  const cases: [string, number][] = [
    ['1,000', 1000],
    ['12,345,678', 12345678],
    ['1_000_000', 1e6],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1e6', 1e6],
    ['2.5e-3', 0.0025],
    ['10^6', 1e6],
    ['2^10', 1024],
    ['10⁶', 1e6],
    ['2³', 8],
    ['12K', 12000],
    ['12k', 12000],
    ['3M', 3e6],
    ['1bn', 1e9],
    ['2T', 2e12],
    ['2.6 million', 2.6e6],
    ['3 thousand', 3000],
    ['1 billion', 1e9],
    ['50%', 0.5],
    ['10^-3', 0.001],
  ];
  for (const [text, expected] of cases) {
    it(`reads ${text} as ${expected}`, () => {
      const v = value(text);
      assert.ok(v !== undefined, `${text} did not parse`);
      assert.ok(close(v, expected), `${text} → ${v}`);
    });
  }

  it('rejects thousands groups that are not three digits', () => {
    assert.equal(parseQuantity('1,00'), undefined);
    assert.equal(parseQuantity('1,0000'), undefined);
    assert.equal(parseQuantity('10,000,00'), undefined);
    const { findings } = one('x = 1,00 × 3');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'SE001');
    assert.match(findings[0].message, /1,00.*three digits/);
    assert.equal(findings[0].range.start.character, 4);
    assert.equal(findings[0].range.end.character, 8);
  });

  it('treats text longer than MAX_QUANTITY_LENGTH as not a quantity, and reads it up to the cap', () => {
    const pad = (q: string, length: number) => q + ' '.repeat(length - q.length);
    assert.deepEqual(parseQuantity(pad('18.3 TB', MAX_QUANTITY_LENGTH)), { value: 18.3e12, unit: 'B' });
    assert.equal(parseQuantity(pad('18.3 TB', MAX_QUANTITY_LENGTH + 1)), undefined);
    // The run that used to make the lexer's URL check retry at every word (quadratic).
    assert.equal(parseQuantity(`10 ${'a.'.repeat(100_000)}x GB`), undefined);
  });

  it('reads a glued B before a count noun as billion, and a spaced or prefixed B as bytes', () => {
    assert.equal(parseQuantity('1B messages')?.value, 1e9);
    assert.equal(parseQuantity('1B messages')?.unit, '');
    assert.deepEqual(parseQuantity('100 B'), { value: 100, unit: 'B' });
    assert.deepEqual(parseQuantity('5MB'), { value: 5e6, unit: 'B' });
  });

  it('hints when a glued B could be bytes, and says which reading it took', () => {
    for (const text of ['x = 5B', 'x = 5B/day × 2']) {
      const { findings, line } = one(text);
      const hint = findings.find((f) => f.code === 'SE004');
      assert.ok(hint, text);
      assert.equal(hint.severity, 'hint');
      assert.match(hint.message, /read as 5 billion/);
      assert.equal(hint.range.start.character, 4);
      assert.equal(hint.range.end.character, 6);
      assert.ok(line.value >= 5e9 / 86400);
    }
    assert.equal(one('x = 1B messages × 2').findings.length, 0);
  });

  it('keeps significant figures for `=` claims: 182 vs 182.5 is fine, 500 vs 511 is a hint', () => {
    assert.equal(one('100GB × 365 × 5 = 182TB').claim.status, 'ok');
    assert.equal(one('1M tweets × 280 bytes × 365 days × 5 years = 500GB').claim.status, 'hint');
  });
});

describe('roundSig', () => {
  // The reference: round half away from zero, then the decimal string round trip the fast path skips.
  function viaString(v: number, sig: number): number {
    if (v === 0 || !Number.isFinite(v)) return v;
    const s = Math.max(1, Math.min(21, sig));
    const scale = 10 ** (s - 1 - Math.floor(Math.log10(Math.abs(v))));
    const r = Math.round(Math.abs(v) * scale * (1 + 1e-12)) / scale;
    if (!Number.isFinite(r) || !Number.isFinite(scale)) return Number(v.toPrecision(s));
    return Math.sign(v) * Number(r.toPrecision(s));
  }

  it('rounds half away from zero in decimal', () => {
    assert.equal(roundSig(1.825, 3), 1.83);
    assert.equal(roundSig(-1.825, 3), -1.83);
    assert.equal(roundSig(11574.07, 3), 11600);
    assert.equal(roundSig(0.000123456, 2), 0.00012);
    assert.equal(roundSig(9.996, 3), 10);
  });

  it('gives the same double as the decimal string round trip, across magnitudes and precisions', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: 1e-9, max: 1e15, noNaN: true })),
        fc.integer({ min: 1, max: 21 }),
        (v, sig) => Object.is(roundSig(v, sig), viaString(v, sig)),
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('estimate: counts shown with their word', () => {
  it('says one server, two servers, and leaves words that are not plain plurals alone', () => {
    assert.equal(formatQuantity(0.347, '', { roundUp: true, label: 'servers' }), '1 server (0.347)');
    assert.equal(formatQuantity(1.2, '', { roundUp: true, label: 'servers' }), '2 servers (1.2)');
    assert.equal(formatQuantity(1, '', { label: 'boxes' }), '1 box');
    assert.equal(formatQuantity(1, '', { label: 'status' }), '1 status');
    assert.equal(formatQuantity(1, '', { label: 'GPUs' }), '1 GPU');
  });
});
