// The analysis worker thread: the same answers as analysing in-process, the newest text of a document
// first in line, and the parsed document back on the host only when something reads it.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyzeForEditor, type EditorAnalysisInput } from '../../../src/core/editorAnalysis';
import { FrameworkRegistry } from '../../../src/core/frameworks/registry';
import { AnalysisWorkerClient, SUPERSEDED, type WorkerAnswer } from '../../../src/vscode/analysisWorkerClient';
import { nodeWorker } from '../../../src/vscode/nodeWorkerPort';
import { DEFAULT_ESTIMATE_SETTINGS } from '../../../src/core/types';

const WORKER = path.join(__dirname, 'analysisWorker.bootstrap.cjs');
const input: EditorAnalysisInput = {
  path: 'docs/feed.design.md', files: ['**/*.design.md'], framework: undefined, rules: {}, estimatesEnabled: true,
  estimateSettings: DEFAULT_ESTIMATE_SETTINGS, recognizeByOutline: true, dismissed: false, force: false,
};
const TEXT = '# Feed\n\n## Requirements\n\n- Users post.\n\n## Capacity estimation\n\n- 10M users × 2 posts/day / 86,400 s ≈ 231 posts/s\n\n## High-level design\n\nA web tier.\n';

describe('analysis worker', function () {
  this.timeout(60_000);
  let client: AnalysisWorkerClient;
  let diagramsChecked: () => void = () => undefined;
  const registry = FrameworkRegistry.withBuiltIns();
  beforeEach(() => {
    // The worker runs the TypeScript sources through tsx, as the unit tests do.
    client = new AnalysisWorkerClient(nodeWorker(WORKER), undefined, () => diagramsChecked());
  });
  afterEach(() => client.dispose());

  const answered = (answer: WorkerAnswer) => {
    assert.notEqual(answer, SUPERSEDED);
    return answer as Exclude<WorkerAnswer, typeof SUPERSEDED>;
  };

  it('answers as the in-process analysis does, and parses the document again only when it is read', async () => {
    assert.ok(client.offThread);
    const fromWorker = answered(await client.analyze('a', TEXT, input, registry)).analysis!;
    const inProcess = analyzeForEditor(TEXT, input, registry).analysis!;
    assert.deepEqual(fromWorker.findings, inProcess.findings);
    assert.deepEqual(fromWorker.estimates, inProcess.estimates);
    assert.deepEqual(fromWorker.phases.map((p) => [p.phase.id, p.status, p.line, p.section?.title]), inProcess.phases.map((p) => [p.phase.id, p.status, p.line, p.section?.title]));
    // The parsed document did not cross: it is parsed on first read, and the phases then point into it.
    assert.equal(typeof Object.getOwnPropertyDescriptor(fromWorker, 'document')?.get, 'function', 'not yet parsed');
    const doc = fromWorker.document;
    assert.equal(Object.getOwnPropertyDescriptor(fromWorker, 'document')?.value, doc, 'parsed once, then kept');
    assert.equal(doc.text, TEXT);
    assert.equal(doc.sections.length, inProcess.document.sections.length);
    const design = fromWorker.phases.find((p) => p.section?.title === 'High-level design')!;
    assert.ok(doc.sections.includes(design.section!), 'phases are linked to the parsed sections');
  });

  it('keeps only the newest text of a document waiting: the older waiting one is answered "superseded"', async () => {
    const first = client.analyze('doc', TEXT, input, registry);
    const second = client.analyze('doc', TEXT + '\nmore\n', input, registry);
    const third = client.analyze('doc', TEXT + '\nmore again\n', input, registry);
    const answers = await Promise.all([first, second, third]);
    assert.notEqual(answers[0], SUPERSEDED, 'the one already running finishes');
    assert.equal(answers[1], SUPERSEDED);
    assert.equal(answered(answers[2]).analysis!.document.text, TEXT + '\nmore again\n');
  });

  it('reports a text that is not a design document as none', async () => {
    assert.equal(answered(await client.analyze('n', 'Just notes.\n', { ...input, path: 'notes.md' }, registry)).analysis, undefined);
  });

  it('parses Mermaid diagrams after replying, says so, and the next answer carries their SD150 findings', async () => {
    assert.ok(client.checksDiagrams);
    const text = TEXT + '\n```mermaid\nflowchart LR\n  a --> b\n  b --> c[oops}\n```\n';
    const noticed = new Promise<void>((resolve) => (diagramsChecked = resolve));
    const first = answered(await client.analyze('d', text, input, registry)).analysis!;
    assert.deepEqual(first.findings.filter((f) => f.code === 'SD150'), [], 'the first answer does not wait for Mermaid');
    await noticed;
    const second = answered(await client.analyze('d', text, input, registry)).analysis!;
    const sd150 = second.findings.filter((f) => f.code === 'SD150');
    assert.equal(sd150.length, 1);
    assert.equal(text.split('\n')[sd150[0].range.start.line], '  b --> c[oops}');
    // Rule settings reach them like any finding.
    const off = answered(await client.analyze('d', text, { ...input, rules: { SD150: 'off' } }, registry)).analysis!;
    assert.equal(off.findings.filter((f) => f.code === 'SD150').length, 0);
  });
});
