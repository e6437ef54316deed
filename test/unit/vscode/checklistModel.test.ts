import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { checklistEntries, phaseIcon, statusSummary } from '../../../src/vscode/checklistModel';

const text = [
  '---',
  'sysdesign: five-step',
  '---',
  '# Feed',
  '',
  '## Requirements',
  '',
  '- Users can post and read a feed.',
  '- p99 latency under 200 ms, 10M DAU.',
  '',
  '## High-level design',
  '',
  '```mermaid',
  'flowchart LR',
  '  client --> api --> db',
  '```',
  '',
  '- API service, database, cache',
  '',
  '## Trade-offs',
  '',
].join('\n');

describe('checklist model', () => {
  const analysis = analyze(text);
  const entries = checklistEntries(analysis);

  it('starts with the framework and says how it was chosen', () => {
    assert.equal(entries[0].kind, 'framework');
    assert.equal(entries[0].label, analysis.choice.framework.title);
    assert.match(entries[0].description, /front matter/);
    assert.match(entries[0].tooltip, /five-step/);
  });

  it('lists every phase in framework order with its status', () => {
    const phases = entries.filter((entry) => entry.kind === 'phase');
    assert.deepEqual(phases.map((entry) => entry.phaseId), analysis.choice.framework.phases.map((phase) => phase.id));
    const byId = new Map(phases.map((entry) => [entry.phaseId, entry]));
    assert.match(byId.get('requirements')!.description, /^present/);
    assert.equal(byId.get('requirements')!.line, 5);
    assert.match(byId.get('trade-offs')!.description, /^empty/);
    assert.equal(byId.get('trade-offs')!.icon.id, 'warning');
    const missing = byId.get('estimation')!;
    assert.equal(missing.contextValue, 'phase.missing');
    assert.equal(missing.icon.id, 'error');
    assert.equal(missing.line, undefined);
    assert.deepEqual(missing.children, []);
  });

  it('gives present phases their sub-checks as children that reveal the evidence', () => {
    const design = entries.find((entry) => entry.phaseId === 'high-level-design')!;
    assert.deepEqual(design.children.map((child) => child.contextValue), ['check.ok', 'check.ok']);
    assert.equal(design.icon.id, 'pass-filled');
    assert.ok(design.children.every((child) => child.line !== undefined && child.line >= 10));
    assert.ok(new Set(entries.flatMap((entry) => [entry.id, ...entry.children.map((child) => child.id)])).size > entries.length);
  });

  it('optional missing phases are an outline circle, not an error', () => {
    const optional = analyze('---\nsysdesign: default\n---\n# A\n').phases.find((phase) => !phase.phase.required)!;
    assert.equal(phaseIcon(optional).id, 'circle-large-outline');
  });

  it('summarises present phases for the status bar and lists the missing ones', () => {
    const summary = statusSummary(analysis);
    const present = analysis.phases.filter((phase) => phase.status === 'present').length;
    assert.equal(summary.text, `$(checklist) ${present}/${analysis.phases.length} phases`);
    assert.match(summary.tooltip, /Missing:/);
    assert.ok(summary.incomplete >= 2);
  });

  it("says in each present phase's tooltip why its section counts as that phase", () => {
    const design = entries.find((entry) => entry.phaseId === 'high-level-design')!;
    assert.match(design.tooltip, /Recognised: /);
    const inPlace = checklistEntries(analyze('---\nsysdesign: default\n---\n# A\n\n## Storage\n\nWe chose Postgres over Cassandra because joins matter more than write scale.\n'));
    const tradeOffs = inPlace.find((entry) => entry.phaseId === 'trade-offs')!;
    assert.match(tradeOffs.tooltip, /discussed in place, line 8/);
    assert.match(tradeOffs.description, /^present in place, line 8/);
    // The sub-checks read the passage itself: two options named, no pros and cons spelled out.
    assert.deepEqual(tradeOffs.children.map((c) => c.contextValue), ['check.ok', 'check.missing']);
  });

  it('puts an outline row first, with confirm and dismiss, only for a document taken by its outline', () => {
    assert.equal(entries.some((entry) => entry.kind === 'outline'), false);
    const withOutline = checklistEntries(analysis, 'its outline reads as a design doc (context, alternatives)');
    assert.equal(withOutline[0].kind, 'outline');
    assert.equal(withOutline[0].contextValue, 'outline');
    assert.match(withOutline[0].tooltip, /its outline reads as a design doc .*context, alternatives/);
    assert.deepEqual(withOutline.slice(1).map((entry) => entry.id), entries.map((entry) => entry.id));
  });
});
