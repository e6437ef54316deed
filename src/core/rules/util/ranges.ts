// Position and range helpers shared by the rules; everything is 0-based like the rest of the core.
import { lineIndexAt, lineStartOffsets } from '../../lineIndex';
import type { Block, ParsedDocument, Position, Range } from '../../types';
import { MEMO_LIMITS, ObjectMemo } from '../../objectMemo';

export function position(line: number, character: number): Position {
  return { line, character };
}

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: position(line, start), end: position(endLine, end) };
}

/** The non-blank text of one line (whole line when blank), so squiggles sit under words, not indentation. */
export function lineRange(doc: ParsedDocument, line: number): Range {
  const text = doc.lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return end > start ? range(line, start, line, end) : range(line, 0, line, text.length);
}

/** The first heading's text (the document title), or line 0 when the document has no heading. */
export function titleRange(doc: ParsedDocument): Range {
  const first = doc.sections[0];
  if (first) return first.headingRange;
  // The line after the front matter, or its closing fence when nothing follows it.
  const after = doc.frontMatter.present ? doc.frontMatter.endLine : 0;
  return lineRange(doc, Math.min(after, doc.lines.length - 1));
}

/** Finds `needle` on lines [from, to) and returns its range. */
export function findInLines(doc: ParsedDocument, from: number, to: number, needle: string): Range | undefined {
  const end = Math.min(to, doc.lines.length);
  for (let line = Math.max(0, from); line < end; line++) {
    const at = doc.lines[line].indexOf(needle);
    if (at >= 0) return range(line, at, line, at + needle.length);
  }
  return undefined;
}

/** The line break the document already uses, so inserted text doesn't mix styles. */
export function eol(doc: ParsedDocument): string {
  // Rules ask once per fix: a scan of the whole text each time made thousands of fixes quadratic.
  let known = eols.get(doc);
  if (known === undefined) {
    known = doc.text.includes('\r\n') ? '\r\n' : '\n';
    eols.set(doc, known);
  }
  return known;
}

const eols = new ObjectMemo<ParsedDocument, string>(MEMO_LIMITS.docs);

/**
 * Maps an offset in a code block's body to a document position. markdown-it strips the fence's
 * indentation from body lines, so each line's column shift is measured against the source line.
 */
export function codeOffsetMapper(doc: ParsedDocument, block: Block): (offset: number) => Position {
  const body = block.text;
  const starts = lineStartOffsets(body);
  const first = block.contentLine ?? block.line + 1;
  // Measured lazily: only lines that some range points at need their shift.
  const shifts = new Map<number, number>();
  const shift = (index: number) => {
    let value = shifts.get(index);
    if (value === undefined) {
      const end = starts[index + 1] ?? body.length + 1;
      const bodyLength = end - 1 - starts[index];
      value = Math.max(0, (doc.lines[first + index] ?? '').length - bodyLength);
      shifts.set(index, value);
    }
    return value;
  };
  return (offset: number) => {
    const index = lineIndexAt(starts, offset);
    return position(first + index, shift(index) + offset - starts[index]);
  };
}
