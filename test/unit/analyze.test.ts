import assert from 'node:assert/strict';
import { analyze } from '../../src/core/analyze';
import { ALL_RULES } from '../../src/core/rules';
import type { RuleDef } from '../../src/core/types';

const NO_TRADE_OFFS = [
  '---',
  'sysdesign: default',
  '---',
  '# Paste bin',
  '',
  '## Requirements',
  '- Users paste text and get a short link.',
  '- 10M pastes per day, p99 read latency under 100 ms, 99.9% availability.',
  '',
  '## Capacity estimation',
  '10M pastes/day ÷ 86,400 ≈ 116 writes/s',
  '',
  '## High-level design',
  '```mermaid',
  'flowchart LR',
  '  Client --> API --> DB[(Store)]',
  '```',
].join('\n');

const codes = (text: string, options = {}) => analyze(text, options).findings.map((f) => f.code);

describe('analyze', () => {
  it('reports a missing trade-offs section as an error and names the framework choice', () => {
    const result = analyze(NO_TRADE_OFFS);
    const missing = result.findings.find((f) => f.code === 'SD001' && f.phaseId === 'trade-offs');
    assert.ok(missing, 'expected SD001 for trade-offs');
    assert.equal(missing.severity, 'error');
    assert.equal(result.choice.framework.id, 'default');
    assert.equal(result.choice.source, 'front-matter');
    assert.equal(result.phases.find((p) => p.phase.kind === 'trade-offs')?.status, 'missing');
  });

  it('applies severity settings by code or slug, and turns rules off', () => {
    const bySlug = analyze(NO_TRADE_OFFS, { rules: { 'missing-phase': 'info' } });
    assert.ok(bySlug.findings.filter((f) => f.code === 'SD001').every((f) => f.severity === 'info'));
    assert.ok(!codes(NO_TRADE_OFFS, { rules: { SD001: 'off' } }).includes('SD001'));
  });

  it('honours file-wide and next-line suppression comments', () => {
    const fileWide = NO_TRADE_OFFS.replace('# Paste bin', '# Paste bin\n<!-- sysdesign-disable SD001 -->');
    assert.ok(!codes(fileWide).includes('SD001'));
    assert.ok(codes(fileWide).length < codes(NO_TRADE_OFFS).length || !codes(NO_TRADE_OFFS).includes('SD001'));

    const wrong = NO_TRADE_OFFS.replace('≈ 116 writes/s', '≈ 900 writes/s');
    assert.ok(codes(wrong).includes('SE002'));
    const nextLine = wrong.replace('10M pastes/day ÷', '<!-- sysdesign-disable-next-line SE002 -->\n\n10M pastes/day ÷');
    assert.ok(!codes(nextLine).includes('SE002'));
  });

  it('turns broken front matter and unknown frameworks into findings and keeps analysing', () => {
    const broken = analyze(NO_TRADE_OFFS.replace('sysdesign: default', 'sysdesign: [default'));
    const fm = broken.findings.find((f) => f.code === 'SD100');
    assert.ok(fm);
    assert.equal(fm.range.start.line, 1);
    assert.ok(broken.findings.some((f) => f.code === 'SD001'));

    const unknown = analyze(NO_TRADE_OFFS.replace('sysdesign: default', 'sysdesign: no-such-framework'));
    const problem = unknown.findings.find((f) => f.code === 'SD101');
    assert.ok(problem);
    assert.match(problem.message, /no-such-framework/);
    assert.equal(unknown.choice.framework.id !== 'no-such-framework', true);
  });

  it('keeps going when a rule throws, and says which rule failed', () => {
    const broken: RuleDef = {
      code: 'SD998',
      slug: 'always-throws',
      description: 'test rule',
      defaultSeverity: 'warning',
      check: () => {
        throw new Error('boom');
      },
    };
    ALL_RULES.push(broken);
    try {
      const result = analyze(NO_TRADE_OFFS);
      const failed = result.findings.find((f) => f.code === 'SD199');
      assert.ok(failed);
      assert.match(failed.message, /SD998.*boom/);
      assert.ok(result.findings.some((f) => f.code === 'SD001'), 'other rules still ran');
    } finally {
      ALL_RULES.splice(ALL_RULES.indexOf(broken), 1);
    }
  });

  it('reuses the estimate report when only prose changed, and recomputes when an estimate line did', () => {
    const first = analyze(NO_TRADE_OFFS);
    const proseEdit = analyze(NO_TRADE_OFFS.replace('get a short link', 'get a short URL'));
    assert.equal(proseEdit.estimates, first.estimates);
    const estimateEdit = analyze(NO_TRADE_OFFS.replace('10M pastes/day', '30M pastes/day'));
    assert.notEqual(estimateEdit.estimates, first.estimates);
    assert.equal(estimateEdit.estimates.lines[0].claims[0].status, 'error');
    const otherSettings = analyze(NO_TRADE_OFFS, { estimate: { approxTolerance: 0.001 } });
    assert.notEqual(otherSettings.estimates, first.estimates);
  });

  it('keeps every range inside a document that is only front matter', () => {
    for (const text of ['---\n---', '---\nsysdesign: default\n---', '---\nsysdesign: [default\n---']) {
      const result = analyze(text);
      // A framework the author named is checked to the letter; an unmarked empty outline gives nothing to
      // judge; broken YAML is still reported.
      assert.equal(result.findings.some((f) => f.code === 'SD001'), text.includes('sysdesign: default'));
      if (text.includes('[')) assert.ok(result.findings.some((f) => f.code === 'SD100'));
      for (const f of result.findings) {
        assert.ok(f.range.end.line < result.document.lines.length, `${f.code} ends on line ${f.range.end.line}`);
        assert.ok(f.range.end.character <= result.document.lines[f.range.end.line].length);
      }
    }
  });

  it('sorts findings by position', () => {
    const lines = analyze(NO_TRADE_OFFS).findings.map((f) => f.range.start.line);
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });
});
