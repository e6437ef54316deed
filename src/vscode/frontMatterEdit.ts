// The edit that names a document's framework in its front matter (`sysdesign: <id>`), as plain text edits.
import { yamlScalar } from '../core/textEscapes';
import type { FrontMatter, TextEdit } from '../core/types';

const KEY_LINE = /^sysdesign[ \t]*:/;


/**
 * Replaces an existing top-level `sysdesign:` line, adds one to existing front matter, or adds
 * front matter at the top. `eol` is the document's line ending.
 */
export function frameworkFrontMatterEdit(lines: readonly string[], frontMatter: FrontMatter, id: string, eol = '\n'): TextEdit {
  const entry = `sysdesign: ${yamlScalar(id)}`;
  if (frontMatter.present) {
    for (let line = frontMatter.startLine + 1; line < frontMatter.endLine - 1; line++) {
      if (KEY_LINE.test(lines[line] ?? '')) {
        return { range: { start: { line, character: 0 }, end: { line, character: lines[line].length } }, newText: entry };
      }
    }
    const line = frontMatter.startLine + 1;
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: entry + eol };
  }
  const blankAfter = lines.length > 0 && lines[0].trim() !== '' ? eol : '';
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `---${eol}${entry}${eol}---${eol}${blankAfter}` };
}
