// The edit behind "Ignore <code> in this document": a `sysdesign-disable` comment after any front matter.
import type { ParsedDocument, TextEdit } from './types';

export function suppressInDocumentEdit(doc: Pick<ParsedDocument, 'frontMatter'>, code: string, eol = '\n'): TextEdit {
  const line = doc.frontMatter.present ? doc.frontMatter.endLine : 0;
  // Keep a blank line after the comment so it never joins the paragraph or heading below.
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `<!-- sysdesign-disable ${code} -->${eol}${eol}` };
}
