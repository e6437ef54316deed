// Parses one chunk of a document (lines that start at a top-level heading) into its headings, blocks
// and suppressions, with document line numbers. parse.ts joins chunks into the section tree.
import type { Env, Token } from 'markdown-it';
import { inlineChildren, parseBlocks } from './blockParser';
import { normalizeHeading } from './headingText';
import type { Block, BlockKind, Image, ListItem, Range, Suppression, Table } from './types';

export interface ChunkHeading {
  level: number;
  title: string;
  normalizedTitle: string;
  line: number;
  headingRange: Range;
}

/** A heading or a top-level block, in document order. */
export type ChunkEntry = { heading: ChunkHeading; block?: undefined } | { block: Block; heading?: undefined };

export interface Chunk {
  /** Document line of the chunk's first line. */
  offset: number;
  lineCount: number;
  entries: ChunkEntry[];
  suppressions: Suppression[];
  /** Link reference definitions found in the chunk (markdown-it's env.references). */
  references: Record<string, unknown>;
  /** A heading or an image whose reading can depend on link references defined elsewhere. */
  readsReferences: boolean;
  /**
   * The chunk's end may not end its last construct in the whole document: an unclosed fence, an HTML
   * block (only a blank line or its end marker ends one), or nesting past markdown-it's limit, which
   * skips to the end of the input.
   */
  runsOn: boolean;
}

/**
 * Heading text without any character that starts inline markup (escapes, entities, code, emphasis,
 * strikethrough, links, images, HTML, line breaks) reads as itself; most headings are like that.
 */
const PLAIN_INLINE = /^[^\\&`*_~[\]!<\n]*$/;

/** Nesting this deep is adversarial; markdown-it's limit (100) makes it skip the rest of the input. */
const DEEP_NESTING = 50;

/** Parses `text` (the chunk's lines joined with \n) as if it started at document line `offset`. */
export function parseChunk(text: string, lines: readonly string[], offset: number, env: Env = {}): Chunk {
  const tokens = parseBlocks(text, env);
  const lineAt = (line: number) => lines[line - offset] ?? '';
  const entries: ChunkEntry[] = [];
  const suppressions: Suppression[] = [];
  let readsReferences = false;
  let deep = false;

  // Every token, nested ones included: the block walk below skips over a block's inner tokens.
  // One search of the chunk spares a search of every token in the many chunks without the marks.
  const marked = text.includes(SUPPRESSION_MARK);
  const imageMark = text.includes('![');
  let images = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const map = token.map;
    if (map) {
      map[0] += offset;
      map[1] += offset;
    }
    if (token.level >= DEEP_NESTING) deep = true;
    const type = token.type;
    if (type === 'inline') {
      // `![alt][label]` is an image only where the label is defined, possibly in another chunk.
      if (imageMark && !images && token.content.includes('![')) images = true;
      if (marked && token.content.includes(SUPPRESSION_MARK)) collectSuppressions(token, suppressions, env);
    } else if (marked && type === 'html_block' && token.content.includes(SUPPRESSION_MARK)) {
      collectSuppressions(token, suppressions, env);
    }
  }
  if (images) readsReferences = true;

  let last: Token | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || !token.map) continue;
    last = token;

    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const line = token.map[0];
      const isInline = inline?.type === 'inline';
      if (isInline && inline.content.includes('[')) readsReferences = true;
      const title = !isInline ? '' : PLAIN_INLINE.test(inline.content) ? inline.content.trim() : plainText(inlineChildren(inline, env));
      entries.push({
        heading: {
          level: Number(token.tag.slice(1)),
          title,
          normalizedTitle: normalizeHeading(title),
          line,
          headingRange: headingRange(lineAt(line), line, token.markup),
        },
      });
      continue;
    }

    const block = readBlock(tokens, i, env, images);
    if (!block) continue;
    entries.push({ block: block.block });
    i = block.next - 1;
  }

  const end = offset + lines.length;
  const runsOn =
    deep ||
    (last !== undefined &&
      last.map![1] >= end &&
      (last.type === 'html_block' || (last.type === 'fence' && !closesFence(lineAt(end - 1), last, end))));
  return {
    offset,
    lineCount: lines.length,
    entries,
    suppressions,
    references: (env.references as Record<string, unknown> | undefined) ?? {},
    readsReferences,
    runsOn,
  };
}

/** True when `line` (the fence's last line) is a closing fence for it. */
function closesFence(line: string, fence: Token, end: number): boolean {
  if (fence.map![1] - fence.map![0] < 2 || fence.map![1] !== end) return false;
  const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
  return !!m && m[1][0] === fence.markup[0] && m[1].length >= fence.markup.length;
}

/** The same chunk, at another document line: a copy, so the cached one stays valid where it was. */
export function shiftChunk(chunk: Chunk, offset: number): Chunk {
  const by = offset - chunk.offset;
  const at = (r: Range): Range => ({
    start: { line: r.start.line + by, character: r.start.character },
    end: { line: r.end.line + by, character: r.end.character },
  });
  return {
    ...chunk,
    offset,
    entries: chunk.entries.map((entry) =>
      entry.heading
        ? { heading: { ...entry.heading, line: entry.heading.line + by, headingRange: at(entry.heading.headingRange) } }
        : { block: shiftBlock(entry.block, by) },
    ),
    suppressions: chunk.suppressions.map((s) => ({ ...s, line: s.line + by })),
  };
}

function shiftBlock(block: Block, by: number): Block {
  const out: Block = { ...block, line: block.line + by, endLine: block.endLine + by };
  if (block.contentLine !== undefined) out.contentLine = block.contentLine + by;
  if (block.items) out.items = block.items.map((item) => ({ ...item, line: item.line + by, endLine: item.endLine + by }));
  if (block.images) out.images = block.images.map((image) => ({ ...image, line: image.line + by }));
  return out;
}

function headingRange(text: string, line: number, markup: string): Range {
  let start = 0;
  let end = text.length;
  if (markup.startsWith('#')) {
    const open = /^ {0,3}#{1,6}[ \t]*/.exec(text);
    start = open ? open[0].length : 0;
    end = headingTextEnd(text, start);
  } else {
    start = text.length - text.trimStart().length;
    end = text.trimEnd().length;
  }
  return { start: { line, character: start }, end: { line, character: Math.max(start, end) } };
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Where an ATX heading's text ends: before trailing blanks and an optional closing `#` run that is
 * preceded by a blank. Scans back from the line end; a `$`-anchored regex here is quadratic on long
 * runs of blanks.
 */
function headingTextEnd(text: string, start: number): number {
  let end = text.length;
  while (end > start && isBlank(text[end - 1])) end--;
  let hashes = end;
  while (hashes > start && text[hashes - 1] === '#') hashes--;
  if (hashes < end && (hashes === start || isBlank(text[hashes - 1]))) {
    end = hashes;
    while (end > start && isBlank(text[end - 1])) end--;
  }
  return end;
}

interface ReadBlock {
  block: Block;
  next: number;
}

const CONTAINERS: Record<string, BlockKind> = {
  paragraph_open: 'paragraph',
  bullet_list_open: 'list',
  ordered_list_open: 'list',
  table_open: 'table',
  blockquote_open: 'blockquote',
};

/** Each container's closing token type (a lookup, so the comparisons below are between interned strings). */
const CLOSERS: Record<string, string> = {
  paragraph_open: 'paragraph_close',
  bullet_list_open: 'bullet_list_close',
  ordered_list_open: 'ordered_list_close',
  table_open: 'table_close',
  blockquote_open: 'blockquote_close',
};

/**
 * Reads one top-level block starting at tokens[start]; returns it and the index after it. `images`:
 * whether any inline token of the chunk contains `![` (else no block needs an inline parse for images).
 */
function readBlock(tokens: Token[], start: number, env: Env, images: boolean): ReadBlock | undefined {
  const token = tokens[start];
  const map = token.map!;
  const type = token.type;

  if (type === 'fence' || type === 'code_block') {
    const info = type === 'fence' ? token.info.trim() : '';
    const block: Block = {
      kind: 'code',
      line: map[0],
      endLine: map[1],
      text: token.content,
      lang: info === '' ? '' : info.split(/\s+/, 1)[0].toLowerCase(),
      info,
      contentLine: type === 'fence' ? map[0] + 1 : map[0],
    };
    return { block, next: start + 1 };
  }
  if (type === 'html_block') {
    return { block: { kind: 'html', line: map[0], endLine: map[1], text: token.content }, next: start + 1 };
  }
  if (type === 'hr') {
    return { block: { kind: 'hr', line: map[0], endLine: map[1], text: '' }, next: start + 1 };
  }

  const kind = CONTAINERS[type];
  if (!kind) return undefined;
  const close = CLOSERS[type];
  let end = start + 1;
  // A paragraph is always open, inline, close; the others nest.
  if (kind === 'paragraph' && tokens[end + 1]?.type === close) end++;
  else {
    for (let depth = 1; end < tokens.length; end++) {
      const t = tokens[end].type;
      if (t === type) depth++;
      else if (t === close && --depth === 0) break;
    }
  }
  const block: Block = { kind, line: map[0], endLine: map[1], text: '' };
  if (images) {
    const found = collectImages(tokens, start + 1, end, env);
    if (found.length > 0) block.images = found;
  }

  if (kind === 'list') {
    block.ordered = type === 'ordered_list_open';
    block.items = readListItems(tokens, start + 1, end);
    let text = '';
    for (let k = 0; k < block.items.length; k++) text += k === 0 ? block.items[k].text : `\n${block.items[k].text}`;
    block.text = text;
  } else if (kind === 'table') {
    block.table = readTable(tokens, start + 1, end);
    block.text = [block.table.header, ...block.table.rows].map((row) => row.join(' | ')).join('\n');
  } else {
    let text: string | undefined;
    for (let k = start + 1; k < end; k++) {
      if (tokens[k].type === 'inline') text = text === undefined ? tokens[k].content : `${text}\n${tokens[k].content}`;
    }
    block.text = text ?? '';
  }
  return { block, next: end + 1 };
}

/** List items among tokens[from, to). */
function readListItems(tokens: Token[], from: number, to: number): ListItem[] {
  const items: ListItem[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    if (token.type !== 'list_item_open' || !token.map) continue;
    // The item's own text is its first inline token before any nested list.
    let text = '';
    for (let j = i + 1; j < to; j++) {
      const t = tokens[j];
      if (t.type === 'inline') {
        text = t.content;
        break;
      }
      if (t.type === 'list_item_close' || t.type.endsWith('_list_open')) break;
    }
    const item: ListItem = { line: token.map[0], endLine: token.map[1], text, depth };
    const task = /^\[([ xX])\]\s?/.exec(text);
    if (task) {
      item.checked = task[1] !== ' ';
      item.text = text.slice(task[0].length);
    }
    items.push(item);
  }
  return items;
}

/** The table among tokens[from, to). */
function readTable(tokens: Token[], from: number, to: number): Table {
  const header: string[] = [];
  const rows: string[][] = [];
  let row: string[] | undefined;
  let inHead = false;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.type === 'thead_open') inHead = true;
    else if (token.type === 'thead_close') inHead = false;
    else if (token.type === 'tr_open') row = [];
    else if (token.type === 'tr_close' && row) {
      if (inHead) header.push(...row);
      else rows.push(row);
      row = undefined;
    } else if (token.type === 'inline' && row) row.push(token.content.trim());
  }
  return { header, rows };
}

/** Images among tokens[from, to). */
function collectImages(tokens: Token[], from: number, to: number, env: Env): Image[] {
  const images: Image[] = [];
  // Table cells' inline tokens have no line map; their row's does.
  let line = 0;
  for (let i = from; i < to; i++) {
    const token = tokens[i];
    if (token.map) line = token.map[0];
    if (token.type !== 'inline' || !token.content.includes('![')) continue;
    for (const child of inlineChildren(token, env)) {
      if (child.type === 'image') {
        images.push({ line, src: String(child.attrGet('src') ?? ''), alt: child.content });
      }
    }
  }
  return images;
}

/** Inline text without markup: emphasis, code spans and links reduced to their words. */
function plainText(children: Token[]): string {
  // text_special: escapes and entities, which markdown-it's text_join rule (off here) would fold into text.
  return children
    .map((child) =>
      child.type === 'text' || child.type === 'text_special' || child.type === 'code_inline'
        ? child.content
        : child.type === 'softbreak'
          ? ' '
          : '',
    )
    .join('')
    .trim();
}

const SUPPRESSION_MARK = 'sysdesign-disable';
const SUPPRESSION = /<!--\s*sysdesign-disable(-next-line)?\b([^>]*?)-->/g;

function collectSuppressions(token: Token, into: Suppression[], env: Env): void {
  const sources: Array<{ content: string; line: number }> = [];
  if (token.type === 'html_block' && token.map) sources.push({ content: token.content, line: token.map[0] });
  if (token.type === 'inline' && token.map && token.content.includes('sysdesign-disable')) {
    for (const child of inlineChildren(token, env)) {
      if (child.type === 'html_inline') sources.push({ content: child.content, line: token.map[0] });
    }
  }
  for (const { content, line } of sources) {
    if (!content.includes('sysdesign-disable')) continue;
    for (const match of content.matchAll(SUPPRESSION)) {
      const before = content.slice(0, match.index ?? 0);
      const codes = match[2]
        .split(/[\s,]+/)
        .map((code) => code.trim())
        .filter(Boolean);
      into.push({
        codes,
        line: line + (before.match(/\n/g)?.length ?? 0),
        scope: match[1] ? 'next-line' : 'file',
      });
    }
  }
}
