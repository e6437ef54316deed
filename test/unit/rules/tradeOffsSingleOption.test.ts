import assert from 'node:assert/strict';
import { tradeOffsSingleOption } from '../../../src/core/rules/tradeOffsSingleOption';
import { applyFix, run, textAt } from './helpers';

const tradeOffs = (body: string, heading = 'Trade-offs') => `# T\n\n## ${heading}\n\n${body}\n\n## Wrap-up\n\nDone.\n`;

describe('SD003 trade-offs-single-option', () => {
  it('flags a trade-offs section that only defends one choice, on its heading', () => {
    const doc = tradeOffs('We use PostgreSQL because it is reliable and the team knows it.');
    const findings = run(tradeOffsSingleOption, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Trade-offs');
    assert.match(findings[0].message, /single option/);
    assert.equal(findings[0].phaseId, 'trade-offs');
  });

  it('recognises the usual ways of naming two options', () => {
    const bodies = [
      'Option A: fan-out on write.\n\nOption B: fan-out on read.',
      '```\nOption 1: push\nOption 2: pull\n```',
      'Consistency vs availability: we pick availability.',
      'SQL versus NoSQL for the feed store.',
      'Should tweets live in `Cassandra` or `DynamoDB`? Cassandra.',
      'Redis or Memcached: Redis, for its data types.',
      '- Chose Kafka over RabbitMQ for replay.',
      'We precompute feeds instead of building them on read.',
      '| Option | Latency |\n|---|---|\n| Push | low |\n| Pull | high |',
      '### Push model\n\nFast reads.\n\n### Pull model\n\nFast writes.',
    ];
    for (const body of bodies) assert.deepEqual(run(tradeOffsSingleOption, tradeOffs(body)), [], body);
    assert.deepEqual(run(tradeOffsSingleOption, tradeOffs('We went with it.', 'Trade-offs: push or pull')), []);
  });

  it('does not count a lower-case "or" in prose, one Option label, or a one-row table', () => {
    for (const body of [
      'Reads may be stale for a second or two, which is fine.',
      'Option A: fan-out on write. It is fast.',
      '| Option | Latency |\n|---|---|\n| Push | low |',
      '### Push model\n\nFast reads.',
    ]) {
      assert.equal(run(tradeOffsSingleOption, tradeOffs(body)).length, 1, body);
    }
  });

  it('leaves an empty trade-offs section to SD002', () => {
    assert.deepEqual(run(tradeOffsSingleOption, tradeOffs('TBD')), []);
  });

  it('fix appends an Option A / Option B skeleton that satisfies the rule', () => {
    const doc = tradeOffs('We use PostgreSQL.');
    const fixed = applyFix(doc, run(tradeOffsSingleOption, doc)[0]);
    assert.ok(fixed.includes('We use PostgreSQL.\n\n**Option A: TODO**'), fixed);
    assert.ok(fixed.indexOf('**Option B') < fixed.indexOf('## Wrap-up'));
    assert.deepEqual(run(tradeOffsSingleOption, fixed), []);
  });
});
