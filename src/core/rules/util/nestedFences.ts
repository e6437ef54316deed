// Code fences inside list items: the parser keeps only top-level blocks, but design docs often put a
// schema under a numbered step. This reads them from the list's source lines as extra code blocks.
import type { Block, ParsedDocument } from '../../types';

const OPEN = /^([ \t]*)(`{3,}|~{3,})[ \t]*([^\s`]*)/;
const CLOSE = /^[ \t]*(`{3,}|~{3,})[ \t]*$/;

/** Whether the line's first character after spaces and tabs is a backtick or tilde (OPEN's cheap half). */
function mayOpen(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  const code = text.charCodeAt(i);
  return code === 96 || code === 126;
}

export function nestedFences(doc: ParsedDocument): Block[] {
  const out: Block[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'list') continue;
    const end = Math.min(block.endLine, doc.lines.length);
    for (let line = block.line; line < end; line++) {
      if (!mayOpen(doc.lines[line])) continue;
      const open = OPEN.exec(doc.lines[line]);
      if (!open) continue;
      const indent = open[1].length;
      const marker = open[2];
      const body: string[] = [];
      let close = line + 1;
      for (; close < end; close++) {
        const text = doc.lines[close];
        const m = CLOSE.exec(text);
        if (m && m[1][0] === marker[0] && m[1].length >= marker.length) break;
        // Strip the fence's own indentation, as Markdown does for the body.
        let cut = 0;
        while (cut < indent && cut < text.length && (text[cut] === ' ' || text[cut] === '\t')) cut++;
        body.push(text.slice(cut));
      }
      out.push({
        kind: 'code',
        line,
        endLine: Math.min(close + 1, end),
        text: body.length > 0 ? body.join('\n') + '\n' : '',
        lang: open[3].toLowerCase(),
        info: open[3],
        contentLine: line + 1,
      });
      line = close;
    }
  }
  return out;
}
