// `npm run corpus`: the engine against the hand-labelled real documents in test/corpus/, as a table.
// --json prints the figures for machines; --details lists each document's misses and false alarms.
import { evaluateCorpus, type CorpusFigures } from '../test/corpus/evaluate';
import { loadCorpus } from '../test/corpus/labels';

const args = new Set(process.argv.slice(2));
const unlabelled: string[] = [];
const figures = evaluateCorpus(loadCorpus(undefined, unlabelled));
for (const file of unlabelled) process.stderr.write(`corpus: ${file} has no labels yet; left out\n`);

if (args.has('--worklist')) {
  // Findings no label judges yet, for a person to judge in the document's labels (see LABELLING.md).
  for (const d of figures.docs) {
    const open = d.findings.filter((f) => f.verdict === undefined);
    if (open.length === 0) continue;
    process.stdout.write(`\n${d.genre}/${d.id}.md\n`);
    for (const f of open) process.stdout.write(`  "${f.key}"  [${f.severity}]  ${f.message}\n`);
  }
} else if (args.has('--json')) {
  const { docs, ...rest } = figures;
  process.stdout.write(JSON.stringify(args.has('--details') ? figures : rest, null, 2) + '\n');
} else {
  process.stdout.write(formatTable(figures));
  if (args.has('--details')) process.stdout.write(formatDetails(figures));
}

function pct(n: number, d: number): string {
  return d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

function row(label: string, n: number, d: number, target = ''): string {
  return `  ${label.padEnd(44)} ${pct(n, d)}  ${`${n}/${d}`.padStart(9)}  ${target}\n`;
}

function formatTable(f: CorpusFigures): string {
  const genres = Object.entries(f.byGenre).map(([g, n]) => `${n} ${g}`).join(', ');
  let out = `Corpus: ${f.documents} documents (${genres})\n\nRecognition\n`;
  out += row('phase recall', f.phaseRecall.found, f.phaseRecall.labelled, '>= 95%');
  out += row('phase false positives (parts not in the doc)', f.phaseFalsePositives.wrong, f.phaseFalsePositives.claimed, '<= 2%');
  out += row('headings starting a part the label disputes', f.wrongStarts.wrong, f.wrongStarts.starts);
  out += row('headings given the labelled kind', f.headingAgreement.agree, f.headingAgreement.labelled);
  out += row('trade-off discussions called missing', f.tradeOffs.calledMissing, f.tradeOffs.present, '0');
  out += row('documents without one, rightly missing', f.tradeOffs.rightlyMissing, f.tradeOffs.absent);
  out += row('genre right', f.genre.right, f.documents, '>= 95%');
  out += row('design documents found by their outline', f.genre.designFound, f.genre.designDocs);
  out += row('non-design documents taken for design', f.genre.nonDesignTaken, f.genre.nonDesign, '0');
  out += `\nFindings (useful share of judged; target >= 90% useful, each rule <= 10% false alarms)\n`;
  out += `  ${'code'.padEnd(7)}${'total'.padStart(6)}${'useful'.padStart(8)}${'false'.padStart(7)}${'unjudged'.padStart(10)}${'false share'.padStart(13)}${'asserted'.padStart(10)}${'(false)'.padStart(9)}\n`;
  for (const r of f.rules) {
    const judged = r.useful + r.falseAlarms;
    out += `  ${r.code.padEnd(7)}${String(r.total).padStart(6)}${String(r.useful).padStart(8)}${String(r.falseAlarms).padStart(7)}${String(r.unjudged).padStart(10)}${pct(r.falseAlarms, judged).padStart(13)}${String(r.asserted).padStart(10)}${String(r.assertedFalse).padStart(9)}\n`;
  }
  const judged = f.findings.useful + f.findings.falseAlarms;
  out += `  ${'all'.padEnd(7)}${String(f.findings.total).padStart(6)}${String(f.findings.useful).padStart(8)}${String(f.findings.falseAlarms).padStart(7)}${String(f.findings.unjudged).padStart(10)}${pct(f.findings.falseAlarms, judged).padStart(13)}\n`;
  const e = f.estimates;
  out += `\nEstimates\n`;
  out += row('correct calculations read and accepted', e.checkableAccepted, e.checkableLines, '>= 90%');
  out += row('correct lines read and accepted (with statements)', e.correctAccepted, e.correctLines);
  out += row('correct lines flagged (warning or error)', e.correctFlagged, e.correctLines, '0');
  out += row('correct lines with a hint', e.correctHinted, e.correctLines);
  out += row('wrong lines caught', e.wrongCaught, e.wrongLines, 'all');
  out += row('wrong lines caught with the right value', e.wrongCaughtRightValue, e.wrongLines, 'all');
  out += row('prose left alone', e.proseLeftAlone, e.proseLines, 'all');
  out += `  ${'lines read or flagged that no label mentions'.padEnd(44)} ${String(e.unlabelledReads).padStart(6)}\n`;
  return out;
}

function formatDetails(f: CorpusFigures): string {
  let out = '\nPer document\n';
  for (const d of f.docs) {
    const lines: string[] = [];
    if (d.phases.missed.length) lines.push(`missed phases: ${d.phases.missed.join(', ')}`);
    if (d.starts.wrong.length) lines.push(`wrong starts: ${d.starts.wrong.join('; ')}`);
    if (d.claimed.wrong.length) lines.push(`parts not in the doc: ${d.claimed.wrong.join(', ')}`);
    if (d.engineGenre !== d.genre) lines.push(`genre: engine ${d.engineGenre}, label ${d.genre}`);
    if (args.has('--headings')) for (const h of d.headings.disagree) lines.push(`heading ${h}`);
    if (d.tradeOffs.labelled && d.tradeOffs.engine === 'missing') lines.push('trade-offs called missing');
    for (const finding of d.findings) {
      if (finding.verdict !== 'useful') lines.push(`${finding.verdict ?? 'UNJUDGED'} ${finding.key} [${finding.severity}] ${finding.message}`);
    }
    for (const issue of d.estimateIssues) lines.push(`estimate ${issue}`);
    if (lines.length === 0) continue;
    out += `\n${d.genre}/${d.id}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
  }
  return out;
}
