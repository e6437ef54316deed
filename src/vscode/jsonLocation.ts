// Finds where a JSON pointer (`/phases/2/kind`) sits in a JSON file's text, to underline the failing field.
// The ESM build: the package's UMD main uses dynamic requires that a bundler cannot follow.
import { findNodeAtLocation, parseTree, type Node } from 'jsonc-parser/lib/esm/main.js';
import { lineIndexAt, lineStartOffsets } from '../core/lineIndex';
import type { Range } from '../core/types';

/** Decodes RFC 6901 segments; numeric segments index arrays. */
export function pointerSegments(pointer: string): Array<string | number> {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/**
 * Range of the value at `pointer`; falls back to the nearest existing parent (a missing property is
 * reported on the object that should hold it), then to the first line.
 */
export function locatePointer(text: string, pointer: string): Range {
  return pointerRange(text, parseTree(text), pointer, lineStartOffsets(text));
}

function pointerRange(text: string, root: Node | undefined, pointer: string, starts: number[]): Range {
  const positionAt = (offset: number) => positionIn(starts, text, offset);
  let node: Node | undefined;
  if (root) {
    const path = pointerSegments(pointer);
    for (let length = path.length; length >= 0 && !node; length--) {
      node = findNodeAtLocation(root, path.slice(0, length));
    }
    // A property's value: underline the key too so the squiggle lands on the field name.
    if (node?.parent?.type === 'property' && node.parent.children?.[1] === node) node = node.parent;
  }
  if (!node) return { start: { line: 0, character: 0 }, end: { line: 0, character: lineEndOffset(text, 0) } };
  const start = positionAt(node.offset);
  // Objects and arrays span many lines: underline only their first line.
  const endOffset = node.type === 'object' || node.type === 'array' ? lineEndOffset(text, node.offset) : node.offset + node.length;
  return { start, end: positionAt(Math.max(node.offset, endOffset)) };
}

function lineEndOffset(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

function positionIn(starts: number[], text: string, offset: number): { line: number; character: number } {
  const at = Math.min(Math.max(0, offset), text.length);
  const line = lineIndexAt(starts, at);
  return { line, character: at - starts[line] };
}

/** Where a framework load error belongs: its JSON pointer, or the line/column a JSON syntax error names. */
export function locateLoadError(text: string, error: { field: string; message: string }): Range {
  return locateLoadErrors(text, [error])[0];
}

/**
 * Ranges for many errors of one file: the text is parsed once and lines are indexed once, so a file
 * with thousands of errors is located in linear time. Files refused before parsing (too large, too
 * deep) are never parsed here either: their errors have no pointer and land on the first line.
 */
export function locateLoadErrors(text: string, errors: ReadonlyArray<{ field: string; message: string }>): Range[] {
  const starts = lineStartOffsets(text);
  let root: Node | undefined | null = null;
  return errors.map((error) => {
    const syntax = error.field === '' ? /at line (\d+), column (\d+)/.exec(error.message) : null;
    if (syntax) {
      const line = Math.min(Math.max(0, Number(syntax[1]) - 1), starts.length - 1);
      const character = Math.max(0, Number(syntax[2]) - 1);
      const length = lineEndOffset(text, starts[line]) - starts[line];
      return { start: { line, character: Math.min(character, length) }, end: { line, character: Math.max(Math.min(character, length), length) } };
    }
    if (error.field === '' || error.field === '/') return pointerRange(text, undefined, '', starts);
    if (root === null) root = parseTree(text);
    return pointerRange(text, root, error.field, starts);
  });
}
