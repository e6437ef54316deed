// Tells real writing from template leftovers (TODO, "...", <fill in>, bare labels), so an inserted skeleton counts as empty.
import type { Block } from '../types';
import { MEMO_LIMITS, ObjectMemo } from '../objectMemo';

const MARKER_WORDS = ['todo', 'tbd', 'tbc', 'fixme', 'xxx', 'wip', 'placeholder'];
const MARKER = new RegExp(`^(?:${MARKER_WORDS.join('|')})\\b`, 'i');
const ONLY_DOTS = /^[.…\-–—\s]*$/;
const LOREM = /^lorem ipsum\b/i;
const BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\})$/;
// Regex fragments, listed so the fast path knows their first letters.
const PROMPT_VERBS = ['describe', 'explain', 'list', 'outline', 'summari[sz]e', 'fill in', 'add', 'write', 'state', 'define', 'sketch', 'draw', 'insert', 'enter', 'provide', 'name'];
const PROMPT_VERB = new RegExp(`^(?:${PROMPT_VERBS.join('|')})\\b`, 'i');
const PROMPT_END = /(?:\.\.\.|…|\bhere\.?)$/i;
// A bold or italic label with nothing after it, e.g. "**Functional requirements**" or "_Options:_".
// Text after a colon inside the emphasis is content: "**Option A: PostgreSQL**".
const BARE_LABEL = /^(\*\*|__|\*|_)[^*_:]+:?\1\s*:?\s*$/;
// A code body that opens with a TODO comment (`%% TODO`, `# TODO`, `// TODO`, `-- TODO`) is still a skeleton.
const CODE_TODO = /^(?:%%|#|\/\/|--|;|\/\*)?\s*(?:todo|tbd|fixme|placeholder)\b/i;

/** True when a line or list item carries no real content. */
export function isPlaceholderText(raw: string): boolean {
  const trimmed = raw.trim();
  if (trimmed === '') return true;
  const first = trimmed.charCodeAt(0);
  if ((first === STAR || first === UNDERSCORE) && BARE_LABEL.test(trimmed)) return true;
  const text = stripMarkup(trimmed);
  if (text === '') return true;
  if (startsPlaceholder(text)) return true;
  // A short label and nothing real after it: "Latency target:", "Pros: TBD".
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 40) {
    const rest = text.slice(colon + 1).trim();
    return rest === '' || isFiller(rest);
  }
  return false;
}

/**
 * The text without emphasis/code markers and a leading quote marker, trimmed. Most lines have neither,
 * so each replace runs only when it can change something (same result as always running them).
 */
function stripMarkup(trimmed: string): string {
  let text = hasMarkup(trimmed) ? trimmed.replace(MARKUP_RUNS, '') : trimmed;
  if (text.charCodeAt(0) === QUOTE) text = text.replace(QUOTE_PREFIX, '');
  return text === trimmed ? text : text.trim();
}

const STAR = 0x2a;
const UNDERSCORE = 0x5f;
const QUOTE = 0x3e;
const MARKUP_RUNS = /[*_`~]+/g;
const QUOTE_PREFIX = /^>\s*/;

// indexOf scans natively; a charCodeAt loop or a character-class regex is several times slower here.
function hasMarkup(text: string): boolean {
  return text.indexOf('*') >= 0 || text.indexOf('_') >= 0 || text.indexOf('`') >= 0 || text.indexOf('~') >= 0;
}

/** One bit per letter a-z that starts one of `words` (ASCII, either case). */
function firstLetters(words: string[]): number {
  let mask = 0;
  for (const word of words) mask |= 1 << ((word.charCodeAt(0) | 0x20) - 0x61);
  return mask;
}

const MARKER_FIRST = firstLetters(MARKER_WORDS);
const PROMPT_FIRST = firstLetters(PROMPT_VERBS);
const LOREM_FIRST = firstLetters(['lorem']);

/**
 * The whole-text patterns, tried only when the first character allows them: the word patterns are
 * case-insensitive but not Unicode, so they can only start with an ASCII letter (and only with the
 * first letters of their words); ONLY_DOTS with a dot or dash (the text is trimmed), BRACKETED with a bracket.
 */
function startsPlaceholder(text: string): boolean {
  const first = text.charCodeAt(0);
  const lower = first | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) {
    const letter = 1 << (lower - 0x61);
    return (
      ((MARKER_FIRST & letter) !== 0 && MARKER.test(text)) ||
      (letter === LOREM_FIRST && LOREM.test(text)) ||
      ((PROMPT_FIRST & letter) !== 0 && PROMPT_VERB.test(text) && PROMPT_END.test(text))
    );
  }
  return isDotsOrBracketed(text, first);
}

/** What may follow a label's colon without making it content: a marker, dots, or a bracketed prompt. */
function isFiller(rest: string): boolean {
  const first = rest.charCodeAt(0);
  const lower = first | 0x20;
  if (lower >= 0x61 && lower <= 0x7a) return (MARKER_FIRST & (1 << (lower - 0x61))) !== 0 && MARKER.test(rest);
  return isDotsOrBracketed(rest, first);
}

function isDotsOrBracketed(text: string, first: number): boolean {
  if (first === 0x2e || first === 0x2d || first === 0x2026 || first === 0x2013 || first === 0x2014) return ONLY_DOTS.test(text);
  if (first === 0x3c || first === 0x5b || first === 0x7b) return BRACKETED.test(text);
  return false;
}

/** Lines of a block that carry real content, with their 0-based document lines. */
export interface ContentLine {
  text: string;
  line: number;
}

/**
 * Blocks are never changed after parsing, and an unchanged chunk keeps its block objects between
 * parses, so the answer is kept per block. Callers must not modify the returned array.
 */
const realLinesMemo = new ObjectMemo<Block, ContentLine[]>(MEMO_LIMITS.blocks);

export function realLines(block: Block): ContentLine[] {
  if (block.kind === 'hr') return NONE;
  let lines = realLinesMemo.get(block);
  if (!lines) realLinesMemo.set(block, (lines = readRealLines(block)));
  return lines;
}

/** Shared by every block without real content (most skeleton blocks), so they allocate nothing. */
const NONE: ContentLine[] = Object.freeze([]) as unknown as ContentLine[];
const NON_BLANK = /\S/;

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const HTML_IMAGE = /<(?:img|svg|picture|object|embed)\b/i;
const HTML_TAG = /<[^>]*>/g;

/** An HTML block is content when it shows something: an image, or text outside comments and tags. */
function htmlLines(block: Block): ContentLine[] {
  const visible = block.text.replace(HTML_COMMENT, '');
  if (HTML_IMAGE.test(visible)) return [{ text: 'image', line: block.line }];
  const text = visible.replace(HTML_TAG, ' ').replace(/\s+/g, ' ').trim();
  return text === '' || isPlaceholderText(text) ? NONE : [{ text, line: block.line }];
}

// Loops rather than split/map/filter chains: this reads every block of a document on a first analysis.
function readRealLines(block: Block): ContentLine[] {
  switch (block.kind) {
    case 'html':
      return htmlLines(block);
    case 'list': {
      let real: ContentLine[] | undefined;
      for (const item of block.items ?? []) {
        if (!isPlaceholderText(item.text)) (real ??= []).push({ text: item.text, line: item.line });
      }
      return real ?? NONE;
    }
    case 'code': {
      const body = block.text.split('\n');
      const first = body.find((line) => NON_BLANK.test(line));
      if (first === undefined || CODE_TODO.test(first.trim())) return NONE;
      const start = block.contentLine ?? block.line;
      const real: ContentLine[] = [];
      for (let i = 0; i < body.length; i++) if (NON_BLANK.test(body[i])) real.push({ text: body[i], line: start + i });
      return real;
    }
    case 'table': {
      const table = block.table;
      if (!table) return NONE;
      let real: ContentLine[] | undefined;
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i];
        if (!hasRealCell(row)) continue;
        (real ??= [{ text: table.header.join(' | '), line: block.line }]).push({ text: row.join(' | '), line: block.line + 2 + i });
      }
      return real ?? NONE;
    }
    default: {
      const text = block.text;
      let real: ContentLine[] | undefined;
      for (let from = 0, i = 0; ; i++) {
        const end = text.indexOf('\n', from);
        const line = end < 0 ? (from === 0 ? text : text.slice(from)) : text.slice(from, end);
        if (!isPlaceholderText(line)) (real ??= []).push({ text: line, line: block.line + i });
        if (end < 0) break;
        from = end + 1;
      }
      if (!real && block.images && block.images.length > 0) {
        return block.images.map((image) => ({ text: image.alt || image.src, line: image.line }));
      }
      return real ?? NONE;
    }
  }
}

function hasRealCell(row: string[]): boolean {
  for (const cell of row) if (!isPlaceholderText(cell)) return true;
  return false;
}

/** A block is real content when at least one of its lines is. */
export function isRealBlock(block: Block): boolean {
  return realLines(block).length > 0;
}
