import assert from 'node:assert/strict';
import { estimationWithoutNumbers as rule } from '../../../src/core/rules/estimationWithoutNumbers';
import { run, textAt } from './helpers';

const est = (body: string, heading = 'Step 2: Estimation') => `# T\n\n## ${heading}\n\n${body}\n\n## API\n\nGET /x/1\n`;

describe('SD012 estimation-without-numbers', () => {
  it('flags an estimation written only in words, on its heading', () => {
    const doc = est('Traffic is high and storage grows quickly, so we will need sharding.');
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Step 2: Estimation');
    assert.match(findings[0].message, /no figures/);
  });

  it('does not count digits in the heading', () => {
    assert.equal(run(rule, est('Lots of traffic.', '2. Estimation for 2024')).length, 1);
  });

  it('is quiet when any line has a number, in prose, lists or an estimate fence', () => {
    for (const body of ['50M tweets a day.', '- DAU: ten million, 5 posts each', '```estimate\nDAU = 10M users\n```']) {
      assert.deepEqual(run(rule, est(body)), [], body);
    }
  });

  it('leaves an empty estimation to SD002', () => {
    assert.deepEqual(run(rule, est('TODO')), []);
  });
});
