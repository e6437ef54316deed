import assert from 'node:assert/strict';
import { parseQuantity } from '../../src/core/estimate/index';
import { lineCount } from '../../src/core/estimate/sources';
import { magnitudeOf, scanNumber, suffixOf } from '../../src/core/estimate/numbers';
import { lookupUnit } from '../../src/core/estimate/units';

describe('estimate: word tables and literal values', () => {
  it('words named like Object.prototype members are count nouns, not broken units or magnitudes', () => {
    // These used to index plain objects and find inherited functions, so the quantity became NaN.
    assert.deepEqual(parseQuantity('5 constructor'), { value: 5, unit: '', label: 'constructor' });
    assert.deepEqual(parseQuantity('2 toString'), { value: 2, unit: '', label: 'toString' });
    assert.equal(lookupUnit('constructor', 30, 365), undefined);
    assert.equal(lookupUnit('hasOwnProperty', 30, 365), undefined);
    assert.equal(magnitudeOf('toString'), undefined);
    assert.equal(suffixOf('valueOf'), undefined);
  });

  it('magnitude words ignore case, suffixes do not', () => {
    assert.equal(magnitudeOf('Million'), 1e6);
    assert.equal(magnitudeOf('CRORE'), 1e7);
    assert.equal(suffixOf('K'), 1e3);
    assert.equal(suffixOf('bn'), 1e9);
    assert.equal(suffixOf('BN'), undefined);
    assert.deepEqual(parseQuantity('2.5 Thousand requests'), { value: 2500, unit: '', label: 'requests' });
  });

  it('unit words keep their case rules', () => {
    assert.equal(lookupUnit('Days', 30, 365)?.factor, 86400);
    assert.equal(lookupUnit('MS', 30, 365), undefined); // two letters: case-sensitive
    assert.equal(lookupUnit('Gigabytes', 30, 365)?.factor, 1e9);
    assert.equal(lookupUnit('month', 28, 365)?.factor, 28 * 86400);
  });

  it('literal values match Number() for grouped, underscored, long and decimal literals', () => {
    for (const raw of ['0', '7', '007', '5,116', '442,000,000', '1_000_000', '999,999,999,999,999', '1234567890123456', '12,345,678,901,234,567', '3.25', '0.1', '.5', '1,234.5']) {
      const n = scanNumber(raw, 0)!;
      assert.equal(n.value, Number(raw.replace(/[,_]/g, '')), raw);
      assert.equal(n.end, raw.length, raw);
    }
  });

  it('superscript powers are read after a literal, other characters end it', () => {
    assert.equal(scanNumber('10⁶', 0)!.value, 1e6);
    assert.equal(scanNumber('2³', 0)!.value, 8);
    assert.equal(scanNumber('10⁻²', 0)!.value, 0.01);
    assert.equal(scanNumber('10×2', 0)!.end, 2);
  });

  it('lineCount counts lines as split does, ignoring one final newline', () => {
    for (const text of ['', '\n', 'a', 'a\n', 'a\nb', 'a\nb\n', 'a\n\n', '\n\n\n', 'a\n\nb']) {
      assert.equal(lineCount(text), text.replace(/\n$/, '').split('\n').length, JSON.stringify(text));
    }
  });
});

describe('estimate: line memo settings check', () => {
  it('treats settings as the same only when every field has the same value', async () => {
    const { sameSettings } = await import('../../src/core/estimate/lineMemo');
    const a = { daysPerMonth: 30, daysPerYear: 365 };
    assert.equal(sameSettings(a, { daysPerYear: 365, daysPerMonth: 30 }), true);
    assert.equal(sameSettings(a, { daysPerMonth: 31, daysPerYear: 365 }), false);
    assert.equal(sameSettings(a, { daysPerMonth: 30 }), false);
    assert.equal(sameSettings(a, { daysPerMonth: 30, daysPerYear: 365, extra: 1 }), false);
    assert.equal(sameSettings({ x: NaN }, { x: NaN }), true);
    assert.equal(sameSettings({ x: undefined }, { y: undefined }), false);
    assert.equal(sameSettings(a, undefined), false);
  });
});
