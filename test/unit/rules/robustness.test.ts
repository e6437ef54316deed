// Rules run on every keystroke over half-written documents: they must never throw, and every range and
// fix they produce must point inside the document.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ALL_RULES } from '../../../src/core/rules';
import type { Range, RuleFinding } from '../../../src/core/types';
import { applyEdits, context } from './helpers';

const FRAGMENTS = [
  '# Title',
  '## Requirements',
  '### Non-functional',
  '**Non-functional:**',
  '## Estimation',
  '## API',
  '## Data model',
  '## High-level design',
  '## Monitoring',
  '## Trade-offs',
  '## Trade-offs',
  '```sql',
  '```mermaid',
  '```',
  '~~~',
  'CREATE TABLE t (',
  'CREATE TABLE "x"."y" (id INT',
  'a_id INT REFERENCES a(id),',
  'PRIMARY KEY (',
  'FOREIGN KEY (b) REFERENCES',
  ');',
  "'unterminated",
  '/* open comment',
  '-- comment',
  'CREATE INDEX ON t (',
  'ALTER TABLE t ADD',
  '- `GET /v1/users`',
  'GET /feed?',
  '| GET | /items |',
  '|---|---|',
  '- Pros: fast',
  'Option A vs Option B',
  '10M DAU, p99 < 200 ms, 99.9%',
  'TODO',
  '',
  '  ',
  '\t- nested',
  '> quote',
  '<!-- sysdesign-disable SD001 -->',
  '---',
  'title: x',
  '![d](a.png)',
  '`',
  '[',
  'é → ✅ ❌',
];

const docArb = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 })
  .chain((lines) => fc.constantFrom('\n', '\r\n').map((eol) => lines.join(eol)));

function assertInside(lines: string[], range: Range, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: char ${p.character} on line ${p.line}`);
  }
  assert.ok(
    range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
    `${what}: range runs backwards`,
  );
}

describe('rules: robustness on arbitrary documents', () => {
  it('never throw, and keep ranges and fix edits inside the document', () => {
    fc.assert(
      fc.property(docArb, (text) => {
        const ctx = context(text);
        const lines = ctx.doc.lines;
        for (const rule of ALL_RULES) {
          let findings: RuleFinding[] = [];
          assert.doesNotThrow(() => (findings = rule.check(ctx)), rule.code);
          for (const finding of findings) {
            assert.ok(finding.message.length > 0);
            assertInside(lines, finding.range, `${rule.code} range`);
            for (const edit of finding.fix?.edits ?? []) assertInside(lines, edit.range, `${rule.code} fix`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('SD001 fixes, applied one at a time, leave no required phase missing', () => {
    const [missing] = ALL_RULES;
    fc.assert(
      fc.property(docArb, (raw) => {
        let text = raw.replace(/\r\n/g, '\n');
        for (let guard = 0; guard < 10; guard++) {
          const [first] = missing.check(context(text));
          if (!first) return;
          text = applyEdits(text, first.fix!.edits);
        }
        assert.deepEqual(missing.check(context(text)), [], text);
      }),
      { numRuns: 40 },
    );
  });
});
