import assert from 'node:assert/strict';
import fc from 'fast-check';
import { evaluateEstimates, formatQuantity, parseQuantity } from '../../src/core/estimate/index';
import { DEBUG } from '../../src/core/estimate/engine';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../src/core/types';

const UNITS = ['', '/s', 'B', 'B/s', 's', '$'];
const PERIODS = [1, 60, 3600, 86400, 604800];

describe('estimate: properties', () => {
  it('format then parse gives the same quantity within rounding', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e14, noNaN: true }),
        fc.constantFrom(...UNITS),
        fc.constantFrom(...PERIODS),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(undefined, 'users', 'writes'),
        (value, unit, period, binary, bits, label) => {
          const opts = {
            period: unit.includes('/s') ? period : undefined,
            binary: unit.includes('B') ? binary : false,
            bits: unit === 'B/s' ? bits && period === 1 : false,
            label: unit === '' || unit === '/s' ? label : undefined,
          };
          const text = formatQuantity(value, unit, opts);
          const back = parseQuantity(text);
          assert.ok(back, `could not re-read ${text}`);
          assert.equal(back.unit, unit, text);
          // 3 significant figures: within half a unit in the third digit.
          assert.ok(Math.abs(back.value - value) <= 0.0051 * Math.abs(value), `${value} ${unit} → ${text} → ${back.value}`);
        },
      ),
      { numRuns: 400 },
    );
  });

  const lineChars = fc.constantFrom(
    ...'0123456789 ,._^×*·x/÷+-()=≈~→?$%KMBTkbnGiTPs'.split(''),
    ' per ', ' in ', 'GB', 'MB/s', 'days', 'users', '1,000', '86,400', '10^', '\\approx', '\\times', 'Ã—', '`', ':', '→ ?',
  );
  const estimateish = fc.array(lineChars, { maxLength: 40 }).map((a) => a.join(''));
  const anyText = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40, unit: 'binary' }), estimateish);

  it('never throws on arbitrary lines, strict or lenient, and findings stay on their line', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(anyText, fc.boolean()), { maxLength: 5 }), (rows) => {
        const sources = rows.map(([text, strict], line) => ({ line, column: 3, text, strict }));
        DEBUG.lastError = undefined;
        const r = evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS);
        // The engine guards against bugs by dropping a line; none may actually happen.
        assert.equal(DEBUG.lastError, undefined, String(DEBUG.lastError));
        for (const f of r.findings) {
          const src = sources[f.range.start.line];
          assert.ok(src, 'finding on a line that was not given');
          assert.ok(f.range.start.character >= 3 && f.range.end.character <= 3 + src.text.length, JSON.stringify(f));
          if (!src.strict) assert.notEqual(f.code, 'SE001');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(fc.array(estimateish, { maxLength: 6 }), fc.boolean(), (texts, strict) => {
        const sources = texts.map((text, line) => ({ line, column: 0, text, strict }));
        const a = evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS);
        const b = evaluateEstimates(sources, DEFAULT_ESTIMATE_SETTINGS);
        assert.deepEqual(a, b);
      }),
      { numRuns: 300 },
    );
  });

  it('a strict line with a computed claim is ok exactly when the claim equals the computed value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 999 }), (a, b) => {
        const good = evaluateEstimates([{ line: 0, column: 0, text: `${a} × ${b} = ${a * b}`, strict: true }], DEFAULT_ESTIMATE_SETTINGS);
        assert.equal(good.lines[0].claims[0].status, 'ok');
        const bad = evaluateEstimates([{ line: 0, column: 0, text: `${a} × ${b} ≈ ${a * b * 3}`, strict: true }], DEFAULT_ESTIMATE_SETTINGS);
        assert.equal(bad.lines[0].claims[0].status, 'error');
      }),
      { numRuns: 200 },
    );
  });
});

describe('estimate: bounded work on hostile lines', () => {
  it('reports deep nesting and over-long strict lines instead of reading them', () => {
    const deep = evaluateEstimates([{ line: 0, column: 0, text: '('.repeat(500) + '1' + ')'.repeat(500) + ' = 1', strict: true }], DEFAULT_ESTIMATE_SETTINGS);
    assert.match(deep.findings[0].message, /too many nested brackets/);
    const long = evaluateEstimates([{ line: 0, column: 0, text: '1 + '.repeat(600) + '1 = 601', strict: true }], DEFAULT_ESTIMATE_SETTINGS);
    assert.match(long.findings[0].message, /too long/);
    const signs = evaluateEstimates([{ line: 0, column: 0, text: '-'.repeat(100) + '1 = 1', strict: true }], DEFAULT_ESTIMATE_SETTINGS);
    assert.equal(signs.findings[0].code, 'SE001');
  });

  it('stays silent on over-long prose lines and on prose full of brackets', () => {
    const prose = ['The estimate 5 GB × 365 = 2 PB appears in a very long paragraph. ' + 'More words here. '.repeat(80), '('.repeat(400) + '5 GB × 365 = 2 PB'];
    const r = evaluateEstimates(prose.map((text, line) => ({ line, column: 0, text, strict: false })), DEFAULT_ESTIMATE_SETTINGS);
    assert.equal(r.findings.length, 0);
  });
});
