import assert from 'node:assert/strict';
import { nonFunctionalWithoutNumbers as rule } from '../../../src/core/rules/nonFunctionalWithoutNumbers';
import { numberFacts } from '../../../src/core/rules/util/quantities';
import { applyFix, run, TEST_FRAMEWORK, textAt } from './helpers';

const reqs = (body: string) => `# T\n\n## Requirements\n\n${body}\n\n## API\n\nPOST /x\n`;

describe('SD009 non-functional-without-numbers', () => {
  it('flags an NFR sub-section with no numbers, names all three, on its heading', () => {
    const doc = reqs('### Functional\n\n- Post tweets\n\n### Non-Functional Requirements\n\n- Highly available\n- Low latency\n- Scalable');
    const findings = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'Non-Functional Requirements');
    assert.match(findings[0].message, /no number for scale, latency and availability/);
  });

  it('names only the missing dimension', () => {
    const doc = reqs('**Non-functional:**\n\n- 500M users, 10M daily active\n- 99.9% availability\n- Fast');
    const [finding] = run(rule, doc);
    assert.match(finding.message, /no number for latency\./);
    assert.equal(textAt(doc, finding.range), '**Non-functional:**');
  });

  it('is quiet when scale, latency and availability all have numbers', () => {
    const bodies = [
      '### Non-functional\n\n- 10M DAU\n- p99 < 200\n- four nines',
      '- **Non-functional**: 50 million daily active users, delivery under 100ms, 99.95% uptime',
      '```\nFUNCTIONAL REQUIREMENTS:\n- Send messages\n\nNON-FUNCTIONAL REQUIREMENTS:\n- 500M users, 10M daily active\n- Real-time delivery (<100ms)\n- 99.9% availability\n```',
      'Serve 1B requests a day at 150 ms median with 99.9% availability.',
    ];
    for (const body of bodies) assert.deepEqual(run(rule, reqs(body)), [], body);
  });

  it('takes a target stated anywhere in the document only when its line names it as a target', () => {
    // "within 200 ms" names no latency target; "99.9% uptime" does; "10M users" is scale wherever it stands.
    const doc = reqs('Functional:\n- Feed shows 50 posts within 200 ms for 10M users at 99.9% uptime\n\nNon-functional:\n- Must be fast and reliable');
    const [finding] = run(rule, doc);
    assert.ok(finding);
    assert.match(finding.message, /no number for latency\./);
    assert.equal(textAt(doc, finding.range), 'Non-functional:');
  });

  it('is quiet when an SLO section elsewhere states the targets', () => {
    const doc = `${reqs('### Non-functional\n\n- Highly available\n- Low latency\n- 10M DAU')}\n## SLOs\n\n- p99 latency under 250 ms\n- 99.95% availability\n`;
    assert.deepEqual(run(rule, doc), []);
  });

  it('says when the requirements are split but have no non-functional part', () => {
    const doc = reqs('### Functional requirements\n\n- Shorten a URL\n- Redirect');
    const [finding] = run(rule, doc);
    assert.match(finding.message, /functional requirements only/);
    assert.equal(textAt(doc, finding.range), 'Requirements');
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('- Redirect\n\n### Non-functional requirements\n\n- Scale: TODO'), fixed);
  });

  it('reads scale from the estimates but not a latency or availability figure worded as no target', () => {
    const doc = reqs('Users post and read short messages.\n\n### Capacity estimation\n\n10M DAU, 600 writes per second, 99.9% of reads under 200 ms.');
    const [finding] = run(rule, doc);
    assert.ok(finding);
    assert.match(finding.message, /no number for latency and availability\./);
  });

  it('does not start the NFR part at a prose mention of non-functional requirements', () => {
    const doc = reqs('Clarify the functional and non-functional requirements first.\n\n### Questions\n\n- How many users? (1M, 100M?)');
    const [finding] = run(rule, doc);
    assert.equal(textAt(doc, finding.range), 'Requirements', 'falls back to the whole phase');
    assert.match(finding.message, /no number for latency and availability/);
  });

  it('reads several requirements phases as one and reports once', () => {
    const framework = {
      ...TEST_FRAMEWORK,
      phases: [
        ...TEST_FRAMEWORK.phases,
        { id: 'scale-reqs', kind: 'requirements' as const, title: 'Scale', headings: ['scale requirements'], required: false, needs: ['non-functional-requirements' as const] },
      ],
    };
    const doc = '# T\n\n## Requirements\n\nUsers post photos.\n\n## Scale requirements\n\n10M DAU, p99 under 300 ms, 99.9% uptime.\n';
    assert.deepEqual(run(rule, doc, framework), []);
    const vague = '# T\n\n## Requirements\n\nUsers post photos.\n\n## Scale requirements\n\nMust scale.\n';
    assert.equal(run(rule, vague, framework).length, 1);
  });

  it('leaves a placeholder requirements section to SD002', () => {
    assert.deepEqual(run(rule, reqs('TODO')), []);
  });

  it('fix appends bullets for the missing targets only, and they carry no numbers themselves', () => {
    const doc = reqs('### Non-functional\n\n- 10M DAU\n- Fast');
    const [finding] = run(rule, doc);
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('- Fast\n\n- Latency: TODO'), fixed);
    assert.ok(fixed.includes('- Availability: TODO'));
    assert.ok(!fixed.includes('- Scale: TODO'));
    assert.equal(run(rule, fixed).length, 1, 'TODO bullets do not satisfy the rule');
  });

  it('fix adds the targets to the list a list item labels, at the depth of its items', () => {
    const doc = reqs('- Functional\n  - Users send messages\n- Non-functional\n  - Low latency\n  - Highly available\n\nMore text.');
    const [finding] = run(rule, doc);
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('  - Highly available\n  - Scale: TODO'), fixed);
    assert.ok(fixed.includes('  - Availability: TODO (uptime target as a percentage)\n\nMore text.'), fixed);
    // A label item with no items of its own gets them nested under it.
    const bare = reqs('- Functional: chat\n- Non-functional: fast\n\nMore text.');
    const nested = applyFix(bare, run(rule, bare)[0]);
    assert.ok(nested.includes('- Non-functional: fast\n  - Scale: TODO'), nested);
  });

  it('offers no fix inside a code fence', () => {
    const doc = reqs('```\nNON-FUNCTIONAL:\n- fast\n```');
    const [finding] = run(rule, doc);
    assert.equal(finding.fix, undefined);
    assert.equal(textAt(doc, finding.range), 'NON-FUNCTIONAL:');
  });

  it('classifies numbers in a line', () => {
    assert.deepEqual(numberFacts('10k writes/s'), { scale: true, latency: false, availability: false });
    assert.deepEqual(numberFacts('p95 latency 300 ms'), { scale: false, latency: true, availability: false });
    assert.deepEqual(numberFacts('SLA: 99.5%'), { scale: false, latency: false, availability: true });
    assert.deepEqual(numberFacts('error rate below 1%'), { scale: false, latency: false, availability: false });
    assert.deepEqual(numberFacts('5TB a year'), { scale: true, latency: false, availability: false });
  });
});
