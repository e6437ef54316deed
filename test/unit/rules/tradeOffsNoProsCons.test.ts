import assert from 'node:assert/strict';
import { tradeOffsNoProsCons } from '../../../src/core/rules/tradeOffsNoProsCons';
import { applyFix, run, textAt } from './helpers';

const tradeOffs = (body: string) => `# T\n\n## Trade-offs\n\n${body}\n\n## Wrap-up\n\nDone.\n`;

describe('SD004 trade-offs-no-pros-cons', () => {
  it('flags options compared without pros or cons, on the heading', () => {
    const doc = tradeOffs('SQL vs NoSQL: we pick SQL.');
    const findings = run(tradeOffsNoProsCons, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Trade-offs');
    assert.match(findings[0].message, /no pros and cons/);
  });

  it('says which side is missing', () => {
    assert.match(run(tradeOffsNoProsCons, tradeOffs('Benefits of SQL: joins.'))[0].message, /only benefits/);
    assert.match(run(tradeOffsNoProsCons, tradeOffs('Drawbacks of SQL: sharding.'))[0].message, /only drawbacks/);
  });

  it('accepts pros/cons, advantages/disadvantages, upside/downside, +/- lists, marks and tables', () => {
    const bodies = [
      'Option A\nPros: fast. Cons: costly.',
      'Strong consistency over availability. Pro: correct balances. Con: writes stop during a failover.',
      'Advantages: simple. Disadvantages: single writer.',
      'Benefits: low latency; drawbacks: stale reads.',
      'The upside is speed, the downside is memory.',
      '+ fast reads\n\n- slow writes',
      '✅ simple ❌ hard to shard',
      '| Option | Pros | Cons |\n|---|---|---|\n| Push | fast | costly |',
    ];
    for (const body of bodies) assert.deepEqual(run(tradeOffsNoProsCons, tradeOffs(body)), [], body);
  });

  it('does not count words from a sub-section that belongs to another phase', () => {
    const doc = '# T\n\n## Trade-offs\n\nSQL vs NoSQL: SQL.\n\n### Monitoring and alerting\n\n- Pros and cons of each dashboard\n';
    assert.equal(run(tradeOffsNoProsCons, doc).length, 1);
  });

  it('does not read a plain dash list as cons', () => {
    assert.equal(run(tradeOffsNoProsCons, tradeOffs('- SQL vs NoSQL\n- Push vs pull')).length, 1);
  });

  it('fix appends a Pros / Cons / When-to-use skeleton that satisfies the rule', () => {
    const doc = tradeOffs('SQL vs NoSQL: we pick SQL.');
    const fixed = applyFix(doc, run(tradeOffsNoProsCons, doc)[0]);
    assert.ok(fixed.includes('we pick SQL.\n\n- Pros: TODO\n- Cons: TODO\n- When to use: TODO\n\n## Wrap-up'), fixed);
    assert.deepEqual(run(tradeOffsNoProsCons, fixed), []);
  });
});
