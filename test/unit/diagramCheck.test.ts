// Diagram checks without a preview: Mermaid's own parser (the module the CLI bundles) judges each
// ```mermaid fence, and a syntax error becomes SD150 at the line it names.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDiagramFindings, analyze } from '../../src/core/analyze';
import { clearDiagramVerdicts, diagramFindings, mermaidBlocks, sourceLine, type DiagramParser } from '../../src/core/diagrams/diagramCheck';
import { parseDocument } from '../../src/core/parse';
import { parseMermaid } from '../../src/diagramParser/parseMermaid';
import { DIAGRAM_CASES, VALID_FEATURES } from '../fixtures/diagrams/cases';

const HEAD = '---\ntype: system-design\n---\n# Design\n\n## High-level design\n\nSome prose first.\n\n';

function fenced(source: string): string {
  return '```mermaid\n' + source + '\n```\n';
}

describe('diagram checks (Mermaid parser, no preview)', function () {
  this.timeout(60000);
  beforeEach(() => clearDiagramVerdicts());

  for (const c of DIAGRAM_CASES) {
    it(`${c.type}: a valid diagram gives nothing, a broken one SD150 at its line`, async () => {
      assert.deepEqual(await diagramFindings(parseDocument(HEAD + fenced(c.valid)), parseMermaid), []);
      const found = await diagramFindings(parseDocument(HEAD + fenced(c.broken)), parseMermaid);
      assert.equal(found.length, 1, JSON.stringify(found));
      const fenceLine = HEAD.split('\n').length - 1;
      assert.equal(found[0].code, 'SD150');
      assert.equal(found[0].severity, 'error');
      assert.equal(found[0].range.start.line, fenceLine + c.brokenLine, found[0].message);
      assert.match(found[0].message, /^Mermaid cannot parse this diagram: \S/);
      assert.doesNotMatch(found[0].message, /\n|-{5,}\^/, 'the excerpt and caret are dropped');
      assert.doesNotMatch(found[0].message, /error on line \d/, "Mermaid's own line number (it counts without comments) is dropped");
    });
  }

  it('an unknown diagram type sits on the fence line', async () => {
    const found = await diagramFindings(parseDocument(HEAD + fenced('flowchat LR\n  a --> b')), parseMermaid);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, HEAD.split('\n').length - 1);
    assert.match(found[0].message, /No diagram type detected/);
  });

  it('parses each diagram text once, however many documents or keystrokes show it', async () => {
    let calls = 0;
    const counting: DiagramParser = (source) => {
      calls++;
      return parseMermaid(source);
    };
    const broken = DIAGRAM_CASES[0].broken;
    await diagramFindings(parseDocument(HEAD + fenced(broken)), counting);
    await diagramFindings(parseDocument(HEAD + 'An edit above.\n\n' + fenced(broken) + '\n' + fenced(broken)), counting);
    assert.equal(calls, 1);
  });

  it('a parser that throws becomes a finding with its message, not a crash', async () => {
    const throwing: DiagramParser = () => Promise.reject(new Error('Parse error on line 2: boom'));
    const found = await diagramFindings(parseDocument(HEAD + fenced('flowchart LR\n  a --> b')), throwing);
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, HEAD.split('\n').length - 1 + 2);
  });

  it('follows rule settings and suppression comments like every other finding', async () => {
    const text = HEAD + fenced(DIAGRAM_CASES[0].broken);
    const on = await addDiagramFindings(analyze(text), parseMermaid);
    assert.equal(on.findings.filter((f) => f.code === 'SD150').length, 1);
    const warned = await addDiagramFindings(analyze(text), parseMermaid, { 'diagram-syntax-error': 'warning' });
    assert.equal(warned.findings.find((f) => f.code === 'SD150')?.severity, 'warning');
    const off = await addDiagramFindings(analyze(text), parseMermaid, { SD150: 'off' });
    assert.equal(off.findings.filter((f) => f.code === 'SD150').length, 0);
    const disabled = await addDiagramFindings(analyze('<!-- sysdesign-disable SD150 -->\n' + text), parseMermaid);
    assert.equal(disabled.findings.filter((f) => f.code === 'SD150').length, 0);
  });
});

describe('sourceLine: Mermaid line numbers back to the diagram source', () => {
  it('counts lines as written when nothing is taken out', () => {
    assert.equal(sourceLine('flowchart LR\n  a --> b\n  b --> c', 3), 2);
  });
  it('skips front matter, comment lines with the blank lines before them, and leading blank lines', () => {
    const source = '\n---\ntitle: x\n---\nflowchart LR\n  %% note\n  a --> b\n\n  %% another\n  b --> }\n\n  c --> d';
    assert.equal(sourceLine(source, 1), 4); // flowchart LR
    assert.equal(sourceLine(source, 2), 6); // a --> b
    assert.equal(sourceLine(source, 3), 9); // b --> }
    assert.equal(sourceLine(source, 4), 10); // the blank line before c --> d counts
    assert.equal(sourceLine(source, 5), 11);
  });
  it('keeps a lone %% and an init directive line (Mermaid keeps their lines)', () => {
    assert.equal(sourceLine('%%{init: {"theme": "dark"}}%%\nflowchart LR\n%%\n  a --> }', 4), 3);
  });
});

describe('diagram checks stay quiet where the parser cannot judge', function () {
  this.timeout(60000);
  for (const [name, source] of Object.entries(VALID_FEATURES)) {
    it(`a valid diagram using ${name} gives no finding`, async () => {
      assert.deepEqual(await diagramFindings(parseDocument(HEAD + fenced(source)), parseMermaid), []);
    });
  }

  it('a valid sequence diagram with a box (its colour is checked through the DOM) gives no finding', async () => {
    const source = 'sequenceDiagram\n  participant a as Proxy\n  box Compute (replica)\n    participant b as Controller\n  end\n  a->>b: restart';
    assert.deepEqual(await diagramFindings(parseDocument(HEAD + fenced(source)), parseMermaid), []);
  });
});

describe('diagram checks on real documents', function () {
  this.timeout(120000);
  it('report no diagram of the corpus documents as broken (they render where their authors publish them)', async () => {
    const root = join(__dirname, '../corpus/docs');
    let diagrams = 0;
    for (const genre of readdirSync(root)) {
      for (const name of readdirSync(join(root, genre)).filter((f) => f.endsWith('.md'))) {
        const document = parseDocument(readFileSync(join(root, genre, name), 'utf8'));
        diagrams += mermaidBlocks(document).length;
        assert.deepEqual(await diagramFindings(document, parseMermaid), [], `${genre}/${name}`);
      }
    }
    assert.ok(diagrams >= 6, `the corpus holds its Mermaid diagrams (${diagrams})`);
  });
});
