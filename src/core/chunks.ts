// Cuts a document into chunks at top-level headings and parses each chunk once per content: a
// keystroke re-parses only the chunk it touched; every other chunk comes from the cache.
import type { Env } from 'markdown-it';
import { parseChunk, shiftChunk, type Chunk } from './parseChunk';

/**
 * Lines where a chunk may start: a `#` heading in column 0 closes every container (lists, quotes,
 * paragraphs, tables), so markdown-it reads what follows the same way alone or in the whole
 * document. Lines inside what looks like a fence or an HTML block are skipped; parseChunk's
 * `runsOn` catches any case this scan misreads, and the chunk is then merged with the next.
 */
export function chunkStarts(lines: readonly string[]): number[] {
  const starts = [0];
  let fence: { char: string; length: number } | undefined;
  let htmlEnd: RegExp | 'blank' | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.length && close[2].trim() === '') fence = undefined;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd === 'blank' ? line.trim() === '' : htmlEnd.test(line)) htmlEnd = undefined;
      continue;
    }
    const c = line.charCodeAt(0);
    if (c === 35 /* # */ && i - starts[starts.length - 1] >= MIN_CHUNK_LINES && ATX.test(line)) starts.push(i);
    else if (c === 32 || c === 96 || c === 126 || c === 60) {
      const open = FENCE.exec(line);
      if (open && !(open[1][0] === '`' && open[2].includes('`'))) fence = { char: open[1][0], length: open[1].length };
      else if (HTML_START.test(line)) htmlEnd = htmlBlockEnd(line);
    }
  }
  return starts;
}

const ATX = /^#{1,6}(?:[ \t]|$)/;
/**
 * Each markdown-it call has a fixed cost, so a chunk spans at least this many lines (the first
 * heading after that starts the next). A keystroke that keeps the line count keeps every cut; one
 * that adds or removes a line moves at most the cuts that follow it until they fall back in step.
 */
const MIN_CHUNK_LINES = 40;

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const HTML_START = /^ {0,3}</;
/** CommonMark HTML block kinds 1–5 end at a marker; the others end at a blank line. */
const HTML_KINDS: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
];

function htmlBlockEnd(line: string): RegExp | 'blank' | undefined {
  for (const [start, end] of HTML_KINDS) {
    const m = start.exec(line);
    if (m) return end.test(line.slice(m[0].length)) ? undefined : end;
  }
  return line.trim() === '' ? undefined : 'blank';
}

/** Chunks parsed before, by their text. Bounded by characters, least recently used out first. */
let cache = new Map<string, Chunk>();
let cachedChars = 0;
const MAX_CACHED_CHARS = 4_000_000;
/** Past this many merges the cut points are not worth it (adversarial input): parse the whole. */
const MAX_MERGES = 64;

export function clearChunkCache(): void {
  cache = new Map();
  cachedChars = 0;
}

function chunkAt(lines: readonly string[], start: number, end: number): Chunk {
  const slice = lines.slice(start, end);
  const text = chunkText(slice, end === lines.length);
  const hit = cache.get(text);
  // The line count must match too: a last chunk ending in an empty line has the text of a shorter one.
  if (hit && hit.lineCount === slice.length) {
    cache.delete(text);
    const placed = hit.offset === start ? hit : shiftChunk(hit, start);
    cache.set(text, placed);
    return placed;
  }
  const chunk = parseChunk(text, slice, start);
  if (hit) cache.delete(text);
  else cachedChars += text.length;
  cache.set(text, chunk);
  for (const [key] of cache) {
    if (cachedChars <= MAX_CACHED_CHARS || cache.size <= 1) break;
    cache.delete(key);
    cachedChars -= key.length;
  }
  return chunk;
}

/**
 * A chunk before the last ends with a newline, so that markdown-it counts its last line (it would
 * drop a trailing empty line, shortening blocks that end there in the whole document).
 */
function chunkText(lines: readonly string[], last: boolean): string {
  const text = lines.join('\n');
  return last ? text : `${text}\n`;
}

/** The document's chunks in order; `whole` parses it as one chunk (the reference the tests compare with). */
export function readChunks(lines: readonly string[], whole = false): Chunk[] {
  const starts = whole ? [0] : chunkStarts(lines);
  const chunks: Chunk[] = [];
  let merges = 0;
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k];
    let chunk = chunkAt(lines, start, starts[k + 1] ?? lines.length);
    // Each merge takes twice as many cut points as the last, so a run of misread cuts costs at most
    // about twice the parse of the text it covers, not the square of it.
    for (let step = 1; chunk.runsOn && k + 1 < starts.length; step *= 2) {
      if (++merges > MAX_MERGES) return readChunks(lines, true);
      k = Math.min(k + step, starts.length - 1);
      chunk = chunkAt(lines, start, starts[k + 1] ?? lines.length);
    }
    chunks.push(chunk);
  }
  return chunks.length > 1 ? withSharedReferences(lines, chunks) : chunks;
}

/**
 * Link references apply document-wide, first definition first. A chunk that reads references and
 * lacks one defined elsewhere is parsed again with all of them (not cached: its reading depends on
 * other chunks).
 */
function withSharedReferences(lines: readonly string[], chunks: Chunk[]): Chunk[] {
  let all: Record<string, unknown> | undefined;
  for (const chunk of chunks) {
    for (const label in chunk.references) {
      all ??= {};
      if (!(label in all)) all[label] = chunk.references[label];
    }
  }
  if (!all) return chunks;
  const labels = Object.keys(all);
  return chunks.map((chunk) => {
    if (!chunk.readsReferences || labels.every((label) => chunk.references[label] === all[label])) return chunk;
    const end = chunk.offset + chunk.lineCount;
    const slice = lines.slice(chunk.offset, end);
    const env = { references: { ...all } } as Env;
    return parseChunk(chunkText(slice, end === lines.length), slice, chunk.offset, env);
  });
}
