import assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { suppressInDocumentEdit } from '../../../src/core/suppressEdit';
import { applyEdits } from './applyEdits';

describe('ignore-in-document edit', () => {
  for (const [name, text] of [
    ['with front matter', '---\nsysdesign: five-step\n---\n# Feed\n\n## Requirements\n\n- Users post.\n'],
    ['without front matter', '# Feed\n\n## Requirements\n\n- Users post.\n\n## Capacity estimation\n\n10M users.\n\n## High-level design\n\nBoxes.\n'],
  ]) {
    it(`silences exactly that rule, ${name}`, () => {
      const before = analyze(text, { path: 'feed.design.md' });
      const codes = new Set(before.findings.map((f) => f.code));
      assert.ok(codes.has('SD001'));
      const after = analyze(applyEdits(text, [suppressInDocumentEdit(before.document, 'SD001')]), { path: 'feed.design.md' });
      assert.ok(!after.findings.some((f) => f.code === 'SD001'));
      assert.deepEqual(new Set(after.findings.map((f) => f.code)), new Set([...codes].filter((c) => c !== 'SD001')));
      assert.equal(after.choice.framework.id, before.choice.framework.id, 'front matter still read');
      assert.deepEqual(after.phases.map((p) => p.status), before.phases.map((p) => p.status));
    });
  }
});
