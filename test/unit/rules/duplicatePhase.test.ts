import assert from 'node:assert/strict';
import { duplicatePhase } from '../../../src/core/rules/duplicatePhase';
import { run, textAt } from './helpers';

describe('SD011 duplicate-phase', () => {
  it('flags a heading written again under the same parent and names the first one’s line', () => {
    const doc = ['# T', '', '## Trade-offs', '', 'A vs B.', '', '## API', 'x', '', '## Trade-offs', 'more'].join('\n');
    const findings = run(duplicatePhase, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Trade-offs');
    assert.equal(findings[0].range.start.line, 9);
    assert.match(findings[0].message, /line 3/);
    assert.match(findings[0].message, /Merge/);
    assert.equal(findings[0].phaseId, 'trade-offs');
  });

  it('reports every extra copy', () => {
    const doc = '## API\nx\n## API\ny\n## Api\nz\n';
    assert.deepEqual(
      run(duplicatePhase, doc).map((f) => f.range.start.line),
      [2, 4],
    );
  });

  it('is quiet on sections that cover different sides of one part', () => {
    for (const pair of [
      ['Functional requirements', 'Non-functional requirements'],
      ['Goals', 'Non-goals'],
      ['API', 'Public API'],
      ['Trade-offs', 'Alternatives considered'],
    ]) {
      assert.deepEqual(run(duplicatePhase, `## ${pair[0]}\nx\n## ${pair[1]}\ny\n`), [], pair.join(' / '));
    }
  });

  it('is quiet when the same heading sits under different parents (one per component)', () => {
    const doc = '## Deep dive\n### Feed service\n#### API\nx\n### Media service\n#### API\ny\n';
    assert.deepEqual(run(duplicatePhase, doc), []);
  });

  it('is quiet when each phase appears once', () => {
    assert.deepEqual(run(duplicatePhase, '## API\nx\n## Data model\ny\n## Trade-offs\nz\n'), []);
  });
});
