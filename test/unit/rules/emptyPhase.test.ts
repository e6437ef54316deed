import assert from 'node:assert/strict';
import { emptyPhase } from '../../../src/core/rules/emptyPhase';
import { run, textAt } from './helpers';
import { analyze } from '../../../src/core/analyze';
import { FrameworkRegistry } from '../../../src/core/frameworks/registry';
import { newDocument } from '../../../src/cli/newDocument';

describe('SD002 empty-phase', () => {
  it('flags a phase heading followed directly by the next heading, on the heading text', () => {
    const doc = '# T\n\n## 2. Estimation\n\n## API\n\nGET /x returns things.\n';
    const findings = run(emptyPhase, doc);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].phaseId, 'estimation');
    assert.equal(textAt(doc, findings[0].range), '2. Estimation');
    assert.match(findings[0].message, /only a heading or placeholder/);
    assert.match(findings[0].message, /Guidance for Estimation\./);
  });

  it('flags placeholder-only content: TODO, TBD, empty labels, ellipsis, comments', () => {
    const doc = [
      '## Estimation',
      '',
      'TODO',
      '',
      '- Pros: TBD',
      '- Cons: ...',
      '- [ ] todo',
      '',
      '<!-- fill this in later -->',
      '',
      '**Traffic:**',
      '',
      '## API',
      '',
      'Real content.',
    ].join('\n');
    const findings = run(emptyPhase, doc);
    assert.deepEqual(
      findings.map((f) => f.phaseId),
      ['estimation'],
    );
  });

  it('is quiet when the phase has real text, a table, or content only in a sub-section', () => {
    const doc = [
      '## Estimation',
      '',
      '10M DAU.',
      '## Requirements',
      '',
      '| Need | Value |',
      '|---|---|',
      '| Users | 1M |',
      '## API',
      '### Endpoints',
      '- `GET /feed`',
      '## Data model',
      '```sql',
      'CREATE TABLE t (id INT PRIMARY KEY);',
      '```',
    ].join('\n');
    assert.deepEqual(run(emptyPhase, doc), []);
  });

  it('still treats a table with only empty body cells as empty', () => {
    const doc = '## Estimation\n\n| Metric | Value |\n|---|---|\n| | |\n';
    assert.equal(run(emptyPhase, doc).length, 1);
  });

  it('asks (hints) about the empty sections of a document nobody has written in yet, and warns once one is written', () => {
    const fresh = newDocument(FrameworkRegistry.withBuiltIns().get('default')!, 'Feed');
    const before = analyze(fresh).findings.filter((f) => f.code === 'SD002');
    assert.ok(before.length >= 10, 'every phase of the template is empty');
    assert.deepEqual([...new Set(before.map((f) => f.severity))], ['hint'], 'a fresh template is a to-do list, not a page of warnings');
    const written = fresh.replace('## Requirements\n', '## Requirements\n\nUsers post short messages and read a feed of the people they follow.\n');
    const after = analyze(written).findings.filter((f) => f.code === 'SD002');
    assert.equal(after.length, before.length - 1);
    assert.deepEqual([...new Set(after.map((f) => f.severity))], ['warning']);
  });
});
