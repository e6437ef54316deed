// Picks the lines the estimator reads: every line of ```estimate fences (strict), likely lines of prose (lenient).
import type { Block, EstimateSource, ParsedDocument } from '../types';

const LENIENT_FENCES = new Set(['', 'text', 'txt', 'plain', 'plaintext']);
const FENCE = /^\s*(?:`{3,}|~{3,})/;
const QUOTE = /^\s*(?:>\s?)+/;
const LIST_MARKER = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;

function fenceBody(doc: ParsedDocument, block: Block): number[] {
  const start = block.contentLine ?? block.line + 1;
  const count = block.text.replace(/\n$/, '').split('\n').length;
  const end = Math.min(start + (block.text === '' ? 0 : count), block.endLine, doc.lines.length);
  const out: number[] = [];
  for (let l = start; l < end; l++) out.push(l);
  return out;
}

function located(doc: ParsedDocument, line: number, strip: RegExp[], strict: boolean): EstimateSource | undefined {
  const raw = doc.lines[line];
  if (raw === undefined) return undefined;
  let col = 0;
  for (const re of strip) {
    const m = re.exec(raw.slice(col));
    if (m && m.index === 0) col += m[0].length;
  }
  const lead = /^\s*/.exec(raw.slice(col))![0].length;
  col += lead;
  const text = raw.slice(col).trimEnd();
  if (!text) return undefined;
  return { line, column: col, text, strict };
}

/** Estimate sources in document order; each document line appears at most once. */
export function extractEstimateSources(doc: ParsedDocument): EstimateSource[] {
  const out: EstimateSource[] = [];
  for (const block of doc.blocks) {
    const found = blockSources(doc, block);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
  return out;
}

/**
 * A block's sources depend only on its own lines, which are the same whenever the block object is
 * (an unchanged chunk keeps its blocks between parses), so they are kept per block. Read-only.
 */
const memo = new WeakMap<Block, EstimateSource[]>();

function blockSources(doc: ParsedDocument, block: Block): EstimateSource[] {
  let found = memo.get(block);
  if (!found) memo.set(block, (found = readBlockSources(doc, block)));
  return found;
}

function readBlockSources(doc: ParsedDocument, block: Block): EstimateSource[] {
  const out: EstimateSource[] = [];
  const add = (s: EstimateSource | undefined) => {
    if (s) out.push(s);
  };
  if (block.kind === 'code') {
    const lang = (block.lang ?? '').toLowerCase();
    // An indented code block has no fence line and no language: it is code, never an estimate.
    const fenced = FENCE.test((doc.lines[block.line] ?? '').replace(QUOTE, '').replace(LIST_MARKER, ''));
    if (lang === 'estimate') {
      for (const l of fenceBody(doc, block)) add(located(doc, l, [QUOTE], true));
    } else if (fenced && LENIENT_FENCES.has(lang)) {
      for (const l of fenceBody(doc, block)) add(located(doc, l, [QUOTE], false));
    }
    return out;
  }
  if (block.kind !== 'paragraph' && block.kind !== 'list') return out;
  let inFence = false;
  for (let l = block.line; l < block.endLine && l < doc.lines.length; l++) {
    const raw = doc.lines[l];
    const unquoted = raw.replace(QUOTE, '');
    if (FENCE.test(unquoted.replace(LIST_MARKER, ''))) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    add(located(doc, l, block.kind === 'list' ? [QUOTE, LIST_MARKER] : [QUOTE], false));
  }
  return out;
}
