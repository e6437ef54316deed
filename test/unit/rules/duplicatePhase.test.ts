import assert from 'node:assert/strict';
import { duplicatePhase } from '../../../src/core/rules/duplicatePhase';
import { run, textAt } from './helpers';

describe('SD011 duplicate-phase', () => {
  it('flags the second heading of a phase and names the first one’s line', () => {
    const doc = ['# T', '', '## Trade-offs', '', 'A vs B.', '', '## API', 'x', '', '### Trade-offs (again)', 'more'].join('\n');
    const findings = run(duplicatePhase, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Trade-offs (again)');
    assert.equal(findings[0].range.start.line, 9);
    assert.match(findings[0].message, /line 3/);
    assert.match(findings[0].message, /Merge/);
    assert.equal(findings[0].phaseId, 'trade-offs');
  });

  it('reports every extra copy', () => {
    const doc = '## API\nx\n## API v2\ny\n## Public API\nz\n';
    const findings = run(duplicatePhase, doc);
    assert.deepEqual(
      findings.map((f) => f.range.start.line),
      [2, 4],
    );
  });

  it('is quiet when each phase appears once', () => {
    assert.deepEqual(run(duplicatePhase, '## API\nx\n## Data model\ny\n## Trade-offs\nz\n'), []);
  });
});
