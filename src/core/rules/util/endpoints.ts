// Finds HTTP endpoints (`GET /v1/feed`) written anywhere in a document, with the text around each one
// that belongs to it: its list item, paragraph, table row, code-block paragraph or heading section.
import type { Block, ParsedDocument, Range } from '../../types';
import { range } from './ranges';

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

const cache = new WeakMap<ParsedDocument, Endpoint[]>();

/** Every endpoint in the document, in document order (computed once per parsed document). */
export function findEndpoints(doc: ParsedDocument): Endpoint[] {
  let found = cache.get(doc);
  if (!found) cache.set(doc, (found = scanDocument(doc)));
  return found;
}

function scanDocument(doc: ParsedDocument): Endpoint[] {
  const found: Endpoint[] = [];
  for (const block of doc.blocks) found.push(...blockEndpoints(doc, block));
  for (const section of doc.sections) {
    for (const endpoint of scanLine(doc.lines[section.line] ?? '', section.line)) {
      endpoint.context = { from: section.line, to: section.ownEndLine };
      found.push(endpoint);
    }
  }
  return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * A block's endpoints depend only on its own lines, which are the same whenever the block object is
 * (an unchanged chunk keeps its blocks between parses), so they are kept per block. Read-only.
 */
const byBlock = new WeakMap<Block, Endpoint[]>();

function blockEndpoints(doc: ParsedDocument, block: Block): Endpoint[] {
  let found = byBlock.get(block);
  if (found) return found;
  found = [];
  if (block.kind !== 'html' && block.kind !== 'hr' && !DIAGRAM_LANGS.has(block.lang ?? '')) {
    const first = block.kind === 'code' ? (block.contentLine ?? block.line + 1) : block.line;
    const end = Math.min(block.endLine, doc.lines.length);
    for (let line = first; line < end; line++) {
      const text = doc.lines[line];
      if (!text.includes('/')) continue;
      for (const endpoint of scanLine(text, line)) {
        endpoint.context = blockContext(doc, block, line);
        found.push(endpoint);
      }
    }
  }
  byBlock.set(block, found);
  return found;
}

function scanLine(text: string, line: number): Endpoint[] {
  const out: Endpoint[] = [];
  for (const match of text.matchAll(ENDPOINT)) {
    const path = trimTrailingPunctuation(match[2]);
    if (path.length === 0) continue;
    const start = match.index ?? 0;
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
  return out;
}

/** Drops sentence punctuation after a path ("see GET /users."), with a loop: `/[.,;:!]+$/` backtracks on long runs. */
function trimTrailingPunctuation(path: string): string {
  let end = path.length;
  while (end > 0 && '.,;:!'.includes(path[end - 1])) end--;
  return path.slice(0, end);
}

function blockContext(doc: ParsedDocument, block: Block, line: number): Endpoint['context'] {
  if (block.kind === 'list') {
    // The innermost item holding the line, nested sub-items included.
    let best: Endpoint['context'] | undefined;
    for (const item of block.items ?? []) {
      if (item.line <= line && line < item.endLine && (!best || item.line >= best.from)) best = { from: item.line, to: item.endLine };
    }
    return best ?? { from: block.line, to: block.endLine };
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

/** `GET /v1/Users/?x=1` and `GET /v1/users` are the same endpoint. */
export function endpointKey(endpoint: Endpoint): string {
  const path = endpoint.path.replace(/^https?:\/\/[^/]*/, '').split(/[?#]/)[0];
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return `${endpoint.method} ${path.slice(0, end).toLowerCase()}`;
}

const ID_SEGMENT = /^(?:[{:<[]|\d+$)|[}>\]]$/;
const COLLECTION_WORDS = new Set(['search', 'feed', 'list', 'timeline', 'inbox', 'history', 'people', 'children', 'media']);
// Words ending in "s" that name one thing.
const SINGULAR_S = new Set(['status', 'settings', 'details', 'preferences', 'analytics', 'stats', 'news', 'progress', 'address', 'access', 'alias', 'canvas', 'bonus', 'series', 'species', 'ws', 'sms', 'dns', 'https', 'os']);

/** A path that returns a list: ends in a plural noun or a search/feed/list segment, not in an id. */
export function isCollectionPath(path: string): boolean {
  let p = path.replace(/^https?:\/\/[^/]*/, '');
  const cut = p.search(/[?#]/);
  if (cut >= 0) p = p.slice(0, cut);
  const segments = p.split('/').filter((segment) => segment !== '');
  const last = segments[segments.length - 1];
  if (!last || ID_SEGMENT.test(last)) return false;
  // The last word of the segment: "listVideos" → "videos", "user-posts.json" → "posts".
  const words = last
    .replace(/\.(?:json|xml|csv)$/i, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const word = words[words.length - 1];
  if (!word) return false;
  if (COLLECTION_WORDS.has(word)) return true;
  if (SINGULAR_S.has(word) || word.length < 3) return false;
  return word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is');
}
