import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parse';
import { classifySections } from '../../src/core/sections/classify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { addWorkspaceFiles, FrameworkRegistry, frameworkLoadErrorsToString, validateFramework } from '../../src/core/frameworks';
import { BUILT_IN_FRAMEWORKS } from '../../src/core/frameworks/builtins';
import { normalizeHeading } from '../../src/core/headingText';
import { PHASE_KINDS, type FrameworkDef } from '../../src/core/types';

const root = join(__dirname, '..', '..');

function sampleFramework(): FrameworkDef {
  return {
    id: 'team',
    title: 'Team framework',
    description: 'Our review template.',
    phases: [
      { id: 'goals', title: 'Goals', kind: 'requirements', headings: ['goals'], required: true, needs: ['functional-requirements'] },
      { id: 'design', title: 'Design', kind: 'high-level-design', headings: ['design'], required: true, needs: ['diagram'] },
      { id: 'risks', title: 'Risks', kind: 'trade-offs', headings: ['risks'], required: false, needs: [] },
    ],
  };
}

describe('built-in frameworks', () => {
  it('ships the default plus one framework per seed, then one per proposal genre', () => {
    assert.deepEqual(
      BUILT_IN_FRAMEWORKS.map((f) => f.id),
      ['default', 'focused-steps', 'five-step', 'eight-step', 'seven-step', 'key-steps', 'design-doc', 'adr'],
    );
    assert.deepEqual(
      BUILT_IN_FRAMEWORKS.map((f) => f.genre),
      ['interview', 'interview', 'interview', 'interview', 'interview', 'interview', 'proposal', 'adr'],
    );
  });

  for (const framework of BUILT_IN_FRAMEWORKS) {
    describe(framework.id, () => {
      it('is valid against the schema and the semantic rules for built-ins', () => {
        assert.deepEqual(validateFramework(framework, `${framework.id}.json`, { builtIn: true }), []);
      });

      it('has a required trade-offs phase, and requires what its genre cannot do without', () => {
        const required = framework.genre === 'adr' ? (['trade-offs', 'context', 'decision'] as const) : framework.genre === 'proposal' ? (['trade-offs', 'context'] as const) : (['trade-offs', 'requirements', 'high-level-design'] as const);
        for (const kind of required) {
          assert.ok(
            framework.phases.some((p) => p.kind === kind && p.required),
            `${framework.id} lacks a required ${kind} phase`,
          );
        }
      });

      it('never gives the same phrasing to two phases', () => {
        const owner = new Map<string, string>();
        for (const phase of framework.phases) {
          for (const heading of phase.headings ?? []) {
            const key = normalizeHeading(heading);
            const other = owner.get(key);
            assert.ok(other === undefined || other === phase.id, `'${key}' is claimed by ${other} and ${phase.id}`);
            owner.set(key, phase.id);
          }
        }
      });

      it('gives every phase a description and a template that the checklist treats as empty', () => {
        for (const phase of framework.phases) {
          assert.ok(phase.description && phase.description.length > 10, `${phase.id} description`);
          assert.ok(phase.template && phase.template.includes('TODO'), `${phase.id} template`);
        }
      });
    });
  }

  it('the default takes every part of an interview write-up, each once', () => {
    const def = BUILT_IN_FRAMEWORKS[0];
    const taken = def.phases.flatMap((p) => [p.kind, ...(p.covers ?? [])]);
    assert.equal(new Set(taken).size, taken.length, 'a kind taken twice');
    // Parts only proposals and decision records have stay out of the interview checklist.
    const proposalOnly = ['rollout', 'testing'];
    assert.deepEqual(taken.sort(), PHASE_KINDS.filter((k) => !proposalOnly.includes(k)).sort());
  });

  it('every phase title reads as its own kind in the shared vocabulary', () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      for (const phase of framework.phases) {
        const doc = parseDocument(`## ${phase.title}\n\ntext\n`);
        const c = classifySections(doc).get(doc.sections[0]);
        assert.ok(c?.kind === phase.kind || (phase.covers ?? []).includes(c?.kind as never) || (phase.headings ?? []).length > 0, `${framework.id}/${phase.id}: "${phase.title}" reads as ${c?.kind}`);
      }
    }
  });

  it('the 8-step framework carries the minutes of its time plan', () => {
    const eight = BUILT_IN_FRAMEWORKS.find((f) => f.id === 'eight-step')!;
    const minutes = Object.fromEntries(eight.phases.map((p) => [p.id, p.minutes]));
    assert.deepEqual(minutes, {
      requirements: 6,
      estimation: 4,
      api: 5,
      'high-level-design': 12,
      'data-model': 9,
      'deep-dive': 12,
      scaling: 7,
      'trade-offs': undefined,
      'monitor-wrap-up': 4,
    });
  });

  it('the semantic check rejects a built-in without a required trade-offs phase', () => {
    const def = sampleFramework();
    def.phases[2].required = false;
    const errors = validateFramework(def, 'x.json', { builtIn: true });
    assert.equal(errors.length, 1);
    assert.equal(errors[0].field, '/phases');
    assert.match(errors[0].message, /trade-offs/);
    assert.deepEqual(validateFramework(def, 'x.json'), [], 'workspace frameworks may skip trade-offs');
  });
});

describe('generated framework validator', () => {
  const generatedPath = join(root, 'src/core/generated/frameworkValidator.js');

  it('is up to date with schemas/framework.schema.json', async () => {
    const { generate } = (await import(join(root, 'scripts/gen-validators.mjs'))) as { generate(text: string): string };
    const fresh = generate(readFileSync(join(root, 'schemas/framework.schema.json'), 'utf8'));
    assert.equal(readFileSync(generatedPath, 'utf8'), fresh, 'run `node scripts/gen-validators.mjs` and commit the result');
  });

  it('contains no runtime code generation and no require of ajv', () => {
    const code = readFileSync(generatedPath, 'utf8');
    assert.doesNotMatch(code, /new\s+Function\b/);
    assert.doesNotMatch(code, /\beval\s*\(/);
    assert.doesNotMatch(code, /\brequire\s*\(/);
  });
});

describe('FrameworkRegistry', () => {
  it('lists built-ins and defaults to "default"', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    assert.equal(registry.defaultId, 'default');
    assert.equal(registry.get('default')?.origin, 'built-in');
    assert.equal(registry.list().length, 8);
    assert.equal(registry.get('nope'), undefined);
  });

  it('loads good workspace files next to bad ones, naming file and field for each failure', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const good = sampleFramework();
    const badKind = sampleFramework();
    badKind.id = 'bad-kind';
    (badKind.phases[2] as { kind: string }).kind = 'tradeoffs';
    const missing = { id: 'missing', title: 'Missing', phases: [] };
    const syntax = '{\n  "id": "broken",\n  "title": "x"\n  "phases": []\n}';
    const errors = addWorkspaceFiles(registry, [
      { file: '.sysdesign/frameworks/team.json', text: JSON.stringify(good) },
      { file: '.sysdesign/frameworks/bad-kind.json', text: JSON.stringify(badKind, null, 2) },
      { file: '.sysdesign/frameworks/missing.json', text: JSON.stringify(missing) },
      { file: '.sysdesign/frameworks/broken.json', text: syntax },
    ]);

    assert.equal(registry.get('team')?.origin, 'workspace');
    assert.equal(registry.get('team')?.file, '.sysdesign/frameworks/team.json');
    assert.equal(registry.get('bad-kind'), undefined);
    assert.equal(registry.get('missing'), undefined);
    assert.equal(registry.get('broken'), undefined);

    const kindError = errors.find((e) => e.file.endsWith('bad-kind.json'));
    assert.ok(kindError);
    assert.equal(kindError.field, '/phases/2/kind');
    assert.match(kindError.message, /"tradeoffs" is not allowed; use one of: context, requirements, .*trade-offs/);

    const missingErrors = errors.filter((e) => e.file.endsWith('missing.json')).map((e) => e.field);
    assert.ok(missingErrors.includes('/description'), missingErrors.join());
    assert.ok(missingErrors.includes('/phases'), 'empty phases array is reported');

    const syntaxError = errors.find((e) => e.file.endsWith('broken.json'));
    assert.ok(syntaxError);
    assert.match(syntaxError.message, /^Not valid JSON at line 4, column \d+/);

    const text = frameworkLoadErrorsToString(errors);
    assert.match(text, /\.sysdesign\/frameworks\/bad-kind\.json \/phases\/2\/kind: /);
  });

  it('reports unknown properties with a suggestion, duplicate phase ids and empty files', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const typo = sampleFramework() as unknown as Record<string, unknown>;
    const phases = typo.phases as Array<Record<string, unknown>>;
    phases[0].heading = phases[0].headings;
    const dup = sampleFramework();
    dup.id = 'dup';
    dup.phases[1].id = 'goals';
    const errors = addWorkspaceFiles(registry, [
      { file: 'typo.json', text: JSON.stringify(typo) },
      { file: 'dup.json', text: JSON.stringify(dup) },
      { file: 'empty.json', text: '  ' },
    ]);
    const typoError = errors.find((e) => e.file === 'typo.json');
    assert.equal(typoError?.field, '/phases/0/heading');
    assert.match(typoError!.message, /did you mean 'headings'/);
    const dupError = errors.find((e) => e.file === 'dup.json');
    assert.equal(dupError?.field, '/phases/1/id');
    assert.match(dupError!.message, /already used/);
    assert.match(errors.find((e) => e.file === 'empty.json')!.message, /empty/);
  });

  it('lets a workspace framework override a built-in id and says so', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const mine = sampleFramework();
    mine.id = 'default';
    assert.deepEqual(addWorkspaceFiles(registry, [{ file: 'default.json', text: JSON.stringify(mine) }]), []);
    const loaded = registry.get('default')!;
    assert.equal(loaded.origin, 'workspace');
    assert.equal(loaded.overridesBuiltIn, true);
    assert.equal(loaded.title, 'Team framework');
    assert.equal(registry.list().length, 8, 'replaced in place, not added');
    registry.clearWorkspace();
    assert.equal(registry.get('default')?.origin, 'built-in');
  });

  it('accepts phrasings in any script and matches them', async () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const ru = sampleFramework();
    ru.id = 'ru';
    ru.phases[0].headings = ['Требования'];
    assert.deepEqual(addWorkspaceFiles(registry, [{ file: 'ru.json', text: JSON.stringify(ru) }]), []);
    const { parseDocument } = await import('../../src/core/parse');
    const { matchSections } = await import('../../src/core/frameworks');
    const doc = parseDocument('## 1. Требования\n\nТекст.\n');
    assert.equal(matchSections(doc, registry.get('ru')!).get(doc.sections[0])?.phase.id, 'goals');
  });

  it('rejects a phrasing that is blank or only punctuation', () => {
    const def = sampleFramework();
    def.phases[1].headings = ['design', '  '];
    assert.equal(validateFramework(def, 'a.json')[0].field, '/phases/1/headings/1');
    def.phases[1].headings = ['design', '--'];
    const errors = validateFramework(def, 'a.json');
    assert.equal(errors[0].field, '/phases/1/headings/1');
    assert.match(errors[0].message, /no words left/);
  });

  it('keeps the first of two workspace files that claim the same id', () => {
    const registry = FrameworkRegistry.withBuiltIns();
    const a = sampleFramework();
    const b = { ...sampleFramework(), title: 'Second' };
    const errors = addWorkspaceFiles(registry, [
      { file: 'a.json', text: JSON.stringify(a) },
      { file: 'b.json', text: JSON.stringify(b) },
    ]);
    assert.equal(registry.get('team')?.file, 'a.json');
    assert.equal(errors.length, 1);
    assert.equal(errors[0].file, 'b.json');
    assert.equal(errors[0].field, '/id');
  });
});

describe('normalizeHeading numbering fast path', () => {
  // Reference: always strips numbering twice, as before the first-character check.
  function reference(text: string): string {
    const junk = /^[^\p{L}\p{N}]+/u;
    const numbering = /^(?:(?:step|phase|part|section|chapter|stage)\s*)?(?:\d+(?:\.\d+)*\.?(?:\s*[):\-–—]\s*|\s+)|[ivx]+\s*[.):\-–—]\s*)/;
    let s = text.toLowerCase().replace(junk, '');
    for (let i = 0; i < 2; i++) s = s.replace(numbering, '').replace(junk, '');
    return s.replace(/&/g, ' and ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  }

  it('agrees with always stripping numbering, for headings that start like numbering', () => {
    const prefix = fc.constantFrom('', 'Step ', 'PHASE', 'part 2', 'Section 1.2 ', 'Chapter', 'stage 3 - ', 'II.', 'iv) ', 'X -', 'v', '1.', '2.3) ', '10x ', 'Cache', 'İ', '# ', '-- 1. ', 'Ⅳ. ');
    const rest = fc.oneof(fc.stringMatching(/^[ -~]{0,20}$/), fc.string({ maxLength: 20 }));
    fc.assert(fc.property(prefix, prefix, rest, (a, b, c) => normalizeHeading(a + b + c) === reference(a + b + c)), { numRuns: 3000 });
  });

  it('strips numbering and folds & only where written', () => {
    assert.equal(normalizeHeading('Step 2: 3. Storage & Caching'), 'storage and caching');
    assert.equal(normalizeHeading('Scaling'), 'scaling');
    assert.equal(normalizeHeading('Vi. Security'), 'security');
    assert.equal(normalizeHeading('Data Model'), 'data model');
  });
});
