import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { missingPhase } from '../../../src/core/rules/missingPhase';
import { missingSectionEdit } from '../../../src/core/rules/util/insertSection';
import { applyEdits, applyFix, context, run, textAt } from './helpers';

const FULL = [
  '# Design: URL shortener',
  '',
  '## Requirements',
  '',
  'Shorten links.',
  '',
  '## Estimation',
  '',
  '100M links a month.',
  '',
  '## API',
  '',
  'POST /links',
  '',
  '## Data model',
  '',
  'Links table.',
  '',
  '## High-level design',
  '',
  'Service and database.',
  '',
  '## Trade-offs',
  '',
  'SQL vs NoSQL.',
  '',
].join('\n');

function without(title: string, doc = FULL): string {
  const lines = doc.split('\n');
  const start = lines.indexOf(title);
  let end = start + 1;
  while (end < lines.length && !lines[end].startsWith('## ')) end++;
  lines.splice(start, end - start);
  return lines.join('\n');
}

describe('SD001 missing-phase', () => {
  it('is quiet when every required phase has a section', () => {
    assert.deepEqual(run(missingPhase, FULL), []);
  });

  it('ignores optional phases (monitoring, deep dive, wrap-up)', () => {
    const findings = run(missingPhase, FULL);
    assert.equal(findings.filter((f) => ['monitoring', 'deep-dive', 'wrap-up'].includes(f.phaseId ?? '')).length, 0);
  });

  it('reports a missing phase on the document title with its phase id', () => {
    const doc = without('## Estimation');
    const findings = run(missingPhase, doc);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].phaseId, 'estimation');
    assert.equal(textAt(doc, findings[0].range), 'Design: URL shortener');
    assert.match(findings[0].message, /No Estimation section/);
    assert.match(findings[0].message, /Test framework/);
    assert.equal(findings[0].severity, undefined);
  });

  it('makes a missing trade-offs section an error and says why it matters', () => {
    const findings = run(missingPhase, without('## Trade-offs'));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'error');
    assert.match(findings[0].message, /at least two options/);
  });

  it('inserts the section between the neighbouring phases in framework order', () => {
    const doc = without('## Estimation');
    const [finding] = run(missingPhase, doc);
    assert.equal(finding.fix?.title, 'Insert Estimation section');
    const fixed = applyFix(doc, finding);
    const lines = fixed.split('\n');
    const at = lines.indexOf('## Estimation');
    assert.ok(at > lines.indexOf('## Requirements') && at < lines.indexOf('## API'), fixed);
    assert.equal(lines[at - 1], '', 'blank line before the heading');
    assert.equal(lines[at + 1], '', 'blank line after the heading');
    assert.ok(fixed.includes('Shorten links.\n\n## Estimation\n\n'), fixed);
    assert.ok(/TODO\n\n## API/.test(fixed), fixed);
    assert.deepEqual(run(missingPhase, fixed), [], 'the fixed document has no missing phase');
  });

  it('puts a missing first phase before the first present phase', () => {
    const doc = without('## Requirements');
    const fixed = applyFix(doc, run(missingPhase, doc)[0]);
    const lines = fixed.split('\n');
    assert.ok(lines.indexOf('## Requirements') < lines.indexOf('## Estimation'));
    assert.ok(lines.indexOf('## Requirements') > 0);
  });

  it('appends a missing last phase at the end, after the last present section', () => {
    const doc = without('## Trade-offs');
    const fixed = applyFix(doc, run(missingPhase, doc)[0]);
    assert.ok(fixed.indexOf('## Trade-offs') > fixed.indexOf('Service and database.'));
    assert.ok(fixed.endsWith('\n'), 'keeps the final line break');
    assert.ok(fixed.includes('Option A'), 'trade-offs skeleton compares options');
  });

  it('uses the heading level of sibling phases', () => {
    const nested = [
      '# Doc',
      '## Design',
      '### Requirements',
      'R.',
      '### API',
      'A.',
      '## Appendix',
      'X.',
    ].join('\n');
    const ctx = context(nested);
    const edit = missingSectionEdit(ctx, 'estimation');
    assert.ok(edit);
    assert.equal(edit.range.start.line, 4, 'before ### API, inside ## Design');
    assert.ok(edit.newText.startsWith('\n### Estimation\n'), edit.newText);
  });

  it('inserts before the next phase when that phase sits inside the previous one', () => {
    const doc = ['# Doc', '## Deep dive', 'R.', '### API', 'A.'].join('\n');
    const edit = missingSectionEdit(context(doc), 'estimation');
    assert.ok(edit);
    assert.equal(edit.range.start.line, 3);
    assert.ok(edit.newText.startsWith('\n### Estimation\n'), 'blank line after "R."');
  });

  it('inserts after the part that holds the previous phase, not between its sub-sections', () => {
    const doc = ['# Chat', '', '## Requirements', '', 'Chat.', '', '## High-level design', '', 'Boxes.', '', '## Deep dive', '', '### Caching', '', 'Redis.', '', '### Scaling', '', 'Shards.', '', '### Notes on ids', '', 'Snowflake.', '', '## Wrap-up', '', 'Done.', ''].join('\n');
    const fixed = applyEdits(doc, [missingSectionEdit(context(doc), 'trade-offs')!]);
    const lines = fixed.split('\n');
    const at = lines.indexOf('## Trade-offs');
    assert.ok(at > lines.indexOf('Snowflake.') && at < lines.indexOf('## Wrap-up'), fixed);
  });

  it('stays quiet on a document that shows too little of the framework to judge', () => {
    // No headings at all, or only one or two parts: nothing says which parts the author meant to write.
    assert.deepEqual(run(missingPhase, 'Just some notes.'), []);
    assert.deepEqual(run(missingPhase, '# T\n\n## Requirements\n\nUsers post.\n\n## API\n\nGET /x\n'), []);
    assert.equal(run(missingPhase, '# T\n\n## Requirements\n\nUsers post.\n\n## API\n\nGET /x\n\n## Data model\n\nTables.\n').length, 3);
  });

  it('its fix appends at level 2 when the document has no headings', () => {
    const doc = 'Just some notes.';
    const edit = missingSectionEdit(context(doc), 'requirements');
    assert.ok(edit);
    const fixed = applyEdits(doc, [edit]);
    assert.ok(fixed.startsWith('Just some notes.\n\n## Requirements\n\n'), fixed);
  });


  it('closes a code fence left open at the end before appending a section', () => {
    const doc = without('## Trade-offs') + '```sql\nCREATE TABLE t (id INT PRIMARY KEY);\n';
    const [finding] = run(missingPhase, doc);
    const fixed = applyFix(doc, finding);
    assert.ok(fixed.includes('PRIMARY KEY);\n```\n\n## Trade-offs'), fixed);
    assert.deepEqual(run(missingPhase, fixed), []);
  });

  it('keeps CRLF line breaks in inserted text', () => {
    const doc = without('## Estimation').replace(/\n/g, '\r\n');
    const [finding] = run(missingPhase, doc);
    const text = finding.fix!.edits[0].newText;
    assert.ok(text.includes('\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'no bare LF');
  });

  it('returns no edit for a phase that is present or unknown', () => {
    const ctx = context(FULL);
    assert.equal(missingSectionEdit(ctx, 'api'), undefined);
    assert.equal(missingSectionEdit(ctx, 'nope'), undefined);
  });

  it('uses the framework template when the phase has one', () => {
    const ctx = context(without('## Estimation'));
    const estimation = ctx.phases.find((p) => p.phase.id === 'estimation')!;
    estimation.phase = { ...estimation.phase, template: 'Custom body line' };
    const edit = missingSectionEdit(ctx, 'estimation');
    // The heading, what the phase asks for (as a comment the rendered page hides), then the template.
    assert.match(edit?.newText ?? '', /## Estimation\n\n(?:<!-- [^\n]* -->\n\n)?Custom body line/);
  });

  it('asks a framework guessed from the headings only for what its genre needs; a named one for all it requires', () => {
    const body = FULL.replace('## Estimation', '## Scale and performance\n\n10k writes/s.\n\n## Connect the dots')
      .replace('## Requirements', '## Understand the problem')
      .replace('## Data model', '## Core data model');
    const guessed = analyze(body);
    assert.equal(guessed.choice.framework.id, 'key-steps', guessed.choice.reason);
    const missing = (a: ReturnType<typeof analyze>) => a.findings.filter((f) => f.code === 'SD001').map((f) => f.phaseId);
    // "Critically evaluate the design" is that framework's own step, not something every write-up has.
    assert.deepEqual(missing(guessed), []);
    assert.deepEqual(missing(analyze(`---\nsysdesign: key-steps\n---\n${body}`)), ['critical-evaluation']);
  });

  it('reads a list the write-up opens with as its requirements', () => {
    const opening = `1. Upload photos.\n2. News feed.\n3. Follow people.\n\n${without('## Requirements').replace('# Design: URL shortener\n', '')}`;
    const phase = analyze(opening).phases.find((p) => p.phase.id === 'requirements');
    assert.equal(phase?.status, 'present');
    assert.match(phase?.reason ?? '', /opens with/);
    assert.equal(analyze(`Links get shorter.\n\n${without('## Requirements')}`).phases.find((p) => p.phase.id === 'requirements')?.status, 'missing', 'an opening sentence is no requirements list');
  });
});
