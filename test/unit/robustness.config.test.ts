// Bad configuration never stops the analysis: broken front matter or an unknown framework becomes a
// finding on the place at fault, and a broken workspace framework file is named (file and field)
// while the good files beside it still load.
import assert from 'node:assert/strict';
import { analyze, CONFIG_CODES } from '../../src/core/analyze';
import { addWorkspaceFiles, FrameworkRegistry } from '../../src/core/frameworks';
import { expandedSize, readFrontMatter } from '../../src/core/frontMatter';
import { parseDocument } from '../../src/core/parse';
import { isDesignDocument, isDesignText } from '../../src/core/recognize';
import type { Analysis, FrameworkDef } from '../../src/core/types';
import { assertRangesInside } from './robustness-helpers';

const BODY = [
  '# Chat service',
  '',
  '## Requirements',
  '',
  '- Users send messages to groups',
  '',
  '## Estimation',
  '',
  '```estimate',
  'DAU = 10M users',
  'writes = DAU × 20 / day ≈ 90,000 /s',
  '```',
  '',
  '## High-level design',
  '',
  'Clients talk to a gateway.',
].join('\n');

/** The design analysis still ran: a checklist, lint findings and the estimator's wrong-claim finding. */
function assertRestStillWorks(a: Analysis): void {
  assert.ok(a.phases.length > 0, 'no checklist');
  assert.ok(a.phases.some((p) => p.status === 'present'), 'no phase recognised');
  assert.ok(a.findings.some((f) => f.code.startsWith('SD0')), 'no lint finding');
  assert.ok(a.estimates.lines.length >= 2, 'estimates not evaluated');
  // 10M × 20 / 86,400 ≈ 2,315 /s, so the claimed 90,000 /s is wrong.
  assert.ok(a.findings.some((f) => f.code.startsWith('SE') && f.range.start.line === a.document.lines.indexOf('writes = DAU × 20 / day ≈ 90,000 /s')));
  assertRangesInside(a, a.document.lines);
}

function withFrontMatter(yaml: string[]): string {
  return ['---', ...yaml, '---', BODY].join('\n');
}

describe('robustness: bad configuration', () => {
  it('invalid YAML front matter is an SD100 error inside the front matter; the rest still works', () => {
    const a = analyze(withFrontMatter(['title: Chat', 'sysdesign: [default', 'owners: x']));
    const found = a.findings.filter((f) => f.code === CONFIG_CODES.invalidFrontMatter.code);
    assert.equal(found.length, 1, JSON.stringify(a.findings.map((f) => f.code)));
    assert.equal(found[0].rule, 'invalid-front-matter');
    assert.equal(found[0].severity, 'error');
    assert.ok(found[0].range.start.line >= 1 && found[0].range.end.line <= 3, JSON.stringify(found[0].range));
    assert.match(found[0].message, /YAML|front matter/i);
    assertRestStillWorks(a);
  });

  it('front matter whose aliases expand past the budget is refused as SD100, without expanding them', () => {
    // Eleven levels, each listing the one before nine times, and a mapping level in the middle: about
    // 9^11 values once expanded, a few hundred bytes as written. Stringifying it would never finish.
    const yaml = ['l0: &l0 {k: v, w: [1, 2, 3]}'];
    for (let i = 1; i <= 11; i++) {
      const p = `*l${i - 1}`;
      yaml.push(i === 6 ? `l${i}: &l${i} {a: ${p}, b: ${p}, c: ${p}, d: ${p}, e: ${p}, f: ${p}, g: ${p}, h: ${p}, i: ${p}}` : `l${i}: &l${i} [${Array(9).fill(p).join(', ')}]`);
    }
    const text = withFrontMatter([...yaml, 'sysdesign: *l11']);
    const fm = readFrontMatter(text.split('\n'));
    assert.match(fm.error?.message ?? '', /aliases expand to more than 10,000 values/);
    assert.deepEqual(fm.data, {});
    // Recognition reads no part of the refused value (its `sysdesign:` line alone marks the document, so
    // SD100 is seen), and the rest of the analysis still runs.
    const recognition = isDesignText(text, 'notes/chat.md');
    assert.equal(recognition.designDoc, true);
    assert.doesNotMatch(recognition.reason, /l11|\[/);
    const a = analyze(text);
    assert.ok(a.findings.some((f) => f.code === 'SD100' && /aliases/.test(f.message)));
    assertRestStillWorks(a);
  });

  it('a front matter value that refers to itself is refused rather than walked forever', () => {
    const fm = readFrontMatter(['---', 'loop: &self [1, *self]', '---'].join('\n').split('\n'));
    assert.match(fm.error?.message ?? '', /aliases/);
    assert.equal(expandedSize({ a: [1, 2, { b: 3 }] }, 100), 6);
    const shared = [1, 2, 3];
    assert.equal(expandedSize({ x: shared, y: shared }, 100), 9, 'a shared value counts once per use');
  });

  it('recognition shows a mapping value by its kind, never by stringifying it', () => {
    const doc = parseDocument('---\nsysdesign:\n  nested: {deep: [1, 2]}\n---\n# X\n');
    assert.equal(isDesignDocument(doc, 'x.md').reason, 'front matter has sysdesign: (a mapping or list)');
  });

  it('front matter that is not a mapping is an SD100 finding too', () => {
    const a = analyze(withFrontMatter(['- just', '- a list']));
    const found = a.findings.find((f) => f.code === 'SD100');
    assert.ok(found, JSON.stringify(a.findings.map((f) => f.code)));
    assert.ok(found.range.start.line >= 1 && found.range.start.line <= 2);
    assertRestStillWorks(a);
  });

  it('an unknown framework id in the front matter is an SD101 finding on that key, naming the id and the known ones', () => {
    const a = analyze(withFrontMatter(['title: Chat', 'sysdesign: no-such-framework']));
    const found = a.findings.filter((f) => f.code === CONFIG_CODES.unknownFramework.code);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 2);
    assert.match(found[0].message, /no-such-framework/);
    assert.match(found[0].message, /default/);
    assert.notEqual(a.choice.source, 'front-matter');
    assertRestStillWorks(a);
  });

  it('an unknown framework from an option or a setting is reported, and another framework is used', () => {
    for (const options of [{ framework: 'nope' }, { defaultFramework: 'nope' }]) {
      const a = analyze(BODY, options);
      const found = a.findings.filter((f) => f.code === 'SD101');
      assert.equal(found.length, 1, JSON.stringify(options));
      assert.match(found[0].message, /nope/);
      assert.ok(a.choice.framework.id !== 'nope');
      assertRestStillWorks(a);
    }
  });

  it('an invalid workspace framework file is an error naming file and field; the good files still load', () => {
    const good: FrameworkDef = {
      id: 'team-review',
      title: 'Team review',
      description: 'Our review checklist.',
      phases: [
        { id: 'goals', title: 'Goals', kind: 'requirements', headings: ['goals'], required: true, needs: [] },
        { id: 'design', title: 'Design', kind: 'high-level-design', headings: ['design'], required: true, needs: [] },
      ],
    };
    const badKind = { ...good, id: 'bad-kind', phases: [good.phases[0], { ...good.phases[1], kind: 'vibes' }] };
    const registry = FrameworkRegistry.withBuiltIns();
    const errors = addWorkspaceFiles(registry, [
      { file: '.sysdesign/frameworks/broken.json', text: '{ "id": "broken", ' },
      { file: '.sysdesign/frameworks/bad-kind.json', text: JSON.stringify(badKind) },
      { file: '.sysdesign/frameworks/team.json', text: JSON.stringify(good) },
      { file: '.sysdesign/frameworks/empty.json', text: '' },
    ]);

    const broken = errors.filter((e) => e.file.endsWith('broken.json'));
    assert.equal(broken.length, 1);
    assert.match(broken[0].message, /JSON/);
    const kind = errors.filter((e) => e.file.endsWith('bad-kind.json'));
    assert.ok(kind.some((e) => e.field === '/phases/1/kind'), JSON.stringify(kind));
    assert.ok(errors.some((e) => e.file.endsWith('empty.json')));
    assert.ok(!errors.some((e) => e.file.endsWith('team.json')), JSON.stringify(errors));

    assert.equal(registry.get('team-review')?.origin, 'workspace');
    assert.equal(registry.get('bad-kind'), undefined);
    assert.ok(registry.get('default'), 'built-ins lost');

    const a = analyze('# Goals\n\nShip it.\n\n# Design\n\nBoxes.', { registry, framework: 'team-review' });
    assert.equal(a.choice.framework.id, 'team-review');
    assert.deepEqual(
      a.phases.map((p) => [p.phase.id, p.status]),
      [
        ['goals', 'present'],
        ['design', 'present'],
      ],
    );
  });
});
