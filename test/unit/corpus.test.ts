// The engine on the hand-labelled corpus of real documents (test/corpus): the figures `npm run corpus`
// prints are held here as floors, and every surface (checklist, Problems, preview, CLI) must agree.
import assert from 'node:assert/strict';
import { toFileResult } from '../../src/cli/format/checkResult';
import { phaseBarHtml } from '../../src/core/render/overlays';
import { checklistEntries } from '../../src/vscode/checklistModel';
import { analyzeCorpusDoc, evaluateCorpus, type CorpusFigures } from '../corpus/evaluate';
import { loadCorpus } from '../corpus/labels';

const share = (n: number, d: number) => (d === 0 ? 0 : n / d);

describe('corpus of real documents', function () {
  this.timeout(120_000);
  const docs = loadCorpus();
  let figures: CorpusFigures;
  before(() => {
    figures = evaluateCorpus(docs);
  });

  it('holds every document with its labels and licence, in each genre', () => {
    assert.ok(docs.length >= 50, `${docs.length} documents`);
    for (const genre of ['interview', 'proposal', 'adr', 'other']) assert.ok(docs.some((d) => d.genre === genre), genre);
    for (const d of docs) assert.ok(d.labels.source.license && d.labels.source.commit, `${d.file}: source and licence`);
  });

  // Floors at the measured figures (see the README's accuracy table): a change may raise them, never lower them.
  it('recognises the phases the labels name, and few that are not there', () => {
    assert.ok(share(figures.phaseRecall.found, figures.phaseRecall.labelled) >= 0.918, `recall ${figures.phaseRecall.found}/${figures.phaseRecall.labelled}`);
    assert.ok(share(figures.phaseFalsePositives.wrong, figures.phaseFalsePositives.claimed) <= 0.02, `false positives ${figures.phaseFalsePositives.wrong}/${figures.phaseFalsePositives.claimed}`);
    assert.ok(share(figures.headingAgreement.agree, figures.headingAgreement.labelled) >= 0.81);
  });

  it('never calls a trade-off discussion missing', () => {
    assert.equal(figures.tradeOffs.calledMissing, 0);
  });

  it('reads the genre of every document and takes no non-design document for a design document', () => {
    assert.ok(share(figures.genre.right, figures.documents) >= 0.98, `genre ${figures.genre.right}/${figures.documents}`);
    assert.equal(figures.genre.nonDesignTaken, 0);
  });

  it('has every finding judged, at least 90% judged useful, and asserts no false alarm', () => {
    assert.equal(figures.findings.unjudged, 0, 'judge new findings with `npm run corpus -- --worklist` (see LABELLING.md)');
    assert.ok(share(figures.findings.useful, figures.findings.total) >= 0.9, `${figures.findings.useful}/${figures.findings.total}`);
    for (const rule of figures.rules) assert.equal(rule.assertedFalse, 0, `${rule.code}: a warning or error judged a false alarm`);
  });

  it('reads correct arithmetic as correct and flags none of it', () => {
    const e = figures.estimates;
    assert.equal(e.correctFlagged, 0);
    assert.ok(share(e.checkableAccepted, e.checkableLines) >= 0.90, `${e.checkableAccepted}/${e.checkableLines}`);
    assert.ok(e.wrongCaughtRightValue >= 8, `wrong lines caught with the right value: ${e.wrongCaughtRightValue}`);
    assert.equal(e.proseLeftAlone, e.proseLines);
    assert.equal(e.unlabelledReads, 0);
  });

  it('the checklist rows, the Problems, the preview phase bar and the CLI tell the same story for every document', () => {
    for (const doc of docs) {
      const analysis = analyzeCorpusDoc(doc);
      const rows = checklistEntries(analysis).filter((e) => e.kind === 'phase');
      assert.deepEqual(
        rows.map((r) => [r.phaseId, r.contextValue, r.line]),
        analysis.phases.map((p) => [p.phase.id, p.status === 'missing' ? 'phase.missing' : `phase.${p.status}`, p.line]),
        doc.file,
      );
      const bar = phaseBarHtml(analysis);
      for (const p of analysis.phases) {
        const present = bar.includes(`data-jump="${p.line}"`) && p.status !== 'missing';
        assert.equal(present || p.status === 'missing', true, `${doc.file}: ${p.phase.id} in the phase bar`);
      }
      assert.equal((bar.match(/sd-phase-missing/g) ?? []).length, analysis.phases.filter((p) => p.status === 'missing').length, doc.file);
      // A missing-phase finding only ever names a phase the checklist shows as missing.
      for (const f of analysis.findings.filter((x) => x.code === 'SD001')) {
        const phase = analysis.phases.find((p) => p.phase.id === f.phaseId);
        assert.equal(phase?.status, 'missing', `${doc.file}: ${f.message}`);
      }
      const cli = toFileResult(doc.file, analysis);
      assert.deepEqual(cli.phases.map((p) => [p.id, p.status]), analysis.phases.map((p) => [p.phase.id, p.status]), doc.file);
      assert.equal(cli.diagnostics.length, analysis.findings.length, doc.file);
    }
  });
});
