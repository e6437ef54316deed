import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import type { Finding, TextEdit } from '../../../src/core/types';
import { planFixAll } from '../../../src/core/fixAllEdits';
import { applyEdits } from './applyEdits';

const at = (line: number, from: number, to = from, text = 'x'): TextEdit => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  newText: text,
});

function finding(title: string, edits: TextEdit[]): Finding {
  return { code: 'SD999', rule: 'test', severity: 'warning', message: title, range: edits[0].range, fix: { title, edits } };
}

describe('fix-all planning', () => {
  it('keeps fixes whose edits do not overlap and skips the later of two overlapping ones', () => {
    const plan = planFixAll([finding('a', [at(0, 0, 4)]), finding('b', [at(0, 2, 6)]), finding('c', [at(1, 0, 2)])]);
    assert.deepEqual(plan.applied.map((fix) => fix.title), ['a', 'c']);
    assert.deepEqual(plan.skipped.map((fix) => fix.title), ['b']);
  });

  it('allows touching ranges and several insertions at one point', () => {
    const plan = planFixAll([finding('a', [at(0, 0, 2)]), finding('b', [at(0, 2, 4)]), finding('c', [at(3, 0)]), finding('d', [at(3, 0, 0, 'y')])]);
    assert.equal(plan.applied.length, 4);
  });

  it('rejects an insertion strictly inside a replaced range', () => {
    const plan = planFixAll([finding('a', [at(0, 0, 5)]), finding('b', [at(0, 3)])]);
    assert.deepEqual(plan.skipped.map((fix) => fix.title), ['b']);
  });

  it('applies identical fixes once and skips a fix whose own edits overlap', () => {
    const plan = planFixAll([finding('a', [at(2, 0)]), finding('a again', [at(2, 0)]), finding('self', [at(5, 0, 3), at(5, 1, 2)])]);
    assert.deepEqual(plan.applied.map((fix) => fix.title), ['a']);
    assert.deepEqual(plan.skipped.map((fix) => fix.title), ['self']);
    assert.equal(plan.edits.length, 1);
  });

  it('inserting every missing phase of a real document leaves no phase missing', () => {
    const text = '---\nsysdesign: five-step\n---\n\n# Feed\n\n## High-level design\n\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    const before = analyze(text);
    assert.ok(before.phases.filter((phase) => phase.status === 'missing').length >= 3);
    const plan = planFixAll(before.findings);
    assert.ok(plan.applied.length >= 3);
    const after = analyze(applyEdits(text, plan.edits));
    assert.deepEqual(after.phases.filter((phase) => phase.status === 'missing').map((phase) => phase.phase.id), []);
    assert.ok(!after.findings.some((f) => f.code === 'SD001'));
  });
});
