import assert from 'node:assert/strict';
import { architectureWithoutDiagram } from '../../../src/core/rules/architectureWithoutDiagram';
import { applyFix, run, textAt } from './helpers';

const hld = (body: string) => `# T\n\n## High-Level Design\n\n${body}\n\n## Trade-offs\n\nA vs B.\n`;

describe('SD005 architecture-without-diagram', () => {
  it('flags a high-level design made only of prose and lists, on its heading', () => {
    const doc = hld('Clients call the API service, which reads from Redis and Postgres.\n\n- Load balancer\n- App servers');
    const findings = run(architectureWithoutDiagram, doc);
    assert.equal(findings.length, 1);
    assert.equal(textAt(doc, findings[0].range), 'High-Level Design');
    assert.equal(findings[0].phaseId, 'high-level-design');
    assert.match(findings[0].message, /no diagram/);
  });

  it('accepts Mermaid, PlantUML, Graphviz fences, images, HTML images and ASCII drawings', () => {
    const bodies = [
      '```mermaid\nflowchart LR\n  A --> B\n```',
      '```plantuml\n@startuml\nA -> B\n@enduml\n```',
      '```dot\ndigraph { a -> b }\n```',
      '```graphviz\ndigraph { a -> b }\n```',
      'See ![architecture](./arch.png).',
      '<img src="arch.svg" alt="arch">',
      '```\n[Client] → [LB] → [API]\n```',
      '```text\nclient --> lb --> api\n```',
    ];
    for (const body of bodies) assert.deepEqual(run(architectureWithoutDiagram, hld(`Overview.\n\n${body}`)), [], body);
  });

  it('finds a diagram in a sub-section of the design', () => {
    const doc = hld('Overview.\n\n### Diagram\n\n```mermaid\ngraph TD; a-->b\n```');
    assert.deepEqual(run(architectureWithoutDiagram, doc), []);
  });

  it('does not take code in a programming language with -> for a diagram', () => {
    const doc = hld('Overview.\n\n```cpp\nnode->next = head;\n```');
    assert.equal(run(architectureWithoutDiagram, doc).length, 1);
  });

  it('leaves empty or missing design sections to SD001/SD002', () => {
    assert.deepEqual(run(architectureWithoutDiagram, hld('TODO')), []);
    assert.deepEqual(run(architectureWithoutDiagram, '# T\n\n## API\n\nGET /x\n'), []);
  });

  it('fix inserts a Mermaid flowchart after the section text, which silences the rule', () => {
    const doc = hld('Clients call the API service.');
    const [finding] = run(architectureWithoutDiagram, doc);
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('Clients call the API service.\n\n```mermaid\nflowchart LR\n'), fixed);
    assert.ok(fixed.includes('```\n\n## Trade-offs'), fixed);
    assert.match(fixed, /Load balancer/);
    assert.match(fixed, /\(Database\)/);
    assert.deepEqual(run(architectureWithoutDiagram, fixed), []);
  });
});

describe('SD005 with a duplicate design section', () => {
  it('counts a diagram in a second section of the same phase', () => {
    const doc = '# T\n\n## High-level design\n\nServices talk over gRPC.\n\n## Architecture\n\n```mermaid\ngraph LR; a-->b\n```\n';
    assert.deepEqual(run(architectureWithoutDiagram, doc), []);
  });
});
