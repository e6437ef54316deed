import assert from 'node:assert/strict';
import { requirementsWithoutQuestions as rule } from '../../../src/core/rules/requirementsWithoutQuestions';
import { run, textAt } from './helpers';

const reqs = (body: string) => `# T\n\n## Requirements\n\n${body}\n\n## API\n\nGET /x/1\n`;

describe('SD014 requirements-without-questions', () => {
  it('flags requirements stated without any question or assumption, on the heading', () => {
    const doc = reqs('- Users post photos\n- Followers see them in a feed');
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Requirements');
    assert.match(findings[0].message, /clarifying questions or assumptions/);
  });

  it('is quiet when questions, assumptions or scope are recorded', () => {
    for (const body of ['- How many users? 10M.', 'Assumptions: reads dominate writes.', 'Out of scope: direct messages.', 'We clarified that video is not needed.']) {
      assert.deepEqual(run(rule, reqs(body)), [], body);
    }
  });

  it('is quiet when the phase is missing or empty', () => {
    assert.deepEqual(run(rule, reqs('TBD')), []);
    assert.deepEqual(run(rule, '# T\n\n## API\n\nx\n'), []);
  });
});
