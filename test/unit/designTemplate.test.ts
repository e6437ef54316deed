// One template builder: the CLI's `new`, the editor's New Design Document (a snippet) and the
// insert-section fix write the same text for the same framework.
import assert from 'node:assert/strict';
import { newDocument } from '../../src/cli/newDocument';
import { analyze } from '../../src/core/analyze';
import { designDocument, DEFAULT_TITLE, phaseSection } from '../../src/core/designTemplate';
import { BUILT_IN_FRAMEWORKS } from '../../src/core/frameworks/builtins';
import { missingSectionEdit } from '../../src/core/rules/util/insertSection';
import { parseSnippet } from '../../src/vscode/snippetSyntax';
import { frameworkSnippetLines } from '../../src/vscode/templates';

describe('one template builder', () => {
  it('the editor\'s snippet, once expanded, is the document `sysdesign new` writes, for every built-in framework', () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      const snippet = parseSnippet(frameworkSnippetLines(framework).join('\n'));
      assert.deepEqual(snippet.errors, [], framework.id);
      assert.equal(snippet.text, newDocument(framework, DEFAULT_TITLE) + '\n', framework.id);
      // Tab stops: the title, then one per section, then the end.
      assert.deepEqual(snippet.tabStops, [1, ...framework.phases.map((_, i) => i + 2), 0], framework.id);
    }
  });

  it('the insert-section fix writes the section the new document has, at the level it needs', () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      const full = designDocument(framework);
      for (const phase of framework.phases) assert.ok(full.includes(`\n${phaseSection(phase, 2)}\n`), `${framework.id}/${phase.id}`);
    }
    const framework = BUILT_IN_FRAMEWORKS.find((f) => f.id === 'default')!;
    const tradeOffs = framework.phases.find((p) => p.kind === 'trade-offs')!;
    const doc = designDocument({ ...framework, phases: framework.phases.filter((p) => p !== tradeOffs) }).replace(/^## /gm, '### ');
    const analysis = analyze(doc, { framework: 'default' });
    const edit = missingSectionEdit({ doc: analysis.document, framework: analysis.choice.framework, phases: analysis.phases }, tradeOffs.id);
    assert.ok(edit?.newText.includes(phaseSection(tradeOffs, 3)), edit?.newText);
  });

  it('a new document of each framework reads back as that framework with every phase present', () => {
    for (const framework of BUILT_IN_FRAMEWORKS) {
      const analysis = analyze(designDocument(framework, { title: 'Feed: v2' }));
      assert.equal(analysis.choice.framework.id, framework.id);
      assert.deepEqual(analysis.phases.filter((p) => p.status === 'missing').map((p) => p.phase.id), [], framework.id);
      assert.deepEqual(analysis.findings.filter((f) => f.code === 'SD100'), [], 'the front matter parses');
    }
  });
});
