import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildChecklist } from '../../src/core/checklist';
import { chooseFramework, FrameworkRegistry } from '../../src/core/frameworks';
import { parseDocument } from '../../src/core/parse';
import { listSeeds, SEEDS } from './seeds';
import type { PhaseResult } from '../../src/core/types';

const FIXTURES = join(__dirname, '..', 'fixtures', 'recognition');
const registry = FrameworkRegistry.withBuiltIns();

function summary(results: PhaseResult[]): Record<string, string> {
  return Object.fromEntries(results.map((r) => [r.phase.id, r.status]));
}

/** Seed prefix → the framework made from it, and the phases we added that the seed has no heading for. */
const SEED_FRAMEWORKS: Record<string, { id: string; added: string[] }> = {
  '000': { id: 'focused-steps', added: [] },
  '001': { id: 'five-step', added: [] },
  '002': { id: 'eight-step', added: ['trade-offs'] },
  '003': { id: 'seven-step', added: ['trade-offs'] },
  '004': { id: 'key-steps', added: ['trade-offs'] },
};

const seedFiles = listSeeds();

describe('seed documents against the frameworks made from them', function () {
  before(function () {
    if (seedFiles.length === 0) {
      console.warn(`SKIPPING seed tests: no seed documents in ${SEEDS}`);
      this.skip();
    }
  });

  it('there is a framework for every seed', () => {
    assert.deepEqual(seedFiles.map((f) => f.slice(0, 3)), Object.keys(SEED_FRAMEWORKS));
  });

  for (const [prefix, { id, added }] of Object.entries(SEED_FRAMEWORKS)) {
    describe(`seed ${prefix} / ${id}`, () => {
      const load = () => parseDocument(readFileSync(join(SEEDS, seedFiles.find((f) => f.startsWith(prefix))!), 'utf8'));

      it('finds every phase the seed has a heading for, with content, and no duplicates', () => {
        const framework = registry.get(id)!;
        const results = buildChecklist(load(), framework);
        for (const result of results) {
          const expected = added.includes(result.phase.id) ? 'missing' : 'present';
          assert.equal(result.status, expected, `${result.phase.id}: ${result.section?.title ?? '(none)'}`);
          assert.deepEqual(result.duplicates.map((d) => d.title), [], result.phase.id);
        }
      });

      it('is detected as that framework without front matter', () => {
        const { choice } = chooseFramework(load(), registry, {});
        assert.equal(choice.framework.id, id, choice.reason);
        assert.equal(choice.source, 'detected');
        assert.match(choice.reason, /^detected: headings match \d+ of \d+ phases of '.+' \(best of 6\)$/);
      });
    });
  }

  it('checks content, not just headings: evidence lines point into the right phase', () => {
    const file = seedFiles.find((f) => f.startsWith('002'))!;
    const doc = parseDocument(readFileSync(join(SEEDS, file), 'utf8'));
    const results = buildChecklist(doc, registry.get('eight-step')!);
    const data = results.find((r) => r.phase.id === 'data-model')!;
    const schema = data.checks.find((c) => c.id === 'schema')!;
    assert.equal(schema.ok, true);
    assert.ok(schema.line! > data.section!.line && schema.line! < data.section!.endLine);
    assert.match(doc.lines[schema.line!], /```sql/);
  });
});

describe('documents written without our templates, under the default framework', () => {
  const load = (name: string) => parseDocument(readFileSync(join(FIXTURES, name), 'utf8'));

  it('recognises a company design doc (goals, proposed design, nested API and schema, alternatives)', () => {
    const doc = load('company-design-doc.md');
    const { choice } = chooseFramework(doc, registry, {});
    assert.equal(choice.framework.id, 'default');
    const results = buildChecklist(doc, choice.framework);
    assert.deepEqual(summary(results), {
      requirements: 'present',
      estimation: 'present',
      api: 'present',
      'data-model': 'present',
      'high-level-design': 'present',
      'deep-dive': 'present',
      caching: 'missing',
      scaling: 'missing',
      reliability: 'present',
      security: 'missing',
      monitoring: 'present',
      'trade-offs': 'present',
      'wrap-up': 'present',
    });
    const titles = Object.fromEntries(results.map((r) => [r.phase.id, r.section?.title]));
    assert.equal(titles.requirements, 'Goals and Non-Goals');
    assert.equal(titles.api, 'API');
    assert.equal(titles['data-model'], 'Storage Schema');
    assert.equal(titles['deep-dive'], 'Detailed Design');
    assert.equal(titles['trade-offs'], 'Alternatives Considered');
    assert.ok(results.every((r) => r.duplicates.length === 0));

    const okChecks = (id: string) => results.find((r) => r.phase.id === id)!.checks.filter((c) => c.ok).map((c) => c.id);
    assert.deepEqual(okChecks('high-level-design'), ['diagram', 'components']);
    assert.deepEqual(okChecks('api'), ['endpoints', 'pagination']);
    assert.deepEqual(okChecks('data-model'), ['schema', 'primary-keys', 'indexes']);
    assert.deepEqual(okChecks('monitoring'), ['latency-percentiles', 'error-rate', 'alerts']);
    assert.deepEqual(okChecks('trade-offs'), ['options', 'pros-cons']);
    assert.deepEqual(okChecks('estimation'), ['numbers']);
  });

  it('recognises a course write-up with setext "Part N" headings', () => {
    const results = buildChecklist(load('course-writeup.md'), registry.get('default')!);
    const present = results.filter((r) => r.status === 'present').map((r) => r.phase.id);
    assert.deepEqual(present, ['requirements', 'estimation', 'data-model', 'high-level-design', 'trade-offs']);
    const req = results.find((r) => r.phase.id === 'requirements')!;
    assert.equal(req.checks.find((c) => c.id === 'clarifying-questions')?.ok, true);
    const hld = results.find((r) => r.phase.id === 'high-level-design')!;
    assert.equal(hld.checks.find((c) => c.id === 'diagram')?.ok, true, 'an image counts as a diagram');
  });

  it('recognises interview prep notes with "1)" numbering and "&" in headings', () => {
    const results = buildChecklist(load('interview-prep.md'), registry.get('default')!);
    const present = results.filter((r) => r.status === 'present').map((r) => r.phase.id);
    assert.deepEqual(present, ['requirements', 'estimation', 'api', 'high-level-design', 'trade-offs', 'wrap-up']);
    const trade = results.find((r) => r.phase.id === 'trade-offs')!;
    assert.deepEqual(trade.checks.map((c) => c.ok), [false, true], 'pros and cons written, but only one option');
  });
});
