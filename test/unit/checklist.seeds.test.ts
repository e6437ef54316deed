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
  // Seed 002 has no trade-offs heading, but its "SQL vs NoSQL" section weighs two options.
  '002': { id: 'eight-step', added: [] },
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

      it('finds every phase the seed has a heading for, with content, and repeats none', () => {
        const framework = registry.get(id)!;
        const results = buildChecklist(load(), framework);
        for (const result of results) {
          const expected = added.includes(result.phase.id) ? 'missing' : 'present';
          assert.equal(result.status, expected, `${result.phase.id}: ${result.section?.title ?? '(none)'}`);
          assert.deepEqual((result.repeats ?? []).map((d) => d.title), [], result.phase.id);
        }
      });

      it('is detected as that framework without front matter, as an interview write-up', () => {
        const { choice } = chooseFramework(load(), registry, {});
        assert.equal(choice.framework.id, id, choice.reason);
        assert.equal(choice.source, 'detected');
        assert.match(choice.reason, /^detected: reads as a system design write-up \(.+\); headings match \d+ of \d+ phases of '.+'$/);
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

  it('recognises a company design doc as a proposal (background, goals, proposed design, nested API and schema, alternatives)', () => {
    const doc = load('company-design-doc.md');
    const { choice } = chooseFramework(doc, registry, {});
    assert.equal(choice.framework.id, 'design-doc', choice.reason);
    assert.match(choice.reason, /reads as an engineering proposal/);
    const results = buildChecklist(doc, choice.framework);
    assert.deepEqual(summary(results), {
      context: 'present',
      goals: 'present',
      proposal: 'present',
      'detailed-design': 'present',
      api: 'present',
      'data-model': 'present',
      capacity: 'present',
      alternatives: 'present',
      risks: 'missing',
      reliability: 'present',
      security: 'missing',
      rollout: 'missing',
      observability: 'present',
      'open-questions': 'present',
    });
    const titles = Object.fromEntries(results.map((r) => [r.phase.id, r.section?.title]));
    assert.equal(titles.goals, 'Goals and Non-Goals');
    assert.equal(titles.api, 'API');
    assert.equal(titles['data-model'], 'Storage Schema');
    assert.equal(titles['detailed-design'], 'Detailed Design');
    assert.equal(titles.alternatives, 'Alternatives Considered');
    assert.ok(results.every((r) => (r.repeats ?? []).length === 0));
    // Each row says why its section is that part.
    assert.match(results.find((r) => r.phase.id === 'capacity')!.reason ?? '', /capacity planning/);
    const okChecks = (id: string) => results.find((r) => r.phase.id === id)!.checks.filter((c) => c.ok).map((c) => c.id);
    assert.deepEqual(okChecks('alternatives'), ['options']);

    // The same document checked against the interview default still finds every part it has.
    const interview = buildChecklist(doc, registry.get('default')!);
    const okDefault = (id: string) => interview.find((r) => r.phase.id === id)!.checks.filter((c) => c.ok).map((c) => c.id);
    assert.deepEqual(okDefault('high-level-design'), ['diagram', 'components']);
    assert.deepEqual(okDefault('api'), ['endpoints', 'pagination']);
    assert.deepEqual(okDefault('data-model'), ['schema', 'primary-keys', 'indexes']);
    assert.deepEqual(okDefault('monitoring'), ['latency-percentiles', 'error-rate', 'alerts']);
    assert.deepEqual(okDefault('trade-offs'), ['options', 'pros-cons']);
    assert.deepEqual(okDefault('estimation'), ['numbers']);
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
