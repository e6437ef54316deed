// Builds TextEdits that add a Markdown block to a document with one blank line on each side.
import type { ParsedDocument, Section, TextEdit } from '../../types';
import { eol, position, range } from './ranges';

/** Inserts `markdown` (lines joined with `\n`) so that it starts at `line`, pushing that line down. */
export function insertBlockEdit(doc: ParsedDocument, line: number, markdown: string): TextEdit {
  const nl = eol(doc);
  const body = markdown.replace(/\r?\n/g, nl);
  const lines = doc.lines;
  const last = lines.length - 1;
  if (line > last && lines[last] === '') line = last;

  if (line > last) {
    // The document ends without a line break: add the block after its last character.
    const at = position(last, lines[last].length);
    const prefix = lines[last].trim() === '' ? nl : nl + nl;
    return { range: { start: at, end: at }, newText: prefix + body + nl };
  }
  const before = line > 0 && lines[line - 1].trim() !== '' ? nl : '';
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
