import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { ALL_RULES, findRule, ruleByCode, ruleBySlug } from '../../../src/core/rules';

describe('rule catalog', () => {
  it('gives every rule a unique SD code, a kebab-case slug, a description and a severity', () => {
    const codes = new Set<string>();
    const slugs = new Set<string>();
    for (const rule of ALL_RULES) {
      assert.match(rule.code, /^SD0\d\d$/);
      assert.match(rule.slug, /^[a-z]+(?:-[a-z]+)*$/);
      assert.ok(rule.description.length > 20 && !rule.description.includes('\n'), rule.code);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity));
      assert.ok(!codes.has(rule.code) && !slugs.has(rule.slug), `duplicate ${rule.code}`);
      codes.add(rule.code);
      slugs.add(rule.slug);
    }
  });

  it('lists the rules in code order, SD001 to SD014', () => {
    assert.deepEqual(
      ALL_RULES.map((rule) => rule.code),
      Array.from({ length: 14 }, (_, i) => `SD0${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('keeps each rule in a module named after its slug, with its own test file', () => {
    for (const rule of ALL_RULES) {
      const name = rule.slug.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      assert.ok(existsSync(`src/core/rules/${name}.ts`), `src/core/rules/${name}.ts`);
      assert.ok(existsSync(`test/unit/rules/${name}.test.ts`), `test/unit/rules/${name}.test.ts`);
    }
  });

  it('finds rules by code or slug, case- and space-tolerant, and nothing for unknown names', () => {
    assert.equal(ruleByCode('SD006')?.slug, 'table-without-primary-key');
    assert.equal(ruleByCode(' sd006 ')?.code, 'SD006');
    assert.equal(ruleBySlug('missing-phase')?.code, 'SD001');
    assert.equal(ruleBySlug('Missing-Phase')?.code, 'SD001');
    assert.equal(findRule('SD011')?.slug, 'duplicate-phase');
    assert.equal(findRule('empty-phase')?.code, 'SD002');
    assert.equal(ruleByCode('SD999'), undefined);
    assert.equal(ruleBySlug('SD001'), undefined);
    assert.equal(findRule('nope'), undefined);
  });
});
