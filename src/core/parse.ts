// Turns Markdown text into a section tree with typed blocks, using markdown-it's tokens and line maps.
import type { Env, Token } from 'markdown-it';
import { blockParser, inlineChildren } from './blockParser';
import { readFrontMatter } from './frontMatter';
import { normalizeHeading } from './headingText';
import type { Block, BlockKind, Image, ListItem, ParsedDocument, Section, Suppression, Table } from './types';

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

export function parseDocument(input: string): ParsedDocument {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = splitLines(text);
  const frontMatter = readFrontMatter(lines);

  // Blank the front matter instead of cutting it, so markdown-it's line numbers stay document lines.
  const body = frontMatter.present
    ? lines.map((line, i) => (i < frontMatter.endLine ? '' : line)).join('\n')
    : lines.join('\n');
  const env: Env = {};
  const tokens = blockParser().parse(body, env);

  const root: Section = {
    level: 0,
    title: '',
    normalizedTitle: '',
    line: 0,
    endLine: lines.length,
    ownEndLine: lines.length,
    headingRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    blocks: [],
    children: [],
  };
  const sections: Section[] = [];
  const blocks: Block[] = [];
  const suppressions: Suppression[] = [];
  const stack: Section[] = [root];

  // Every token, nested ones included: the block walk below skips over a block's inner tokens.
  for (const token of tokens) collectSuppressions(token, suppressions, env);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.level !== 0 || !token.map) continue;

    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const level = Number(token.tag.slice(1));
      const line = token.map[0];
      const title = inline?.type === 'inline' ? plainText(inlineChildren(inline, env)) : '';
      const section: Section = {
        level,
        title,
        normalizedTitle: normalizeHeading(title),
        line,
        endLine: lines.length,
        ownEndLine: lines.length,
        headingRange: headingRange(lines[line] ?? '', line, token.markup),
        blocks: [],
        children: [],
      };
      while (stack.length > 1 && stack[stack.length - 1].level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      section.parent = parent;
      parent.children.push(section);
      stack.push(section);
      sections.push(section);
      continue;
    }

    const block = readBlock(tokens, i, env);
    if (!block) continue;
    blocks.push(block.block);
    stack[stack.length - 1].blocks.push(block.block);
    i = block.next - 1;
  }

  closeRanges(root, lines.length);
  return { text, lines, frontMatter, root, sections, blocks, suppressions };
}

/** Sets each section's end to the next heading of the same or a higher level. */
function closeRanges(section: Section, end: number): void {
  section.endLine = end;
  section.ownEndLine = section.children[0]?.line ?? end;
  section.children.forEach((child, index) => closeRanges(child, section.children[index + 1]?.line ?? end));
}

function headingRange(text: string, line: number, markup: string) {
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

/** Reads one top-level block starting at tokens[start]; returns it and the index after it. */
function readBlock(tokens: Token[], start: number, env: Env): ReadBlock | undefined {
  const token = tokens[start];
  const map = token.map!;
  const base = { line: map[0], endLine: map[1] };

  if (token.type === 'fence' || token.type === 'code_block') {
    const info = token.type === 'fence' ? token.info.trim() : '';
    const block: Block = {
      kind: 'code',
      ...base,
      text: token.content,
      lang: info.split(/\s+/, 1)[0].toLowerCase(),
      info,
      contentLine: token.type === 'fence' ? map[0] + 1 : map[0],
    };
    return { block, next: start + 1 };
  }
  if (token.type === 'html_block') {
    return { block: { kind: 'html', ...base, text: token.content }, next: start + 1 };
  }
  if (token.type === 'hr') {
    return { block: { kind: 'hr', ...base, text: '' }, next: start + 1 };
  }

  const kind = CONTAINERS[token.type];
  if (!kind) return undefined;
  const close = token.type.replace('_open', '_close');
  let end = start + 1;
  let depth = 1;
  for (; end < tokens.length; end++) {
    if (tokens[end].type === token.type) depth++;
    else if (tokens[end].type === close && --depth === 0) break;
  }
  const inner = tokens.slice(start + 1, end);
  const block: Block = { kind, ...base, text: '' };
  const images = collectImages(inner, env);
  if (images.length > 0) block.images = images;

  if (kind === 'list') {
    block.ordered = token.type === 'ordered_list_open';
    block.items = readListItems(inner);
    block.text = block.items.map((item) => item.text).join('\n');
  } else if (kind === 'table') {
    block.table = readTable(inner);
    block.text = [block.table.header, ...block.table.rows].map((row) => row.join(' | ')).join('\n');
  } else {
    block.text = inner
      .filter((t) => t.type === 'inline')
      .map((t) => t.content)
      .join('\n');
  }
  return { block, next: end + 1 };
}

function readListItems(tokens: Token[]): ListItem[] {
  const items: ListItem[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') depth++;
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') depth--;
    if (token.type !== 'list_item_open' || !token.map) continue;
    // The item's own text is its first inline token before any nested list.
    let text = '';
    for (let j = i + 1; j < tokens.length; j++) {
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

function readTable(tokens: Token[]): Table {
  const header: string[] = [];
  const rows: string[][] = [];
  let row: string[] | undefined;
  let inHead = false;
  for (const token of tokens) {
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

function collectImages(tokens: Token[], env: Env): Image[] {
  const images: Image[] = [];
  // Table cells' inline tokens have no line map; their row's does.
  let line = 0;
  for (const token of tokens) {
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
