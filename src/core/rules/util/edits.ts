// Builds TextEdits that add a Markdown block to a document with one blank line on each side.
import type { ParsedDocument, Section, TextEdit } from '../../types';
import { eol, position, range } from './ranges';

/**
 * The fence marker of a code fence opened before `line` and never closed. Such a fence runs to the end
 * of the document (so it can only be the last block), and anything inserted after it would be code.
 */
export function unclosedFenceBefore(doc: ParsedDocument, line: number): string | undefined {
  const last = doc.blocks[doc.blocks.length - 1];
  if (!last || last.kind !== 'code' || last.line >= line) return undefined;
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(doc.lines[last.line] ?? '');
  if (!open) return undefined;
  const closeLine = last.endLine - 1;
  const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(doc.lines[closeLine] ?? '');
  const closed = closeLine > last.line && close && close[1][0] === open[1][0] && close[1].length >= open[1].length;
  return closed ? undefined : open[1];
}

/** Inserts `markdown` (lines joined with `\n`) so that it starts at `line`, pushing that line down. */
export function insertBlockEdit(doc: ParsedDocument, line: number, markdown: string): TextEdit {
  const nl = eol(doc);
  const fence = unclosedFenceBefore(doc, line);
  // Close a fence the author left open, or the inserted Markdown would render as code.
  const body = (fence ? fence + nl + nl : '') + markdown.replace(/\r?\n/g, nl);
  const lines = doc.lines;
  const last = lines.length - 1;
  if (line > last && lines[last] === '') line = last;

  if (line > last) {
    // The document ends without a line break: add the block after its last character.
    const at = position(last, lines[last].length);
    const prefix = fence || lines[last].trim() === '' ? nl : nl + nl;
    return { range: { start: at, end: at }, newText: prefix + body + nl };
  }
  const before = !fence && line > 0 && lines[line - 1].trim() !== '' ? nl : '';
  const after = lines[line].trim() !== '' ? nl + nl : nl;
  return { range: range(line, 0, line, 0), newText: before + body + after };
}

/** Line after the last non-blank line of a section's own content (or after its heading). */
export function ownContentEnd(doc: ParsedDocument, section: Section): number {
  let line = Math.min(section.ownEndLine, doc.lines.length) - 1;
  while (line > section.line && doc.lines[line].trim() === '') line--;
  return line + 1;
}

/** Adds `markdown` at the end of a section's own text, before its first sub-heading. */
export function appendToSectionEdit(doc: ParsedDocument, section: Section, markdown: string): TextEdit {
  return insertBlockEdit(doc, ownContentEnd(doc, section), markdown);
}
