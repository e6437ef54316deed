// What the engine says about a corpus document, in the terms the labels use: each heading's kind, the
// phase starts, the trade-off discussion, the genre and whether it is taken for a design document.
import { classifySections, genreOf, recognizeDesignDocument, type Analysis, type Finding } from '../../src/core';
import type { LabelKind } from './labels';

export interface EngineView {
  detected: boolean;
  genre: string;
  /** 1-based heading line → the kind the engine gives it (undefined: none). */
  headingKinds: Map<number, LabelKind | undefined>;
  /** 1-based heading line → further kinds the heading names ("Context, requirements & API design"). */
  headingAlso: Map<number, LabelKind[]>;
  /** Headings where the engine starts a part. */
  starts: Array<{ line: number; kind: LabelKind }>;
  inlineTradeOffLines: number[];
  /** present | empty | inline | missing | not-asked */
  tradeOffs: string;
  findings: Finding[];
}

export function corpusView(analysis: Analysis, path: string): EngineView {
  const doc = analysis.document;
  const classes = classifySections(doc);
  const headingKinds = new Map<number, LabelKind | undefined>();
  const headingAlso = new Map<number, LabelKind[]>();
  const starts: EngineView['starts'] = [];
  for (const section of doc.sections) {
    const c = classes.get(section);
    headingKinds.set(section.line + 1, c?.kind);
    if (c?.starts && c.also.length > 0) headingAlso.set(section.line + 1, c.also);
    if (c?.starts && c.kind) starts.push({ line: section.line + 1, kind: c.kind });
  }
  const trade = analysis.phases.find((p) => p.phase.kind === 'trade-offs');
  return {
    detected: recognizeDesignDocument(doc, path).designDoc,
    genre: genreOf(analysis.choice.framework),
    headingKinds,
    headingAlso,
    starts,
    inlineTradeOffLines: trade?.inline ? [trade.inline.line + 1] : [],
    tradeOffs: trade ? (trade.inline ? 'inline' : trade.status) : 'not-asked',
    findings: analysis.findings,
  };
}
