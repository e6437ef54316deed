// Finds HTTP endpoints (`GET /v1/feed`) written anywhere in a document, with the text around each one
// that belongs to it: its list item, paragraph, table row, code-block paragraph or heading section.
import type { Block, ParsedDocument, Range } from '../../types';
import { range } from './ranges';
import { MEMO_LIMITS, ObjectMemo } from '../../objectMemo';

export interface Endpoint {
  method: string;
  /** Path as written, query string included. */
  path: string;
  /** Method through the end of the path. */
  range: Range;
  /** Where the path ends, for edits that extend it. */
  pathEnd: Range['end'];
  /** Lines [from, to) that count as the endpoint's own description. */
  context: { from: number; to: number };
}

// Method, then separators a doc might put between it and the path (spaces, backticks, table bars, bold).
const ENDPOINT = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b[ \t`|*:]*((?:https?:\/\/[^\s/`|]+)?\/[^\s`|)"'<>*\]]*)/g;
// An edge label such as `-->|GET /users|` in a diagram is not where an API is specified.
const DIAGRAM_LANGS = new Set(['mermaid', 'plantuml', 'puml', 'dot', 'graphviz', 'd2']);

const cache = new ObjectMemo<ParsedDocument, Endpoint[]>(MEMO_LIMITS.docs);

/** Every endpoint in the document, in document order (computed once per parsed document). */
export function findEndpoints(doc: ParsedDocument): Endpoint[] {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = scanDocument(doc)));
  return found;
}

function scanDocument(doc: ParsedDocument): Endpoint[] {
  const found: Endpoint[] = [];
  for (const block of doc.blocks) {
    const own = blockEndpoints(doc, block);
    for (let i = 0; i < own.length; i++) found.push(own[i]);
  }
  for (const section of doc.sections) {
    const heading = doc.lines[section.line] ?? '';
    if (!heading.includes('/')) continue;
    const from = found.length;
    scanLine(heading, section.line, found);
    for (let i = from; i < found.length; i++) found[i].context = { from: section.line, to: section.ownEndLine };
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A block's endpoints depend only on its own lines, which are the same whenever the block object is
 * (an unchanged chunk keeps its blocks between parses), so they are kept per block. Read-only.
 * Blocks without a "/" are left out: looking over their lines again costs less than a WeakMap entry
 * per block on a first open.
 */
const byBlock = new ObjectMemo<Block, Endpoint[]>(MEMO_LIMITS.blocks);
const NONE: Endpoint[] = [];

function blockEndpoints(doc: ParsedDocument, block: Block): Endpoint[] {
  if (block.kind === 'html' || block.kind === 'hr' || DIAGRAM_LANGS.has(block.lang ?? '')) return NONE;
  let found = byBlock.get(block);
  if (found) return found;
  const lines = doc.lines;
  const end = Math.min(block.endLine, lines.length);
  let line = block.kind === 'code' ? (block.contentLine ?? block.line + 1) : block.line;
  // Every endpoint has a "/": a block without one has none.
  while (line < end && !lines[line].includes('/')) line++;
  if (line >= end) return NONE;
  found = [];
  // Lines are visited in order, so a code line's run of neighbours is found once and reused by the lines in it.
  let run: Endpoint['context'] | undefined;
  for (; line < end; line++) {
    const text = lines[line];
    if (!text.includes('/')) continue;
    const from = found.length;
    scanLine(text, line, found);
    if (found.length === from) continue;
    const context = run && line >= run.from && line < run.to ? run : blockContext(doc, block, line);
    if (block.kind === 'code') run = context;
    for (let i = from; i < found.length; i++) found[i].context = context;
  }
  byBlock.set(block, found);
  return found;
}

/** Appends the line's endpoints to `out`, each with the line itself as its context. */
function scanLine(text: string, line: number, out: Endpoint[]): void {
  // exec on the shared regex, not matchAll: matchAll clones the regex on every call.
  ENDPOINT.lastIndex = 0;
  for (let match = ENDPOINT.exec(text); match; match = ENDPOINT.exec(text)) {
    const path = trimTrailingPunctuation(match[2]);
    if (path.length === 0) continue;
    const start = match.index;
    const pathStart = start + match[0].length - match[2].length;
    const pathEnd = pathStart + path.length;
    out.push({
      method: match[1],
      path,
      range: range(line, start, line, pathEnd),
      pathEnd: { line, character: pathEnd },
      context: { from: line, to: line + 1 },
    });
  }
}

/** Drops sentence punctuation after a path ("see GET /users."), with a loop: `/[.,;:!]+$/` backtracks on long runs. */
function trimTrailingPunctuation(path: string): string {
  let end = path.length;
  while (end > 0 && '.,;:!'.includes(path[end - 1])) end--;
  return path.slice(0, end);
}

function blockContext(doc: ParsedDocument, block: Block, line: number): Endpoint['context'] {
  if (block.kind === 'list') {
    // The innermost item holding the line: items are in document order, so it is the last one that starts
    // at or before the line and still holds it (a binary search, then back over ended siblings).
    const items = block.items ?? [];
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (items[mid].line <= line) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) if (line < items[i].endLine) return { from: items[i].line, to: items[i].endLine };
    return { from: block.line, to: block.endLine };
  }
  if (block.kind === 'table') return { from: line, to: line + 1 };
  if (block.kind === 'code') {
    // The run of non-blank lines around the endpoint, inside the fence.
    const first = block.contentLine ?? block.line + 1;
    const last = Math.min(block.endLine, doc.lines.length);
    let from = line;
    while (from > first && doc.lines[from - 1].trim() !== '') from--;
    let to = line + 1;
    while (to < last && doc.lines[to].trim() !== '' && !/^\s*(`{3,}|~{3,})/.test(doc.lines[to])) to++;
    return { from, to };
  }
  return { from: block.line, to: block.endLine };
}

const HOST = /^https?:\/\/[^/]*/;
const QUERY = /[?#]/;

/** The path without scheme and host, query or fragment. */
function barePath(path: string): string {
  const p = path.startsWith('http') ? path.replace(HOST, '') : path;
  const cut = p.search(QUERY);
  return cut >= 0 ? p.slice(0, cut) : p;
}

/** `GET /v1/Users/?x=1` and `GET /v1/users` are the same endpoint. */
export function endpointKey(endpoint: Endpoint): string {
  const path = barePath(endpoint.path);
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return `${endpoint.method} ${path.slice(0, end).toLowerCase()}`;
}

const ID_SEGMENT = /^(?:[{:<[]|\d+$)|[}>\]]$/;
const COLLECTION_WORDS = new Set(['search', 'feed', 'list', 'timeline', 'inbox', 'history', 'people', 'children', 'media']);
// Words ending in "s" that name one thing.
const SINGULAR_S = new Set(['status', 'settings', 'details', 'preferences', 'analytics', 'stats', 'news', 'progress', 'address', 'access', 'alias', 'canvas', 'bonus', 'series', 'species', 'ws', 'sms', 'dns', 'https', 'os']);

const EXTENSION = /\.(?:json|xml|csv)$/i;
const CAMEL = /([a-z0-9])([A-Z])/g;

/** The path's last non-empty segment, or '' when it has none. */
function lastSegment(path: string): string {
  let end = path.length;
  while (end > 0 && path.charCodeAt(end - 1) === 47) end--;
  return end === 0 ? '' : path.slice(path.lastIndexOf('/', end - 1) + 1, end);
}

const isWordChar = (code: number) => (code >= 97 && code <= 122) || (code >= 48 && code <= 57);

/** The last run of [a-z0-9] in `text`, or '' (what a split on /[^a-z0-9]+/ ends with, without the array). */
function lastWord(text: string): string {
  let end = text.length;
  while (end > 0 && !isWordChar(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) start--;
  return text.slice(start, end);
}

/** A path that returns a list: ends in a plural noun or a search/feed/list segment, not in an id. */
export function isCollectionPath(path: string): boolean {
  const last = lastSegment(barePath(path));
  if (!last || ID_SEGMENT.test(last)) return false;
  // The last word of the segment: "listVideos" → "videos", "user-posts.json" → "posts".
  const word = lastWord(last.replace(EXTENSION, '').replace(CAMEL, '$1 $2').toLowerCase());
  if (!word) return false;
  if (COLLECTION_WORDS.has(word)) return true;
  if (SINGULAR_S.has(word) || word.length < 3) return false;
  return word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is');
}
