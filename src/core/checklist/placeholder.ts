// Tells real writing from template leftovers (TODO, "...", <fill in>, bare labels), so an inserted skeleton counts as empty.
import type { Block } from '../types';

const MARKER = /^(?:todo|tbd|tbc|fixme|xxx|wip|placeholder)\b/i;
const ONLY_DOTS = /^[.…\-–—\s]*$/;
const LOREM = /^lorem ipsum\b/i;
const BRACKETED = /^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\})$/;
const PROMPT_VERB = /^(?:describe|explain|list|outline|summari[sz]e|fill in|add|write|state|define|sketch|draw|insert|enter|provide|name)\b/i;
const PROMPT_END = /(?:\.\.\.|…|\bhere\.?)$/i;
// A bold or italic label with nothing after it, e.g. "**Functional requirements**" or "_Options:_".
// Text after a colon inside the emphasis is content: "**Option A: PostgreSQL**".
const BARE_LABEL = /^(\*\*|__|\*|_)[^*_:]+:?\1\s*:?\s*$/;
// A code body that opens with a TODO comment (`%% TODO`, `# TODO`, `// TODO`, `-- TODO`) is still a skeleton.
const CODE_TODO = /^(?:%%|#|\/\/|--|;|\/\*)?\s*(?:todo|tbd|fixme|placeholder)\b/i;

/** True when a line or list item carries no real content. */
export function isPlaceholderText(raw: string): boolean {
  const trimmed = raw.trim();
  if (trimmed === '' || BARE_LABEL.test(trimmed)) return true;
  const text = trimmed.replace(/[*_`~]+/g, '').replace(/^>\s*/, '').trim();
  if (text === '') return true;
  if (MARKER.test(text) || ONLY_DOTS.test(text) || LOREM.test(text) || BRACKETED.test(text)) return true;
  if (PROMPT_VERB.test(text) && PROMPT_END.test(text)) return true;
  // A short label and nothing real after it: "Latency target:", "Pros: TBD".
  const colon = text.indexOf(':');
  if (colon > 0 && colon <= 40) {
    const rest = text.slice(colon + 1).trim();
    return rest === '' || MARKER.test(rest) || ONLY_DOTS.test(rest) || BRACKETED.test(rest);
  }
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
const realLinesMemo = new WeakMap<Block, ContentLine[]>();

export function realLines(block: Block): ContentLine[] {
  let lines = realLinesMemo.get(block);
  if (!lines) realLinesMemo.set(block, (lines = readRealLines(block)));
  return lines;
}

function readRealLines(block: Block): ContentLine[] {
  switch (block.kind) {
    case 'html':
    case 'hr':
      return [];
    case 'list':
      return (block.items ?? [])
        .filter((item) => !isPlaceholderText(item.text))
        .map((item) => ({ text: item.text, line: item.line }));
    case 'code': {
      const body = block.text.split('\n');
      const first = body.find((line) => line.trim() !== '');
      if (first === undefined || CODE_TODO.test(first.trim())) return [];
      const start = block.contentLine ?? block.line;
      return body.map((text, i) => ({ text, line: start + i })).filter((l) => l.text.trim() !== '');
    }
    case 'table': {
      const table = block.table;
      if (!table) return [];
      const rows = table.rows
        .map((row, i) => ({ text: row.join(' | '), line: block.line + 2 + i, real: row.some((cell) => !isPlaceholderText(cell)) }))
        .filter((row) => row.real)
        .map(({ text, line }) => ({ text, line }));
      return rows.length > 0 ? [{ text: table.header.join(' | '), line: block.line }, ...rows] : [];
    }
    default: {
      const lines = block.text.split('\n').map((text, i) => ({ text, line: block.line + i }));
      const real = lines.filter((l) => !isPlaceholderText(l.text));
      if (real.length === 0 && block.images && block.images.length > 0) {
        return block.images.map((image) => ({ text: image.alt || image.src, line: image.line }));
      }
      return real;
    }
  }
}

/** A block is real content when at least one of its lines is. */
export function isRealBlock(block: Block): boolean {
  return realLines(block).length > 0;
}
