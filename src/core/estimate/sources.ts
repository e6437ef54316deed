// Picks the lines the estimator reads: every line of ```estimate fences (strict), likely lines of prose (lenient).
import type { Block, EstimateSource, ParsedDocument } from '../types';
import { looksLikeEstimate, mayHoldEstimate } from './lines';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

const LENIENT_FENCES = new Set(['', 'text', 'txt', 'plain', 'plaintext']);

/** Lines of a code body as `text.replace(/\n$/, '').split('\n').length` counts them, without the copies. */
export function lineCount(text: string): number {
  let n = 1;
  const last = text.length - 1;
  for (let k = text.indexOf('\n'); k >= 0 && k < last; k = text.indexOf('\n', k + 1)) n++;
  return n;
}

/**
 * A first character that none of QUOTE_AT, LIST_MARKER_AT, FENCE_AT or leading whitespace can start with:
 * printable ASCII other than space, digits and `>`, `-`, `*`, `+`, `` ` ``, `~`. Most prose lines begin
 * with a letter, and such a line is read as it is, with no regex and no copies.
 */
function plainStart(code: number): boolean {
  if (!(code > 32 && code < 127)) return false; // also NaN: an empty line
  if (code >= 48 && code <= 57) return false;
  return code !== 62 && code !== 45 && code !== 42 && code !== 43 && code !== 96 && code !== 126;
}

function fenceBody(doc: ParsedDocument, block: Block): number[] {
  const start = block.contentLine ?? block.line + 1;
  const count = lineCount(block.text);
  const end = Math.min(start + (block.text === '' ? 0 : count), block.endLine, doc.lines.length);
  const out: number[] = [];
  for (let l = start; l < end; l++) out.push(l);
  return out;
}

/** Quote markers, a list marker, leading space and a fence opener, as sticky patterns: read at a column without slicing the line. */
const QUOTE_AT = /\s*(?:>\s?)+/y;
const LIST_MARKER_AT = /\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/y;
const SPACE_AT = /\s*/y;
const FENCE_AT = /\s*(?:`{3,}|~{3,})/y;

/** The end of `re`'s match at `col`, or `col` when it does not match there. */
function skip(re: RegExp, raw: string, col: number): number {
  re.lastIndex = col;
  return re.test(raw) ? re.lastIndex : col;
}

/** A fence body line without its quote markers, leading and trailing space. */
function located(doc: ParsedDocument, line: number, strict: boolean): EstimateSource | undefined {
  const raw = doc.lines[line];
  if (raw === undefined) return undefined;
  if (plainStart(raw.charCodeAt(0))) return { line, column: 0, text: raw.trimEnd(), strict };
  return trimmedFrom(raw, line, skip(QUOTE_AT, raw, 0), strict);
}

/** The source for `raw` read from `col` on, past leading space and without trailing space. */
function trimmedFrom(raw: string, line: number, col: number, strict: boolean): EstimateSource | undefined {
  col = skip(SPACE_AT, raw, col);
  const text = raw.slice(col).trimEnd();
  if (!text) return undefined;
  return { line, column: col, text, strict };
}

/**
 * Where `raw`'s quote markers end, where a list marker after them ends, and whether a fence opens or
 * closes there.
 */
function readMarkers(raw: string): { fence: boolean; quoted: number; listed: number } {
  const quoted = skip(QUOTE_AT, raw, 0);
  const listed = skip(LIST_MARKER_AT, raw, quoted);
  FENCE_AT.lastIndex = listed;
  return { fence: FENCE_AT.test(raw), quoted, listed };
}

/** Estimate sources in document order (prose only where it may hold an estimate); each document line appears at most once. */
export function extractEstimateSources(doc: ParsedDocument): EstimateSource[] {
  const out: EstimateSource[] = [];
  for (const block of doc.blocks) {
    // Other kinds never hold estimates; skipping them here also keeps them out of the memo.
    if (block.kind === 'hr' || block.kind === 'blockquote') continue;
    const found = blockSources(doc, block);
    for (let i = 0; i < found.length; i++) out.push(found[i]);
  }
  return out;
}

/**
 * A block's sources depend only on its own lines, which are the same whenever the block object is
 * (an unchanged chunk keeps its blocks between parses), so they are kept per block. Read-only.
 */
const memo = new ObjectMemo<Block, EstimateSource[]>(MEMO_LIMITS.blocks);

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
    const fenced = readMarkers(doc.lines[block.line] ?? '').fence;
    if (lang === 'estimate') {
      for (const l of fenceBody(doc, block)) add(located(doc, l, true));
    } else if (fenced && LENIENT_FENCES.has(lang)) {
      for (const l of fenceBody(doc, block)) add(located(doc, l, false));
    } else if (!fenced && proseInCode(block.text)) {
      // An indented block of notes with arithmetic (`RPS = 50 000 000 * 10 / 86 400 ~= 5800 r/s`) is read as prose.
      for (let l = block.line; l < block.endLine && l < doc.lines.length; l++) add(located(doc, l, false));
    }
    return out;
  }
  if (block.kind === 'html') return htmlSources(doc, block);
  if (block.kind === 'table') return tableSources(doc, block);
  // A list's parent items are read only once one of its lines may hold an estimate.
  let parents: Map<number, string> | undefined;
  let parentsRead = block.kind !== 'list';
  const inContext = (source: EstimateSource) => {
    if (!parentsRead) {
      parents = parentItems(block);
      parentsRead = true;
    }
    return withContext(source, parents);
  };
  const math = block.kind === 'paragraph' ? displayMath(doc, block) : undefined;
  if (math) out.push(...math.sources);
  let inFence = false;
  for (let l = block.line; l < block.endLine && l < doc.lines.length; l++) {
    if (math?.lines.has(l)) continue;
    const raw = doc.lines[l];
    if (plainStart(raw.charCodeAt(0))) {
      if (inFence) continue;
      const text = raw.trimEnd();
      if (mayHoldEstimate(text)) out.push(inContext({ line: l, column: 0, text, strict: false }));
      continue;
    }
    // A fence line is one once its quote and list markers are skipped (in any block); a source only in a list.
    const { fence, quoted, listed } = readMarkers(raw);
    if (fence) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const found = trimmedFrom(raw, l, block.kind === 'list' ? listed : quoted, false);
    if (found && mayHoldEstimate(found.text)) out.push(inContext(found));
  }
  return out;
}

const MATH_FENCE = /^\s*\$\$\s*$/;

/**
 * Display math written over several lines (`$$`, `\frac{…}{…} =`, `\sim 11574 requests/second`, `$$`)
 * is one calculation: its lines are joined into one source, with pieces that map back to each line.
 * A `$$ … $$` on a single line is read as the line it is.
 */
function displayMath(doc: ParsedDocument, block: Block): { sources: EstimateSource[]; lines: Set<number> } | undefined {
  let result: { sources: EstimateSource[]; lines: Set<number> } | undefined;
  const end = Math.min(block.endLine, doc.lines.length);
  for (let l = block.line; l < end; l++) {
    if (!MATH_FENCE.test(doc.lines[l])) continue;
    let close = l + 1;
    while (close < end && !MATH_FENCE.test(doc.lines[close])) close++;
    if (close >= end) break;
    const content: number[] = [];
    for (let k = l + 1; k < close; k++) if (doc.lines[k].trim()) content.push(k);
    if (content.length >= 2) {
      result ??= { sources: [], lines: new Set() };
      let text = '$$ ';
      const pieces: NonNullable<EstimateSource['pieces']> = [];
      for (const k of content) {
        const raw = doc.lines[k];
        const column = raw.length - raw.trimStart().length;
        if (pieces.length > 0) text += ' ';
        pieces.push({ at: text.length, line: k, column });
        text += raw.trim();
      }
      text += ' $$';
      result.sources.push({ line: content[0], column: pieces[0].column, text, strict: false, pieces });
      for (let k = l; k <= close; k++) result.lines.add(k);
    }
    l = close;
  }
  return result;
}

/** Each line of a list → the text of the item its own item is nested in. */
function parentItems(block: Block): Map<number, string> | undefined {
  const items = block.items ?? [];
  let map: Map<number, string> | undefined;
  const stack: { depth: number; text: string }[] = [];
  for (const item of items) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= item.depth) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      map ??= new Map();
      for (let l = item.line; l < item.endLine; l++) if (!map.has(l)) map.set(l, parent.text);
    }
    stack.push({ depth: item.depth, text: item.text });
  }
  return map;
}

function withContext(source: EstimateSource, parents: Map<number, string> | undefined): EstimateSource {
  const context = parents?.get(source.line);
  return context ? { ...source, context } : source;
}

// Program code: statement ends, braces, keywords at the start of a line.
const CODE_SYNTAX = /[;{}]|^\s*(?:def|return|function|class|import|from|var|let|const|for|while|if|else|public|private|func|fn|package|#include)\b|=>\s*[({]|\)\s*\{/m;

/**
 * An indented code block is code, unless it reads as notes: no program syntax at all, and arithmetic with
 * a relation on some line. Without a fence line it carries no language to tell.
 */
function proseInCode(text: string): boolean {
  if (CODE_SYNTAX.test(text) || (!PROSE_WORDS.test(text) && !UNIT_WORD.test(text))) return false;
  for (const line of text.split('\n')) if (looksLikeEstimate(line)) return true;
  return false;
}

/** A number with a unit people size systems in: `5 PB + 45 PB`, `85 r/s`. */
const UNIT_WORD = /\d\s*(?:[KMGTP]i?B|bytes?|ms|seconds?|sec|hours?|days?|r\/s|rps|qps)\b/i;

/** Two words of three letters or more in a row: a sentence, not an assignment of one-letter names. */
const PROSE_WORDS = /[A-Za-z]{3,}[ ,]+[A-Za-z]{3,}/;

const TAG = /<[^<>\n]{0,200}>/g;

/** Lines of an HTML block (`<li>500M messages/day -> 5000 RPS</li>`) with their tags blanked, columns kept. */
function htmlSources(doc: ParsedDocument, block: Block): EstimateSource[] {
  const out: EstimateSource[] = [];
  for (let l = block.line; l < block.endLine && l < doc.lines.length; l++) {
    const raw = doc.lines[l];
    if (!/\d/.test(raw) || raw.includes('<!--')) continue;
    const text = raw.replace(TAG, (tag) => ' '.repeat(tag.length));
    const found = trimmedFrom(text, l, 0, false);
    if (found) out.push(found);
  }
  return out;
}

/** A table row's cells, each read on its own (`| Storage (5 years) | 200 GB × 365 × 5 ≈ 365 TB |`). */
function tableSources(doc: ParsedDocument, block: Block): EstimateSource[] {
  const out: EstimateSource[] = [];
  for (let l = block.line; l < block.endLine && l < doc.lines.length; l++) {
    const raw = doc.lines[l];
    if (/^\s*\|?\s*:?-{2,}/.test(raw)) continue; // the delimiter row
    let start = 0;
    for (let i = 0; i <= raw.length; i++) {
      const c = raw.charCodeAt(i);
      if (i < raw.length && (c !== 124 /* | */ || raw.charCodeAt(i - 1) === 92 /* \ */)) continue;
      const cell = raw.slice(start, i);
      const lead = cell.length - cell.trimStart().length;
      const text = cell.trim();
      if (text && mayHoldEstimate(text)) out.push({ line: l, column: start + lead, text, strict: false });
      start = i + 1;
    }
  }
  return out;
}
