// Runs the engine over the labelled corpus and compares what it reports with what the labels say.
import { analyze, type Analysis, type Finding } from '../../src/core';
import { corpusView, type EngineView } from './engineView';
import { parseLabelValue } from './labelValue';
import { findingKey, type CorpusDoc, type Genre, type LabelKind } from './labels';

export interface RuleFigures {
  code: string;
  total: number;
  useful: number;
  falseAlarms: number;
  unjudged: number;
  /** Findings at warning or error (what a user sees as a squiggle that asserts). */
  asserted: number;
  assertedFalse: number;
}

export interface EstimateFigures {
  correctLines: number;
  correctAccepted: number;
  /** Correct lines that state a calculation or conversion on the line itself (a number, a relation, a number). */
  checkableLines: number;
  checkableAccepted: number;
  correctFlagged: number;
  correctHinted: number;
  wrongLines: number;
  wrongCaught: number;
  wrongCaughtRightValue: number;
  proseLines: number;
  proseLeftAlone: number;
  /** Lines the engine read or flagged that no label mentions. */
  unlabelledReads: number;
}

export interface DocResult {
  id: string;
  genre: Genre;
  engineGenre: string;
  detected: boolean;
  phases: { labelled: number; found: number; missed: string[] };
  starts: { total: number; wrong: string[] };
  /** Kinds the engine finds that no heading or discussion of the document is labelled with. */
  claimed: { total: number; wrong: string[] };
  headings: { labelled: number; agree: number; disagree: string[] };
  tradeOffs: { labelled: boolean; engine: string };
  findings: Array<{ key: string; severity: string; message: string; verdict?: string }>;
  estimates: EstimateFigures;
  estimateIssues: string[];
}

export interface CorpusFigures {
  documents: number;
  byGenre: Record<string, number>;
  phaseRecall: { found: number; labelled: number };
  phaseFalsePositives: { wrong: number; claimed: number };
  wrongStarts: { wrong: number; starts: number };
  headingAgreement: { agree: number; labelled: number };
  tradeOffs: { present: number; calledMissing: number; absent: number; rightlyMissing: number };
  genre: { right: number; designDocs: number; nonDesign: number; nonDesignTaken: number; designFound: number };
  rules: RuleFigures[];
  findings: { total: number; useful: number; falseAlarms: number; unjudged: number };
  estimates: EstimateFigures;
  docs: DocResult[];
}

const DESIGN_KINDS = (kind: LabelKind | undefined): boolean => kind !== undefined && kind !== 'none';

export function evaluateCorpus(docs: CorpusDoc[]): CorpusFigures {
  const results = docs.map(evaluateDoc);
  return aggregate(docs, results);
}

export function analyzeCorpusDoc(doc: CorpusDoc): Analysis {
  // The corpus path as a user's repository would have it: not under a design-docs folder.
  return analyze(doc.text, { path: `docs/${doc.file}` });
}

export function evaluateDoc(doc: CorpusDoc): DocResult {
  const analysis = analyzeCorpusDoc(doc);
  const view = corpusView(analysis, `docs/${doc.file}`);
  const labels = doc.labels;
  const labelAt = new Map(labels.headings.map((h) => [h.line, h.kind]));

  // Doc-level phases: each labelled kind, found when the engine gives that kind to a heading labelled with it
  // (or, for trade-offs, finds the discussion inline at a labelled line).
  const labelledKinds = new Set<LabelKind>();
  for (const h of labels.headings) if (DESIGN_KINDS(h.kind)) labelledKinds.add(h.kind);
  if (labels.tradeOffs.present) labelledKinds.add('trade-offs');
  const missed: string[] = [];
  let found = 0;
  if (labels.designDoc) {
    for (const kind of labelledKinds) {
      const atHeading = labels.headings.some((h) => h.kind === kind && (view.headingKinds.get(h.line) === kind || (view.headingAlso.get(h.line) ?? []).includes(kind)));
      const inline = kind === 'trade-offs' && view.inlineTradeOffLines.some((l) => (labels.tradeOffs.lines ?? []).some((t) => Math.abs(t - l) <= 3));
      if (atHeading || inline) found++;
      else missed.push(kind);
    }
  }

  // Parts the engine says the document has, against the parts it has anywhere (doc level).
  const claimedKinds = new Set(view.starts.map((s) => s.kind));
  if (view.inlineTradeOffLines.length > 0) claimedKinds.add('trade-offs');
  const wrongClaims = labels.designDoc ? [...claimedKinds].filter((k) => !labelledKinds.has(k)) : [];

  // Phase starts the engine reports: wrong when the heading is labelled with another kind.
  const wrongStarts: string[] = [];
  for (const start of view.starts) {
    const label = labelAt.get(start.line);
    if (label !== start.kind) wrongStarts.push(`${start.line}:${start.kind}(label ${label ?? 'no heading'})`);
  }

  let agree = 0;
  let labelledHeadings = 0;
  const disagree: string[] = [];
  for (const h of labels.headings) {
    if (!labels.designDoc) continue;
    labelledHeadings++;
    const engine = view.headingKinds.get(h.line) ?? 'none';
    if (engine === h.kind) agree++;
    else disagree.push(`${h.line} "${h.title.slice(0, 50)}": engine ${engine}, label ${h.kind}`);
  }

  // A document the engine does not take for a design document gets no findings in a folder walk; one it
  // wrongly takes for one shows them all.
  const shown = labels.designDoc || view.detected ? view.findings : [];
  const findings = shown.map((f) => {
    const key = findingKey(f.code, f.range.start.line, f.phaseId);
    const verdict = labels.findings?.[key]?.verdict ?? derivedVerdict(f, analysis, labels);
    return { key, severity: f.severity, message: f.message, verdict };
  });

  const { figures: estimates, issues } = evaluateEstimates(doc, analysis, view);

  return {
    id: doc.id,
    genre: doc.genre,
    // A design document is judged by the framework it is checked against (as when its author marks it);
    // a non-design document is right when nothing takes it for one.
    engineGenre: labels.designDoc ? view.genre : view.detected ? view.genre : 'other',
    detected: view.detected,
    phases: { labelled: labels.designDoc ? labelledKinds.size : 0, found, missed },
    starts: { total: labels.designDoc ? view.starts.length : 0, wrong: labels.designDoc ? wrongStarts : [] },
    claimed: { total: labels.designDoc ? claimedKinds.size : 0, wrong: wrongClaims },
    headings: { labelled: labelledHeadings, agree, disagree },
    tradeOffs: { labelled: labels.tradeOffs.present, engine: view.tradeOffs },
    findings,
    estimates,
    estimateIssues: issues,
  };
}

const SEVERE = new Set(['warning', 'error']);

/**
 * A line that states a calculation or a conversion the engine can check from the line alone: a number,
 * then a relation (symbol or words), then a number. Lines that only state a figure ("storage: 1 TB")
 * are estimates too, but there is nothing on them to check.
 */
const CHECKABLE = /\d[^]*?(?:[=≈~→⇒]|->|=>|\\approx|\\sim|\btranslates? (?:in)?to\b|\bis (?:about|around|roughly)\b|\bcomes to\b|\bresults? in\b|\bwhich is\b)[^\d]*\d/;

/**
 * Verdicts that follow from the hand labels without a per-finding judgement: a "missing phase" finding
 * is useful exactly when the labels say the document clearly lacks that kind of section; on a document
 * that is not a design document every finding is a false alarm.
 */
function derivedVerdict(f: Finding, analysis: Analysis, labels: CorpusDoc['labels']): 'useful' | 'false-alarm' | undefined {
  if (!labels.designDoc) return 'false-alarm';
  if (f.code === 'SD001' && f.phaseId) {
    const kind = analysis.choice.framework.phases.find((p) => p.id === f.phaseId)?.kind as LabelKind | undefined;
    if (!kind) return undefined;
    return labels.lacks.includes(kind) ? 'useful' : 'false-alarm';
  }
  return undefined;
}

function evaluateEstimates(doc: CorpusDoc, analysis: Analysis, view: EngineView): { figures: EstimateFigures; issues: string[] } {
  const figures: EstimateFigures = {
    correctLines: 0,
    correctAccepted: 0,
    checkableLines: 0,
    checkableAccepted: 0,
    correctFlagged: 0,
    correctHinted: 0,
    wrongLines: 0,
    wrongCaught: 0,
    wrongCaughtRightValue: 0,
    proseLines: 0,
    proseLeftAlone: 0,
    unlabelledReads: 0,
  };
  const issues: string[] = [];
  const readLines = new Map(analysis.estimates.lines.map((l) => [l.line + 1, l]));
  const seFindings = new Map<number, Finding[]>();
  for (const f of view.findings) {
    if (!f.code.startsWith('SE')) continue;
    const line = f.range.start.line + 1;
    seFindings.set(line, [...(seFindings.get(line) ?? []), f]);
  }
  const labelled = new Set<number>();
  for (const label of doc.labels.estimates ?? []) {
    labelled.add(label.line);
    const read = readLines.get(label.line);
    const flagged = (seFindings.get(label.line) ?? []).filter((f) => SEVERE.has(f.severity));
    const hinted = (seFindings.get(label.line) ?? []).filter((f) => !SEVERE.has(f.severity));
    if (label.verdict === 'correct') {
      figures.correctLines++;
      const checkable = CHECKABLE.test(label.text);
      if (checkable) figures.checkableLines++;
      if (flagged.length > 0) {
        figures.correctFlagged++;
        issues.push(`${label.line}: correct line flagged: ${flagged.map((f) => `${f.code} ${f.message}`).join(' | ')}`);
      } else if (read && read.claims.length > 0 && read.claims.every((c) => c.status === 'ok' || c.status === 'hint')) {
        figures.correctAccepted++;
        if (checkable) figures.checkableAccepted++;
      } else {
        issues.push(`${label.line}: correct ${checkable ? 'calculation' : 'statement'} not read: ${label.text}`);
      }
      if (hinted.length > 0) figures.correctHinted++;
    } else if (label.verdict === 'wrong') {
      figures.wrongLines++;
      const wrongClaim = flagged.find((f) => f.code === 'SE002' || f.code === 'SE005');
      if (wrongClaim) {
        figures.wrongCaught++;
        if (rightValue(label.value, read)) figures.wrongCaughtRightValue++;
        else issues.push(`${label.line}: wrong line caught but value differs from ${label.value}: ${wrongClaim.message}`);
      } else {
        issues.push(`${label.line}: wrong line missed (should be ${label.value}): ${label.text}`);
      }
    } else {
      figures.proseLines++;
      if (!read && !seFindings.has(label.line)) figures.proseLeftAlone++;
      else issues.push(`${label.line}: not an estimate, but read: ${label.text}`);
    }
  }
  for (const [line] of readLines) {
    if (!labelled.has(line) && readLines.get(line)!.claims.length > 0) {
      figures.unlabelledReads++;
      issues.push(`${line}: read but not labelled: ${readLines.get(line)!.source}`);
    }
  }
  for (const [line, fs] of seFindings) {
    if (!labelled.has(line) && !readLines.has(line)) {
      figures.unlabelledReads++;
      issues.push(`${line}: flagged but not labelled: ${fs.map((f) => f.code).join(', ')}`);
    }
  }
  return { figures, issues };
}

/** The engine's computed value for the line is within 15% of the labelled right value (same base unit). */
function rightValue(label: string | undefined, read: Analysis['estimates']['lines'][number] | undefined): boolean {
  if (!label || !read) return false;
  const expected = parseLabelValue(label);
  if (!expected) return false;
  const close = (a: number) => a > 0.85 && a < 1.15;
  if (expected.unit === read.unit || expected.unit === '' || read.unit === '') return close(read.value / expected.value);
  // A rate against a total (`2 PB/day` labelled, `2 PB` computed): the same figure per day, hour, month or year.
  for (const period of [86400, 3600, 86400 * 30, 86400 * 365, 1]) {
    if (close((read.value * period) / expected.value) || close(read.value / (expected.value * period))) return true;
  }
  return false;
}

function aggregate(docs: CorpusDoc[], results: DocResult[]): CorpusFigures {
  const byGenre: Record<string, number> = {};
  for (const d of docs) byGenre[d.genre] = (byGenre[d.genre] ?? 0) + 1;
  const sum = (f: (r: DocResult) => number) => results.reduce((n, r) => n + f(r), 0);

  const rules = new Map<string, RuleFigures>();
  for (const r of results) {
    for (const f of r.findings) {
      const code = f.key.split(':')[0];
      let rule = rules.get(code);
      if (!rule) rules.set(code, (rule = { code, total: 0, useful: 0, falseAlarms: 0, unjudged: 0, asserted: 0, assertedFalse: 0 }));
      rule.total++;
      if (f.verdict === 'useful') rule.useful++;
      else if (f.verdict === 'false-alarm') rule.falseAlarms++;
      else rule.unjudged++;
      if (SEVERE.has(f.severity)) {
        rule.asserted++;
        if (f.verdict === 'false-alarm') rule.assertedFalse++;
      }
    }
  }
  const ruleList = [...rules.values()].sort((a, b) => a.code.localeCompare(b.code));

  const estimateKeys = Object.keys(results[0]?.estimates ?? {}) as Array<keyof EstimateFigures>;
  const estimates = Object.fromEntries(estimateKeys.map((k) => [k, sum((r) => r.estimates[k])])) as unknown as EstimateFigures;

  const design = results.filter((r) => r.genre !== 'other');
  const nonDesign = results.filter((r) => r.genre === 'other');
  return {
    documents: docs.length,
    byGenre,
    phaseRecall: { found: sum((r) => r.phases.found), labelled: sum((r) => r.phases.labelled) },
    phaseFalsePositives: { wrong: sum((r) => r.claimed.wrong.length), claimed: sum((r) => r.claimed.total) },
    wrongStarts: { wrong: sum((r) => r.starts.wrong.length), starts: sum((r) => r.starts.total) },
    headingAgreement: { agree: sum((r) => r.headings.agree), labelled: sum((r) => r.headings.labelled) },
    tradeOffs: {
      present: design.filter((r) => r.tradeOffs.labelled).length,
      calledMissing: design.filter((r) => r.tradeOffs.labelled && r.tradeOffs.engine === 'missing').length,
      absent: design.filter((r) => !r.tradeOffs.labelled).length,
      rightlyMissing: design.filter((r) => !r.tradeOffs.labelled && r.tradeOffs.engine === 'missing').length,
    },
    genre: {
      right: results.filter((r) => r.engineGenre === r.genre).length,
      designDocs: design.length,
      designFound: design.filter((r) => r.detected).length,
      nonDesign: nonDesign.length,
      nonDesignTaken: nonDesign.filter((r) => r.detected).length,
    },
    rules: ruleList,
    findings: {
      total: ruleList.reduce((n, r) => n + r.total, 0),
      useful: ruleList.reduce((n, r) => n + r.useful, 0),
      falseAlarms: ruleList.reduce((n, r) => n + r.falseAlarms, 0),
      unjudged: ruleList.reduce((n, r) => n + r.unjudged, 0),
    },
    estimates,
    docs: results,
  };
}
