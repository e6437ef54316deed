import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/core/analyze';
import { BUILT_IN_FRAMEWORKS } from '../../../src/core/frameworks/builtins';
import { parseSnippet } from '../../../src/vscode/snippetSyntax';
import { templateSnippetsText } from '../../../src/vscode/templateSnippets';

interface Snippet {
  prefix: string;
  description: string;
  body: string[];
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { snippets: Array<{ language: string; path: string }> } };
const files = pkg.contributes.snippets.map((entry) => entry.path.replace(/^\.\//, ''));
const all = new Map<string, Snippet>();
for (const file of files) {
  for (const [name, snippet] of Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, Snippet>)) all.set(name, snippet);
}
const byPrefix = new Map([...all.values()].map((snippet) => [snippet.prefix, snippet]));
const expand = (snippet: Snippet) => parseSnippet(snippet.body.join('\n')).text;

describe('snippets', () => {
  it('are contributed for Markdown from files that exist', () => {
    assert.ok(files.length >= 2);
    for (const entry of pkg.contributes.snippets) assert.equal(entry.language, 'markdown');
    assert.ok(all.size >= 20, `only ${all.size} snippets`);
  });

  it('have unique sd- prefixes, a description and a well-formed body', () => {
    const prefixes = new Set<string>();
    for (const [name, snippet] of all) {
      assert.match(snippet.prefix, /^sd-[a-z0-9-]+$/, name);
      assert.ok(!prefixes.has(snippet.prefix), `duplicate prefix ${snippet.prefix}`);
      prefixes.add(snippet.prefix);
      assert.ok(snippet.description.length > 20, `${name} needs a description`);
      assert.ok(Array.isArray(snippet.body) && snippet.body.every((line) => typeof line === 'string'), name);
      const parsed = parseSnippet(snippet.body.join('\n'));
      assert.deepEqual(parsed.errors, [], name);
      assert.ok(parsed.tabStops.includes(1), `${name} has no first tab stop`);
      // Mirrors share a default; different defaults under one number would be confusing.
      const defaults = new Map<string, string>();
      for (const match of snippet.body.join('\n').matchAll(/\$\{(\d+):([^{}$]*)\}/g)) {
        const seen = defaults.get(match[1]);
        assert.ok(seen === undefined || seen === match[2], `${name}: tab stop ${match[1]} has two defaults`);
        defaults.set(match[1], match[2]);
      }
    }
  });

  it('the committed template file matches what the frameworks generate (run `npm run snippets`)', () => {
    assert.equal(readFileSync('snippets/templates.code-snippets', 'utf8'), templateSnippetsText());
  });

  for (const framework of BUILT_IN_FRAMEWORKS) {
    it(`sd-template-${framework.id} is a complete ${framework.id} document`, () => {
      const snippet = byPrefix.get(`sd-template-${framework.id}`);
      assert.ok(snippet, `no template snippet for ${framework.id}`);
      const analysis = analyze(expand(snippet));
      assert.equal(analysis.choice.framework.id, framework.id);
      assert.equal(analysis.choice.source, 'front-matter');
      const missing = analysis.phases.filter((phase) => phase.status === 'missing').map((phase) => phase.phase.id);
      assert.deepEqual(missing, []);
      assert.equal(analysis.phases.length, framework.phases.length);
      assert.ok(!analysis.findings.some((finding) => finding.code === 'SD001' || finding.severity === 'error'), JSON.stringify(analysis.findings));
    });
  }

  // Each phase snippet, on its own under the default framework, covers exactly its phase and all its sub-checks.
  const PHASE_SNIPPETS: Record<string, string> = {
    'sd-requirements': 'requirements',
    'sd-estimation': 'estimation',
    'sd-api': 'api',
    'sd-data-model': 'data-model',
    'sd-high-level-design': 'high-level-design',
    'sd-deep-dive': 'deep-dive',
    'sd-caching': 'caching',
    'sd-scaling': 'scaling',
    'sd-reliability': 'reliability',
    'sd-security': 'security',
    'sd-monitoring': 'monitoring',
    'sd-tradeoffs': 'trade-offs',
    'sd-wrap-up': 'wrap-up',
  };

  it('there is a phase snippet for every phase of the default framework', () => {
    const defaults = BUILT_IN_FRAMEWORKS.find((framework) => framework.id === 'default')!;
    assert.deepEqual(Object.values(PHASE_SNIPPETS).sort(), defaults.phases.map((phase) => phase.id).sort());
  });

  for (const [prefix, phaseId] of Object.entries(PHASE_SNIPPETS)) {
    it(`${prefix} fills the ${phaseId} phase completely and nothing else`, () => {
      const snippet = byPrefix.get(prefix);
      assert.ok(snippet, `missing ${prefix}`);
      const analysis = analyze(`---\nsysdesign: default\n---\n\n# Example\n\n${expand(snippet)}`);
      const found = analysis.phases.filter((phase) => phase.status !== 'missing');
      assert.deepEqual(found.map((phase) => phase.phase.id), [phaseId]);
      assert.equal(found[0].status, 'present');
      const failing = found[0].checks.filter((check) => !check.ok).map((check) => check.id);
      assert.deepEqual(failing, []);
    });
  }

  it('the estimation snippet evaluates every line without findings', () => {
    const analysis = analyze(`---\nsysdesign: default\n---\n\n# Example\n\n${expand(byPrefix.get('sd-estimation')!)}`);
    assert.deepEqual(analysis.estimates.findings, []);
    assert.ok(analysis.estimates.lines.length >= 6, `only ${analysis.estimates.lines.length} lines evaluated`);
    assert.ok(analysis.estimates.names.write_rps, 'write_rps is defined');
  });
});
