import assert from 'node:assert/strict';
import fc from 'fast-check';
import { estimateDigitEdit, generateDoc } from '../../bench/generate';
import { evaluateEstimates, extractEstimateSources } from '../../src/core/estimate';
import { clearLineMemo, linesRunLastTime } from '../../src/core/estimate/lineMemo';
import { parseDocument } from '../../src/core/parse';
import { DEFAULT_ESTIMATE_SETTINGS, type EstimateSettings } from '../../src/core/types';

function report(text: string, settings: EstimateSettings = DEFAULT_ESTIMATE_SETTINGS): string {
  return JSON.stringify(evaluateEstimates(extractEstimateSources(parseDocument(text)), settings));
}

function fresh(text: string, settings?: EstimateSettings): string {
  clearLineMemo();
  return report(text, settings);
}

describe('estimates re-run only the lines an edit affects', () => {
  it('gives the same report with remembered lines as from scratch, across a run of estimate edits', () => {
    const base = generateDoc(40_000, 12);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10_000 }), { minLength: 1, maxLength: 6 }), (seeds) => {
        let text = base;
        clearLineMemo();
        report(text);
        for (const seed of seeds) {
          text = estimateDigitEdit(text, seed);
          const warm = report(text);
          assert.equal(warm, fresh(text));
          report(text);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('re-runs a line whose name changed value, and keeps the lines that do not read it', () => {
    const doc = (dau: string) =>
      ['```estimate', `DAU = ${dau} users`, 'Writes = DAU × 2 / day', 'Other = 5 × 3 = 15', 'Writes / 86,400 ≈ ?', '```'].join('\n');
    clearLineMemo();
    const before = evaluateEstimates(extractEstimateSources(parseDocument(doc('10M'))), DEFAULT_ESTIMATE_SETTINGS);
    const after = evaluateEstimates(extractEstimateSources(parseDocument(doc('20M'))), DEFAULT_ESTIMATE_SETTINGS);
    assert.equal(after.lines[1].value, before.lines[1].value * 2);
    assert.equal(after.lines[3].value, before.lines[3].value * 2);
    assert.strictEqual(after.lines[2], before.lines[2], 'the line that reads no changed name is the remembered one');
    assert.notStrictEqual(after.lines[1], before.lines[1]);
    assert.equal(JSON.stringify(after), fresh(doc('20M')));
  });

  it('notices a name that a line looked up before it existed', () => {
    const doc = (first: string) => ['```estimate', first, 'Peak = Writes × 3', '```'].join('\n');
    clearLineMemo();
    const missing = evaluateEstimates(extractEstimateSources(parseDocument(doc('Total = 7'))), DEFAULT_ESTIMATE_SETTINGS);
    assert.ok(missing.findings.some((f) => f.code === 'SE006'), 'unknown name reported');
    const defined = evaluateEstimates(extractEstimateSources(parseDocument(doc('Writes = 100 /s'))), DEFAULT_ESTIMATE_SETTINGS);
    assert.ok(!defined.findings.some((f) => f.code === 'SE006'));
    assert.equal(JSON.stringify(defined), fresh(doc('Writes = 100 /s')));
  });

  it('forgets remembered lines when the settings change', () => {
    const text = ['```estimate', 'Storage = 1 GB / day × 365', '```'].join('\n');
    clearLineMemo();
    report(text);
    const settings = { ...DEFAULT_ESTIMATE_SETTINGS, daysPerYear: 360 };
    assert.equal(report(text, settings), fresh(text, settings));
    assert.notEqual(fresh(text, settings), fresh(text));
  });
});

describe('the estimate line memo on very large documents', () => {
  it('keeps the lines of a document with more estimate lines than its cap, so a keystroke re-runs one line, not all', () => {
    const lines = Array.from({ length: 24_000 }, (_, i) => `- ${i + 1} × 2 = ${2 * (i + 1)}`);
    const text = (edit: string) => `## Capacity estimation\n\n${lines.join('\n')}\n- ${edit}\n`;
    clearLineMemo();
    report(text('3 × 3 = 9'));
    assert.ok(linesRunLastTime() >= 24_000);
    report(text('3 × 3 = 8'));
    assert.equal(linesRunLastTime(), 1, 'only the edited line runs again');
    report(text('3 × 3 = 7'));
    assert.equal(linesRunLastTime(), 1, 'still only one after the memo passed its cap');
  });
});
